// @ts-check
// Parameter controls shared by the model widgets: for each parameter a native range
// input (with aria-valuetext), a number box showing the exact value and its unit, and
// the source or "illustrative" note; plus the preset buttons.

import { h } from "./dom.js";
import { withUnit } from "./format.js";

/**
 * @typedef {{label: string, url: string}} Source
 * @typedef {{id: string, label: string, unit: string, min: number, max: number, step: number,
 *   default: number, illustrative: boolean, note: string, sources: Source[]}} ParamSpec
 * @typedef {Record<string, number>} Values
 * @typedef {{id: string, label: string, reasoning: string, values: Values}} Preset
 */

/** @param {number} value @param {ParamSpec} spec */
function snap(value, spec) {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = Math.round((clamped - spec.min) / spec.step);
  return Number((spec.min + steps * spec.step).toFixed(6));
}

/** @param {ParamSpec} spec */
function sourceNote(spec) {
  const body = h("div", { class: "cb-param-note" });
  if (spec.illustrative)
    body.append(
      h(
        "p",
        { class: "cb-badge-line" },
        h("span", { class: "cb-badge", text: "Illustrative" }),
        " No honest source gives this number; the default is a modelling choice.",
      ),
    );
  body.append(h("p", { text: spec.note }));
  if (spec.sources.length) {
    body.append(
      h(
        "p",
        { class: "cb-param-sources" },
        "Sources: ",
        ...spec.sources.flatMap((s, i) => [i ? "; " : "", h("a", { href: s.url, text: s.label, rel: "noopener" })]),
      ),
    );
  }
  return h(
    "details",
    { class: "cb-param-details" },
    h("summary", {}, spec.illustrative ? "Why this value (illustrative)" : "Where this value comes from"),
    body,
  );
}

// parameters: [{id, label, unit, min, max, step, default, illustrative, note, sources}]
/**
 * @param {string} prefix
 * @param {ParamSpec[]} parameters
 * @param {Values} initial
 * @param {(values: Values, changed: string) => void} onChange
 */
export function parameterControls(prefix, parameters, initial, onChange) {
  /** @type {Values} */
  const values = { ...initial };
  /** @typedef {{row: HTMLElement, show: (value: number) => void}} RowEntry */
  /** @type {Map<string, RowEntry>} */
  const rows = new Map();

  for (const spec of parameters) {
    const id = `${prefix}-${spec.id}`;
    const range = /** @type {HTMLInputElement} */ (
      h("input", {
        type: "range",
        id,
        min: spec.min,
        max: spec.max,
        step: spec.step,
        value: values[spec.id],
        class: "cb-param-range",
        "aria-describedby": `${id}-unit`,
      })
    );
    const box = /** @type {HTMLInputElement} */ (
      h("input", {
        type: "number",
        id: `${id}-number`,
        min: spec.min,
        max: spec.max,
        step: spec.step,
        value: values[spec.id],
        class: "cb-field cb-param-number",
        "aria-label": `${spec.label}, exact value in ${spec.unit}`,
      })
    );
    const unit = h("span", { class: "cb-param-unit", id: `${id}-unit`, text: spec.unit });
    const row = h(
      "div",
      { class: "cb-param", "data-param": spec.id },
      h(
        "div",
        { class: "cb-param-head" },
        h("label", { for: id, text: spec.label }),
        spec.illustrative ? h("span", { class: "cb-badge", text: "Illustrative" }) : null,
      ),
      h("div", { class: "cb-param-controls" }, range, h("span", { class: "cb-param-value" }, box, unit)),
      sourceNote(spec),
    );
    const show = (/** @type {number} */ value) => {
      range.value = String(value);
      box.value = String(value);
      range.setAttribute("aria-valuetext", withUnit(value, spec.unit));
    };
    range.addEventListener("input", () => {
      values[spec.id] = Number(range.value);
      show(values[spec.id]);
      onChange({ ...values }, spec.id);
    });
    box.addEventListener("change", () => {
      const typed = Number(box.value);
      values[spec.id] = Number.isFinite(typed) && box.value.trim() !== "" ? snap(typed, spec) : values[spec.id];
      show(values[spec.id]);
      onChange({ ...values }, spec.id);
    });
    show(values[spec.id]);
    rows.set(spec.id, { row, show });
  }

  return {
    rows: [...rows.values()].map((r) => r.row),
    row: (/** @type {string} */ name) => /** @type {RowEntry} */ (rows.get(name)).row,
    values: () => ({ ...values }),
    /** @param {Record<string, unknown>} next */
    set(next) {
      for (const spec of parameters) {
        if (spec.id in next) {
          values[spec.id] = snap(Number(next[spec.id]), spec);
          /** @type {RowEntry} */ (rows.get(spec.id)).show(values[spec.id]);
        }
      }
    },
  };
}

// The "defaults" preset: every parameter at its documented default.
/**
 * @param {ParamSpec[]} parameters
 * @returns {Preset}
 */
export function defaultsPreset(parameters) {
  return {
    id: "defaults",
    label: "Best estimates (the defaults)",
    reasoning:
      "Every setting at its default: a sourced figure where one exists, a neutral choice where none does. Open “Where this value comes from” under a slider to see which.",
    values: Object.fromEntries(parameters.map((p) => [p.id, p.default])),
  };
}

// presets: [{id, label, reasoning, values}]; returns {node, mark(id|null)}.
/**
 * @param {Preset[]} presets
 * @param {(preset: Preset) => void} onChoose
 */
export function presetButtons(presets, onChoose) {
  const reasoning = h("p", { class: "cb-preset-reasoning", "aria-live": "polite" });
  const buttons = presets.map((preset) =>
    h(
      "button",
      {
        type: "button",
        class: "cb-button cb-button-secondary cb-preset",
        "data-preset": preset.id,
        "aria-pressed": "false",
        onclick: () => onChoose(preset),
      },
      preset.label,
    ),
  );
  const node = h(
    "div",
    { class: "cb-presets" },
    h("div", { class: "cb-row", role: "group", "aria-label": "Presets" }, ...buttons),
    reasoning,
  );
  return {
    node,
    buttons,
    /** @param {string | null} id @param {string} [text] */
    mark(id, text = "") {
      for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.preset === id));
      reasoning.textContent = text;
    },
  };
}

// Keeps a widget's `values` in step with its model both ways. publish() sends the
// page's values (to Python, when a kernel is live); a change made elsewhere (Python
// setting `values`) calls onRemote. Returns {publish, stop}.
/**
 * @param {import("./model.js").StandInModel} model
 * @param {(values: Values) => void} onRemote
 */
export function syncValues(model, onRemote) {
  let ours = false;
  const listener = () => {
    if (!ours) onRemote(model.get("values"));
  };
  model.on("change:values", listener);
  return {
    /** @param {Values} values */
    publish(values) {
      ours = true;
      model.set("values", values);
      model.save_changes();
      ours = false;
    },
    stop() {
      model.off("change:values", listener);
    },
  };
}
