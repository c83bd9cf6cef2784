// The article's notes and term previews, on pages that show the article.
//
// The notes themselves are rendered by Sphinx (a numbered list after the article),
// so they work without JavaScript. This script adds:
//   * layer switches (context, fact-check, rhetoric, hindsight), remembered in
//     localStorage for the whole book;
//   * a popover with the note when a highlight or its number is hovered or focused;
//     a click or Enter pins it open, Escape closes it (touch: tap the number);
//   * a preview of a glossary, people or places entry when a term link is hovered
//     or focused.

import { h } from "./lib/dom.js";
import { keyFor, read, write } from "./lib/storage.js";

const LAYERS = [
  ["context", "Context"],
  ["fact-check", "Fact-check"],
  ["rhetoric", "Rhetoric"],
  ["hindsight", "Hindsight"],
];

function isLayerChoice(value) {
  return value !== null && typeof value === "object" && LAYERS.every(([id]) => typeof value[id] === "boolean");
}

// --- layer switches ---------------------------------------------------------------------

function applyLayers(shown) {
  for (const [id] of LAYERS) document.documentElement.classList.toggle(`cb-hide-${id}`, !shown[id]);
}

function layerBar(section, key, shown) {
  const counts = Object.fromEntries(LAYERS.map(([id]) => [id, document.querySelectorAll(`.cb-note.cb-layer-${id}`).length]));
  const boxes = [];
  const bar = h(
    "fieldset",
    { class: "cb-layer-bar" },
    h("legend", { text: "Notes to show in the article" }),
    ...LAYERS.map(([id, label]) => {
      const inputId = `cb-layer-${id}-${section.dataset.cbIndex}`;
      const box = h("input", { type: "checkbox", id: inputId, "data-layer": id });
      box.checked = shown[id];
      box.addEventListener("change", () => {
        shown[id] = box.checked;
        write(key, shown);
        applyLayers(shown);
        for (const other of document.querySelectorAll(`.cb-layer-bar input[data-layer="${id}"]`)) other.checked = box.checked;
      });
      boxes.push(box);
      return h("span", { class: `cb-layer-choice cb-layer-${id}` }, box, h("label", { for: inputId, text: `${label} (${counts[id]})` }));
    }),
  );
  section.before(bar);
}

// --- note popovers ----------------------------------------------------------------------

let openNote = null; // {ref, popover, pinned}

function closeNote(returnFocus = false) {
  if (!openNote) return;
  openNote.popover.remove();
  openNote.ref.setAttribute("aria-expanded", "false");
  if (returnFocus) openNote.ref.focus();
  openNote = null;
}

function showNote(ref, pinned) {
  const id = ref.dataset.cbNote;
  if (openNote && openNote.ref === ref) {
    openNote.pinned = openNote.pinned || pinned;
    return;
  }
  closeNote();
  const note = document.getElementById(id);
  if (!note) return;
  const line = ref.closest(".cb-line");
  const popover = h("div", { class: "cb-popover cb-note-popover", id: `${id}-popover`, role: "note", "aria-label": ref.getAttribute("aria-label") });
  for (const child of note.children) popover.append(child.cloneNode(true));
  popover.append(h("button", { type: "button", class: "cb-popover-close", "aria-label": "Close note", onclick: () => closeNote(true) }, "×"));
  line.append(popover);
  const lineBox = line.getBoundingClientRect();
  const refBox = ref.getBoundingClientRect();
  popover.style.top = `${refBox.bottom - lineBox.top + 6}px`;
  const left = Math.min(Math.max(0, refBox.left - lineBox.left - 40), Math.max(0, lineBox.width - popover.offsetWidth));
  popover.style.left = `${left}px`;
  ref.setAttribute("aria-expanded", "true");
  ref.setAttribute("aria-controls", popover.id);
  popover.addEventListener("mouseenter", () => cancelHide());
  popover.addEventListener("mouseleave", () => scheduleHide());
  openNote = { ref, popover, pinned };
}

let hideTimer = null;
function cancelHide() {
  window.clearTimeout(hideTimer);
}
function scheduleHide() {
  cancelHide();
  hideTimer = window.setTimeout(() => {
    if (openNote && !openNote.pinned && !openNote.popover.contains(document.activeElement)) closeNote();
  }, 250);
}

function refFor(el) {
  if (el.classList.contains("cb-anno-ref")) return el;
  const id = el.dataset.cbNote;
  return document.querySelector(`a.cb-anno-ref[data-cb-note="${id}"]`);
}

function wireNotes() {
  for (const el of document.querySelectorAll("mark.cb-anno, a.cb-anno-ref")) {
    const ref = refFor(el);
    if (!ref) continue;
    el.addEventListener("mouseenter", () => {
      cancelHide();
      showNote(ref, false);
    });
    el.addEventListener("mouseleave", scheduleHide);
  }
  for (const ref of document.querySelectorAll("a.cb-anno-ref")) {
    ref.addEventListener("focus", () => showNote(ref, false));
    ref.addEventListener("blur", scheduleHide);
    ref.addEventListener("click", (event) => {
      event.preventDefault();
      if (openNote && openNote.ref === ref && openNote.pinned) closeNote();
      else {
        closeNote();
        showNote(ref, true);
      }
    });
  }
  document.addEventListener("click", (event) => {
    if (openNote && openNote.pinned && !openNote.popover.contains(event.target) && !event.target.closest("a.cb-anno-ref")) closeNote();
  });
}

// --- term previews ----------------------------------------------------------------------

let tip = null;

function hideTip() {
  if (!tip) return;
  tip.link.removeAttribute("aria-describedby");
  tip.node.remove();
  tip = null;
}

function showTip(link) {
  if (tip && tip.link === link) return;
  hideTip();
  const node = h("div", { class: "cb-popover cb-term-tip", role: "tooltip", id: "cb-term-tip" }, h("span", { text: link.dataset.cbPreview }));
  document.body.append(node);
  const box = link.getBoundingClientRect();
  const width = Math.min(360, document.documentElement.clientWidth - 16);
  node.style.maxWidth = `${width}px`;
  node.style.top = `${window.scrollY + box.bottom + 6}px`;
  node.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8))}px`;
  link.setAttribute("aria-describedby", "cb-term-tip");
  tip = { link, node };
}

function wireTerms() {
  for (const link of document.querySelectorAll("a.cb-term[data-cb-preview]")) {
    link.addEventListener("mouseenter", () => showTip(link));
    link.addEventListener("mouseleave", hideTip);
    link.addEventListener("focus", () => showTip(link));
    link.addEventListener("blur", hideTip);
  }
}

// --- start --------------------------------------------------------------------------------

const sections = [...document.querySelectorAll("section.cb-article")];
if (sections.length) {
  const namespace = sections[0].dataset.cbNamespace;
  const key = keyFor(namespace, "settings", "layers");
  const shown = read(key, isLayerChoice) ?? Object.fromEntries(LAYERS.map(([id]) => [id, true]));
  applyLayers(shown);
  if (document.querySelector(".cb-note")) {
    sections.forEach((section, i) => {
      section.dataset.cbIndex = String(i);
      layerBar(section, key, shown);
    });
  }
  wireNotes();
  wireTerms();
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (tip) hideTip();
    if (openNote) closeNote(true);
  });
}
