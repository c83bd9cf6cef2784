// Printing (Ctrl-P, or coursebook/pdf.py): collapsed sections print open, and close again
// afterwards. The print stylesheet (print.css) does the same in browsers that style
// ::details-content; this covers the others. Installed once per page, whichever page
// script (host.js, annotate.js) asks first.

export function openDetailsForPrint() {
  if (window.cbPrintReady) return;
  window.cbPrintReady = true;
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
