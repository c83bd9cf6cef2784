// The static page's widget host: loaded once per page that has widgets.
//
// Each widget is written into the page as
//   <div data-cb-widget="quiz" id="cb-quiz-…"><script type="application/json">{…}</script></div>
// For each one the host reads the escaped state, imports the widget's module from
// beside this file (so the book works under any sub-path), loads its CSS once, and
// calls the module's render({model, el}) with a model stand-in — exactly what
// anywidget does in Jupyter with a live model.

import { createModel } from "./lib/model.js";

const here = new URL("./", import.meta.url);
const modules = new Map();

function loadStyle(kind) {
  const href = new URL(`${kind}.css`, here).href;
  if (document.querySelector(`link[data-cb-style="${kind}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.dataset.cbStyle = kind;
  document.head.append(link);
}

function loadModule(kind) {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`not a widget name: ${kind}`);
  if (!modules.has(kind)) {
    loadStyle(kind);
    modules.set(kind, import(new URL(`${kind}.js`, here).href).then((m) => m.default ?? m));
  }
  return modules.get(kind);
}

async function mount(el) {
  const kind = el.dataset.cbWidget;
  const script = el.querySelector(":scope > script[type='application/json']");
  const fallback = el.querySelector(":scope > .cb-widget-fallback");
  try {
    const state = JSON.parse(script.textContent);
    const widget = await loadModule(kind);
    const model = createModel(state);
    const target = document.createElement("div");
    target.className = `cb-${kind}-root`;
    el.append(target);
    await widget.render({ model, el: target });
    fallback?.remove();
    el.dataset.cbReady = "true";
  } catch (error) {
    el.dataset.cbReady = "error";
    const message = document.createElement("p");
    message.className = "cb-widget-error";
    message.setAttribute("role", "alert");
    message.textContent = "This exercise could not start in your browser. Reload the page to try again.";
    el.append(message);
    console.error(`coursebook: the ${kind} widget failed to start`, error);
  }
}

for (const el of document.querySelectorAll("[data-cb-widget]")) mount(el);
