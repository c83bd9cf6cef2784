// @ts-check
// The dead-end exercise ("where does the author stand?"): the student's two saved
// readings, loaded from the model and this browser, offered as a preset, and compared
// side by side with the book's reading of the author. Used by js/widgets/deadend.js.

import { summary } from "./deadend.js";
import { h } from "./dom.js";
import { withUnit } from "./format.js";
import { defaultsPreset } from "./params.js";
import { SAVED_READINGS } from "./slots.js";
import { read } from "./storage.js";

/**
 * @typedef {import("./params.js").ParamSpec} ParamSpec
 * @typedef {import("./params.js").Preset} Preset
 * @typedef {import("./params.js").Values} Values
 * @typedef {import("./deadend.js").DeadEndParams} DeadEndParams
 * @typedef {Record<string, Values>} Saved  a saved reading per slot ("author-guess", "own-view")
 * @typedef {[label: string, values: Values | null | undefined]} Column
 */

/**
 * @param {ParamSpec[]} parameters
 * @returns {(value: any) => boolean}
 */
export function isValues(parameters) {
  return (value) =>
    value !== null &&
    typeof value === "object" &&
    parameters.every((p) => typeof value[p.id] === "number" && value[p.id] >= p.min && value[p.id] <= p.max);
}

/** @param {Values} values */
function deadEndText(values) {
  const r = summary(/** @type {DeadEndParams} */ (values));
  return r.dead_end === null ? "none yet" : r.dead_end === 0 ? "from the start" : `after month ${r.dead_end}`;
}

// The student's two saved readings beside the book's reading of the author.
/** @param {ParamSpec[]} parameters @param {Column[]} columns */
export function comparisonTable(parameters, columns) {
  /** @param {Values | null | undefined} values @param {(v: Values) => string} fn */
  const cell = (values, fn) => (values ? fn(values) : "—");
  return h(
    "table",
    { class: "cb-compare" },
    h("caption", { text: "Your readings side by side" }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", text: "Setting" }),
        ...columns.map(([label]) => h("th", { scope: "col", text: label })),
      ),
    ),
    h(
      "tbody",
      {},
      ...parameters.map((p) =>
        h(
          "tr",
          { "data-param": p.id },
          h("th", { scope: "row", text: p.label }),
          ...columns.map(([, v]) => h("td", { text: cell(v, (x) => withUnit(x[p.id], p.unit)) })),
        ),
      ),
      h(
        "tr",
        { class: "cb-compare-result" },
        h("th", { scope: "row", text: "Dead end" }),
        ...columns.map(([, v]) => h("td", { text: cell(v, deadEndText) })),
      ),
    ),
  );
}

/** @param {(slot: string, label: string) => void} onSave @param {HTMLElement} compareSlot */
export function exerciseView(onSave, compareSlot) {
  return h(
    "section",
    { class: "cb-exercise", "aria-label": "Exercise: where does the author stand?" },
    h("p", { class: "cb-exercise-title" }, h("strong", { text: "Exercise: where does the author stand?" })),
    h(
      "ol",
      {},
      h("li", {
        text: "Move the sliders to where you think the author stands, then save them as your reading of the author.",
      }),
      h("li", { text: "Move them to where you stand yourself, then save them as your own view." }),
      h("li", {
        text: "Compare the three columns below. Where do you and the book read the author differently, and why?",
      }),
    ),
    h(
      "div",
      { class: "cb-row" },
      ...SAVED_READINGS.map(([slot, label]) =>
        h(
          "button",
          { type: "button", class: "cb-button cb-save", "data-slot": slot, onclick: () => onSave(slot, label) },
          `Save as ${label.toLowerCase()}`,
        ),
      ),
    ),
    compareSlot,
  );
}

// The student's saved readings: those the kernel holds, then those kept in this browser.
/**
 * @param {Saved | undefined} fromModel
 * @param {((slot: string) => string) | null} savedKey
 * @param {(value: any) => boolean} valid
 * @returns {Saved}
 */
export function loadSaved(fromModel, savedKey, valid) {
  /** @type {Saved} */
  const saved = { ...(fromModel || {}) };
  if (savedKey) {
    for (const [slot] of SAVED_READINGS) {
      const stored = read(savedKey(slot), valid);
      if (stored) saved[slot] = stored;
    }
  }
  return saved;
}

// The presets offered: the defaults, the book's, then the student's own view if saved.
/**
 * @param {ParamSpec[]} parameters
 * @param {Preset[]} presets
 * @param {Saved} saved
 * @returns {Preset[]}
 */
export function presetList(parameters, presets, saved) {
  const own = saved["own-view"]
    ? [
        {
          id: "own-view",
          label: "My own view",
          reasoning: "The values you saved as your own view.",
          values: saved["own-view"],
        },
      ]
    : [];
  return [defaultsPreset(parameters), ...presets, ...own];
}
