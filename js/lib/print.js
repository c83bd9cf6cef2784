// @ts-check
// Printing (Ctrl-P, or coursebook/pdf.py): collapsed sections print open, and close again
// afterwards. The print stylesheet (print.css) does the same in browsers that style
// ::details-content; this covers the others. Installed once per page, whichever page
// script (host.js, annotate.js) asks first.

/** @typedef {Window & {cbPrintReady?: boolean}} PrintWindow */

export function openDetailsForPrint() {
  const win = /** @type {PrintWindow} */ (window);
  if (win.cbPrintReady) return;
  win.cbPrintReady = true;
  /** @type {HTMLDetailsElement[]} */
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = /** @type {HTMLDetailsElement[]} */ ([...document.querySelectorAll("details:not([open])")]);
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
