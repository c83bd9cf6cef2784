// The static page's widget host: loaded once per page that has widgets, as a classic
// script (so the book also works when opened from disk, where browsers refuse modules).
//
// Each widget is written into the page as
//   <div data-cb-widget="quiz" id="cb-quiz-…"><script type="application/json">{…}</script></div>
// For each one the host reads the escaped state, loads the widget's classic bundle from
// beside this file (so the book works under any sub-path, and from file://), which
// registers the module in window.cbWidgets, loads its CSS once, and calls the module's
// render({model, el}) with a model stand-in — exactly what anywidget does in Jupyter
// with a live model and the ES module build of the same sources.

import { createModel } from "./lib/model.js";
import { openDetailsForPrint } from "./lib/print.js";

const here = new URL("./", document.currentScript.src);
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

function loadScript(kind) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(`${kind}.classic.js`, here).href;
    script.onload = () =>
      window.cbWidgets?.[kind] ? resolve(window.cbWidgets[kind]) : reject(new Error(`${kind} did not register`));
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  });
}

function loadModule(kind) {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`not a widget name: ${kind}`);
  if (!modules.has(kind)) {
    loadStyle(kind);
    modules.set(kind, loadScript(kind));
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

// When widgets start. None competes with the page's first paint: after it, the widgets
// near the screen (within 600 px) start, one per task, so no single long task blocks the
// reader's first tap or scroll; the others start as they come near the screen
// (IntersectionObserver). Those still waiting two seconds after the page has loaded (the
// reader is reading the passage by then) start one per idle moment, so a widget far down
// is ready before a reader (or a link, or a test) gets there. Printing starts them all,
// so a printed page shows every widget (coursebook/pdf.py waits for them).
const FILL_AFTER_LOAD_MS = 2000;
const pending = new Set(document.querySelectorAll("[data-cb-widget]"));
const queue = [];
let draining = false;
const yieldToPage = () => new Promise((resolve) => window.setTimeout(resolve, 0));

function start(el) {
  if (!pending.delete(el)) return undefined;
  observer?.unobserve(el);
  return mount(el);
}

async function drain() {
  if (draining) return;
  draining = true;
  while (queue.length) {
    start(queue.shift());
    await yieldToPage();
  }
  draining = false;
}

function soon(el) {
  queue.push(el);
  drain();
}

function near(entries) {
  for (const entry of entries) if (entry.isIntersecting) soon(entry.target);
}

const observer = "IntersectionObserver" in window ? new IntersectionObserver(near, { rootMargin: "600px 0px" }) : null;

const idle = window.requestIdleCallback
  ? (task) => window.requestIdleCallback(task, { timeout: 3000 })
  : (task) => window.setTimeout(task, 300);

function fill() {
  const next = pending.values().next();
  if (next.done) return;
  start(next.value);
  idle(fill);
}

function afterFirstPaint(task) {
  window.requestAnimationFrame(() => window.setTimeout(task, 0));
}

// A link to something a widget draws (a question, #cb-q-…, from the progress page): the
// target does not exist until its widget starts, so start them all and go to it.
// The page goes there once every widget has drawn itself: those above the target move it
// down as they draw, so going there as soon as it exists may leave it off the screen.
function revealHash() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id || document.getElementById(id) || !pending.size) return;
  const drawing = [...pending].map(start);
  Promise.allSettled(drawing).then(() => document.getElementById(id)?.scrollIntoView({ block: "start" }));
}

openDetailsForPrint();
window.addEventListener("beforeprint", () => {
  for (const el of [...pending]) start(el);
});
window.addEventListener("hashchange", revealHash);
afterFirstPaint(() => {
  revealHash();
  for (const el of pending) {
    if (observer) observer.observe(el);
    else soon(el);
  }
  const later = () => window.setTimeout(() => idle(fill), FILL_AFTER_LOAD_MS);
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
});
