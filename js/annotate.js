// The article's notes and term previews, on pages that show the article.
//
// Sphinx renders each note twice over, so that the page works without this script:
// beside its words (a margin note, shown by CSS on wide screens) and in a list after
// the article (for print, and for narrow screens without JavaScript). This script adds:
//   * layer switches (the book's layers, from data/layers.yaml, which the build writes
//     into the switches' fieldset as data-layers: the one list of layers), remembered in
//     localStorage (the whole-article page keeps its own choice, all off at first);
//   * on wide screens (≥ 1200 px), the margin note of the highlight or number that is
//     hovered, focused, clicked or tapped is marked as the current one;
//   * on narrower screens, the note opens in a sheet at the bottom of the screen, above
//     the theme's buttons, and the list after the article is hidden (no note shows
//     twice); the page scrolls so the sheet never hides the number it belongs to;
//   * focus moving from note to note keeps the focused note open; Escape closes it and
//     returns focus to its number;
//   * a preview of a glossary, people or places entry when a term link is hovered or
//     focused: its text comes from window.cbPreviews (id -> text), defined by the shared
//     _static/coursebook/previews.js that the build writes; pages with term links name it
//     (script#cb-previews, type text/plain) and this script loads it on first use
//     (js/lib/shared.js), not from each page; it is shown as text only.

import { h } from "./lib/dom.js";
import { openDetailsForPrint } from "./lib/print.js";
import { loadShared } from "./lib/shared.js";
import { keyFor, read, write } from "./lib/storage.js";

const LAYERS = (document.querySelector(".cb-layer-bar")?.dataset.layers || "").split(" ").filter(Boolean);
const WIDE = window.matchMedia("(min-width: 1200px)");

function isLayerChoice(value) {
  return value !== null && typeof value === "object" && LAYERS.every((id) => typeof value[id] === "boolean");
}

// --- layer switches ---------------------------------------------------------------------

// book.css styles the default layers; the rules that hide a switched-off layer are written
// here, for whatever layers the book has (ids are [a-z0-9-], safe in a selector).
function hideRules() {
  const css = LAYERS.map(
    (id) =>
      `html.cb-hide-${id} mark.cb-layer-${id} { background: none; text-decoration: none; }\n` +
      `html.cb-hide-${id} [data-cb-layer="${id}"], html.cb-hide-${id} .cb-note.cb-layer-${id} { display: none; }`,
  ).join("\n");
  document.head.append(h("style", { text: css }));
}

function applyLayers(shown) {
  for (const id of LAYERS) document.documentElement.classList.toggle(`cb-hide-${id}`, !shown[id]);
}

// The switches are in the page (written by the build, so nothing shifts); wire them.
function wireLayerBar(key, shown) {
  for (const box of document.querySelectorAll(".cb-layer-bar input[data-layer]")) {
    const id = box.dataset.layer;
    box.checked = shown[id];
    box.addEventListener("change", () => {
      shown[id] = box.checked;
      write(key, shown);
      applyLayers(shown);
      if (current && !box.checked && current.side?.dataset.cbLayer === id) closeNote();
    });
  }
}

// --- notes: margin on wide screens, a sheet on narrow ones ------------------------------

let current = null; // {ref, side, how: "focus" | "pointer" | "hover"}
let sheet = null;
let returning = false; // focus going back to a number as its note closes: do not reopen

function refOf(el) {
  if (el.classList.contains("cb-anno-ref")) return el;
  return document.querySelector(`a.cb-anno-ref[data-cb-note="${el.dataset.cbNote}"]`);
}

function sideOf(ref) {
  return document.getElementById(`side-${ref.dataset.cbNote}`);
}

function theSheet() {
  if (sheet) return sheet;
  const body = h("div", { class: "cb-sheet-body" });
  const close = h("button", { type: "button", class: "cb-sheet-close", "aria-label": "Close note" }, "×");
  close.addEventListener("click", () => closeNote(true));
  sheet = h("aside", { class: "cb-sheet", id: "cb-note-sheet", "aria-live": "polite", hidden: true }, close, body);
  sheet.body = body;
  document.body.append(sheet);
  return sheet;
}

function closeNote(returnFocus = false) {
  if (!current) return;
  const { ref, side } = current;
  ref.setAttribute("aria-expanded", "false");
  side?.classList.remove("cb-current");
  if (sheet && !sheet.hidden) {
    sheet.hidden = true;
    sheet.body.replaceChildren();
    document.documentElement.classList.remove("cb-sheet-open");
  }
  current = null;
  if (returnFocus) {
    returning = true;
    ref.focus();
    returning = false;
  }
}

// Keep the number visible above the sheet (a note near the bottom of the screen).
function keepAboveSheet(ref) {
  const room = sheet.getBoundingClientRect().top - 12;
  const box = ref.getBoundingClientRect();
  if (box.bottom > room) window.scrollBy({ top: box.bottom - room + 24, behavior: "instant" });
  else if (box.top < 64) window.scrollBy({ top: box.top - 80, behavior: "instant" });
}

function openNote(ref, how) {
  const side = sideOf(ref);
  if (!side) return;
  if (current && current.ref === ref) {
    // A click or tap pins a note that focus or hover opened; nothing downgrades a pin.
    if (how === "pointer" || current.how === "hover") current.how = how;
    return;
  }
  closeNote();
  current = { ref, side, how };
  ref.setAttribute("aria-expanded", "true");
  if (WIDE.matches) {
    side.classList.add("cb-current");
    const box = side.getBoundingClientRect();
    if (how !== "hover" && (box.top < 0 || box.bottom > window.innerHeight)) side.scrollIntoView({ block: "nearest" });
    return;
  }
  const panel = theSheet();
  panel.setAttribute("aria-label", ref.getAttribute("aria-label"));
  panel.className = `cb-sheet cb-layer-${side.dataset.cbLayer}`;
  panel.body.replaceChildren(...[...side.childNodes].map((n) => n.cloneNode(true)));
  panel.hidden = false;
  ref.setAttribute("aria-controls", panel.id);
  document.documentElement.classList.add("cb-sheet-open");
  keepAboveSheet(ref);
}

let hoverTimer = null;

function wireNotes() {
  for (const el of document.querySelectorAll("mark.cb-anno, a.cb-anno-ref")) {
    const ref = refOf(el);
    if (!ref) continue;
    el.addEventListener("click", (event) => {
      // A link inside the highlighted words (a glossary term) goes where it points.
      if (el.tagName === "MARK" && event.target.closest("a")) return;
      event.preventDefault();
      if (current && current.ref === ref && current.how === "pointer") closeNote();
      else openNote(ref, "pointer");
    });
    // Hovering only marks the margin note; on narrow screens a sheet needs a click.
    el.addEventListener("mouseenter", () => {
      if (!WIDE.matches || (current && current.how !== "hover")) return;
      window.clearTimeout(hoverTimer);
      openNote(ref, "hover");
    });
    el.addEventListener("mouseleave", () => {
      hoverTimer = window.setTimeout(() => {
        if (current && current.how === "hover") closeNote();
      }, 150);
    });
  }
  for (const ref of document.querySelectorAll("a.cb-anno-ref")) {
    ref.addEventListener("focus", () => returning || openNote(ref, "focus"));
  }
  // A note opened by focus stays open while focus is on a note's number, in its margin
  // note or in the sheet; it closes when focus goes anywhere else.
  document.addEventListener("focusin", (event) => {
    if (current?.how !== "focus") return;
    const now = event.target;
    if (now.classList?.contains("cb-anno-ref") || now.closest?.(".cb-side, .cb-sheet")) return;
    closeNote();
  });
  document.addEventListener("click", (event) => {
    if (current?.how !== "pointer") return;
    if (event.target.closest("mark.cb-anno, a.cb-anno-ref, .cb-sheet, .cb-side")) return;
    closeNote();
  });
  WIDE.addEventListener("change", () => closeNote());
}

// Arriving from another page's link to a note (#note-…): open it.
function fromHash() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id.startsWith("note-")) return;
  const ref = document.querySelector(`a.cb-anno-ref[data-cb-note="${CSS.escape(id)}"]`);
  if (!ref?.offsetParent) return;
  ref.scrollIntoView({ block: "center" });
  openNote(ref, "pointer");
}

// --- term previews ----------------------------------------------------------------------

let tip = null;

function hideTip() {
  if (!tip) return;
  tip.link.removeAttribute("aria-describedby");
  tip.node.remove();
  tip = null;
}

// The previews script, loaded once, when a reader first points at or tabs to a term: most
// readers of a page never ask for a preview, so the page does not fetch them up front.
const loadPreviews = () => loadShared("cb-previews", "cbPreviews");

// The preview of a term link, or "" (no previews script, or no entry for the id).
function previewOf(link) {
  const previews = /** @type {any} */ (window).cbPreviews;
  const text = previews && Object.hasOwn(previews, link.dataset.cbTerm) ? previews[link.dataset.cbTerm] : "";
  return typeof text === "string" ? text : "";
}

function showTip(link, text) {
  if (tip && tip.link === link) return;
  hideTip();
  const node = h("div", { class: "cb-popover cb-term-tip", role: "tooltip", id: "cb-term-tip" }, h("span", { text }));
  document.body.append(node);
  const box = link.getBoundingClientRect();
  const width = Math.min(360, document.documentElement.clientWidth - 16);
  node.style.maxWidth = `${width}px`;
  node.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8))}px`;
  // Below the words, or above them when there is no room below.
  const below = box.bottom + 6 + node.offsetHeight <= window.innerHeight;
  node.style.top = `${window.scrollY + (below ? box.bottom + 6 : box.top - 6 - node.offsetHeight)}px`;
  link.setAttribute("aria-describedby", "cb-term-tip");
  tip = { link, node };
}

function wireTerms() {
  for (const link of document.querySelectorAll("a.cb-term[data-cb-term]")) {
    let wanted = false; // still pointed at or focused when the previews arrive
    const show = () => {
      wanted = true;
      loadPreviews().then(() => {
        const text = previewOf(link);
        if (wanted && text) showTip(link, text); // without a preview the link still leads to the entry
      });
    };
    const hide = () => {
      wanted = false;
      if (tip && tip.link === link) hideTip();
    };
    link.addEventListener("mouseenter", show);
    link.addEventListener("mouseleave", hide);
    link.addEventListener("focus", show);
    link.addEventListener("blur", hide);
  }
}

// --- start --------------------------------------------------------------------------------

openDetailsForPrint();

const sections = [...document.querySelectorAll("section.cb-article")];
if (sections.length) {
  const namespace = sections[0].dataset.cbNamespace;
  const reading = sections.some((s) => s.classList.contains("cb-reading"));
  const key = keyFor(namespace, "settings", reading ? "layers-reading" : "layers");
  const shown = read(key, isLayerChoice) ?? Object.fromEntries(LAYERS.map((id) => [id, !reading]));
  hideRules();
  applyLayers(shown);
  for (const section of sections) delete section.dataset.cbLayers;
  document.documentElement.classList.add("cb-notes-js");
  wireLayerBar(key, shown);
  wireNotes();
  wireTerms();
  fromHash();
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (tip) hideTip();
    if (current) closeNote(true);
  });
}
