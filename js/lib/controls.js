// @ts-check
// The controls of one quiz question, one builder per type. Each shows the options in
// the student's own order (`order`: file indexes in display order) but reads and shows
// responses as file indexes, which is what the grader (grade.js, grading.py) takes.
// Text from the data files only reaches the page through textContent (dom.js).

import { h } from "./dom.js";

/**
 * @typedef {{
 *   node: HTMLElement, read: () => any, show: (response: any) => void, clear: () => void,
 *   focus: () => void, mark: (rows: number[]) => void, missing: string
 * }} Controls
 * @typedef {any} Question  a question as the page embeds it
 * @typedef {(message: string) => void} Say
 */

/** @param {Question} q @param {string} base @param {Say} _say @param {number[]} order @returns {Controls} */
function choiceControls(q, base, _say, order) {
  const type = q.type === "multiple" ? "checkbox" : "radio";
  const fieldset = h("fieldset", { class: "cb-q-options" }, h("legend", { class: "cb-q-prompt", text: q.prompt }));
  for (const i of order) {
    const id = `${base}-opt-${i}`;
    fieldset.append(
      h(
        "div",
        { class: "cb-q-option" },
        h("input", { type, id, name: `${base}-choice`, value: String(i) }),
        h("label", { for: id, text: q.options[i].text }),
      ),
    );
  }
  const inputs = () => [...fieldset.querySelectorAll("input")];
  return {
    node: fieldset,
    read() {
      const checked = inputs()
        .filter((input) => input.checked)
        .map((input) => Number(input.value));
      if (q.type === "multiple") return checked.length ? checked.sort((a, b) => a - b) : null;
      return checked.length ? checked[0] : null;
    },
    show(response) {
      const chosen = new Set(Array.isArray(response) ? response : [response]);
      inputs().forEach((input) => {
        input.checked = chosen.has(Number(input.value));
      });
    },
    clear() {
      inputs().forEach((input) => {
        input.checked = false;
      });
    },
    focus() {
      inputs()[0]?.focus();
    },
    mark() {},
    missing: q.type === "multiple" ? "Choose at least one option first." : "Choose an option first.",
  };
}

/** @param {Question} q @param {string} base @returns {Controls} */
function numericControls(q, base) {
  const id = `${base}-number`;
  const input = /** @type {HTMLInputElement} */ (
    h("input", {
      type: "text",
      inputmode: "decimal",
      id,
      class: "cb-field",
      autocomplete: "off",
      "aria-describedby": `${base}-unit`,
    })
  );
  const node = h(
    "div",
    { class: "cb-q-numeric" },
    h("label", { for: id, class: "cb-q-prompt", text: q.prompt }),
    h(
      "div",
      { class: "cb-q-number-row" },
      input,
      h("span", { id: `${base}-unit`, class: "cb-q-unit", text: q.unit || "" }),
    ),
  );
  return {
    node,
    read() {
      const text = input.value.trim().replace(/,/g, "");
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
      return Number(text);
    },
    show(response) {
      input.value = String(response);
    },
    clear() {
      input.value = "";
    },
    focus() {
      input.focus();
    },
    mark() {},
    missing: "Type a number first (digits only, for example 4 or 2.5).",
  };
}

/** A row marked wrong: a class, and words for those who cannot see the colour. */
/** @param {Element} row @param {boolean} wrong @param {string} words */
function markRow(row, wrong, words) {
  row.classList.toggle("cb-row-wrong", wrong);
  row.querySelector(".cb-q-row-mark")?.remove();
  if (wrong) row.append(h("span", { class: "cb-q-row-mark", text: words }));
}

/** @param {Question} q @param {string} base @param {Say} say @param {number[]} order @returns {Controls} */
function orderControls(q, base, say, order) {
  const promptId = `${base}-prompt`;
  const list = h("ol", { class: "cb-q-order", "aria-labelledby": promptId });
  let current = [...order];

  /** @param {number} [focusItem] @param {number} [focusDirection] (no focus move: -1, 0) */
  function draw(focusItem = -1, focusDirection = 0) {
    list.replaceChildren();
    current.forEach((item, position) => {
      const text = q.items[item].text;
      const button = (/** @type {string} */ label, /** @type {number} */ step, /** @type {boolean} */ disabled) =>
        h(
          "button",
          {
            type: "button",
            class: "cb-q-move",
            "aria-label": `Move “${text}” ${label.toLowerCase()}`,
            disabled,
            onclick: () => move(position, step),
          },
          `${step < 0 ? "↑" : "↓"} ${label}`,
        );
      const up = button("Up", -1, position === 0);
      const down = button("Down", 1, position === current.length - 1);
      list.append(
        h(
          "li",
          { class: "cb-q-order-item", "data-item": String(item) },
          h("span", { class: "cb-q-order-text", text }),
          h("span", { class: "cb-q-order-buttons" }, up, down),
        ),
      );
      if (item === focusItem) {
        const preferred = focusDirection < 0 ? up : down;
        const p = /** @type {HTMLButtonElement} */ (preferred);
        (p.disabled ? (focusDirection < 0 ? down : up) : p).focus();
      }
    });
  }

  /** @param {number} position @param {number} step */
  function move(position, step) {
    const target = position + step;
    if (target < 0 || target >= current.length) return;
    const item = current[position];
    [current[position], current[target]] = [current[target], current[position]];
    draw(item, step);
    say(`“${q.items[item].text}” moved to position ${target + 1} of ${current.length}.`);
  }

  draw();
  return {
    node: h("div", { class: "cb-q-order-wrap" }, h("p", { id: promptId, class: "cb-q-prompt", text: q.prompt }), list),
    read: () => [...current],
    show(response) {
      current = [...response];
      draw();
    },
    clear() {
      current = [...order];
      draw();
    },
    focus() {
      /** @type {HTMLButtonElement | null} */ (list.querySelector("button:not([disabled])"))?.focus();
    },
    mark(rows) {
      for (const [position, row] of [...list.children].entries())
        markRow(row, rows.includes(position), " ✗ not in its place");
    },
    missing: "",
  };
}

/** @param {Question} q @param {string} base @param {Say} _say @param {number[]} order @returns {Controls} */
function matchControls(q, base, _say, order) {
  /** @type {{id: string, select: HTMLSelectElement, label: string, row: HTMLElement}[]} */
  const selects = q.pairs.map((/** @type {any} */ pair, /** @type {number} */ left) => {
    const id = `${base}-match-${left}`;
    const select = /** @type {HTMLSelectElement} */ (
      h("select", { id, class: "cb-field" }, h("option", { value: "", text: "Choose…" }))
    );
    for (const right of order) select.append(h("option", { value: String(right), text: q.pairs[right].right }));
    return {
      id,
      select,
      label: pair.left,
      row: h("div", { class: "cb-q-match-row" }, h("label", { for: id, text: pair.left }), select),
    };
  });
  const node = h(
    "fieldset",
    { class: "cb-q-match" },
    h("legend", { class: "cb-q-prompt", text: q.prompt }),
    ...selects.map((s) => s.row),
  );
  return {
    node,
    read() {
      const values = selects.map(({ select }) => (select.value === "" ? null : Number(select.value)));
      return values.every((v) => v === null) ? null : values;
    },
    show(response) {
      selects.forEach(({ select }, i) => {
        select.value = response[i] === null ? "" : String(response[i]);
      });
    },
    clear() {
      selects.forEach(({ select, row }) => {
        select.value = "";
        markRow(row, false, "");
      });
    },
    focus() {
      selects[0].select.focus();
    },
    mark(rows) {
      for (const [left, { row }] of selects.entries()) markRow(row, rows.includes(left), " ✗ not this one");
    },
    missing: "Choose a match for at least one item first.",
  };
}

/** @type {Record<string, (q: Question, base: string, say: Say, order: number[]) => Controls>} */
export const CONTROLS = {
  single: choiceControls,
  "true-false": choiceControls,
  multiple: choiceControls,
  numeric: numericControls,
  order: orderControls,
  match: matchControls,
};
