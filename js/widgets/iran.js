// @ts-check
// "Iran as a bargaining chip?": the expected value to Moscow of selling out Iran for a
// deal with Washington, set against the two precedents the article cites (1995, 2010).
//
// State read from the model: IranState below. State written: values.

import { announcer, h } from "../lib/dom.js";
import { billions } from "../lib/format.js";
import { summary } from "../lib/iran.js";
import { defaultsPreset, parameterControls, presetButtons, syncValues } from "../lib/params.js";
import { s, scale, ticks } from "../lib/svg.js";

/**
 * @typedef {import("../lib/iran.js").IranParams} IranParams
 * @typedef {ReturnType<typeof summary>} IranResult
 * @typedef {import("../lib/params.js").Source} Source
 * @typedef {{id: string, year: number, label: string, paragraph: string, gave_up: string, figure: number | null,
 *   figure_note: string | null, outcome: string, passage_href: string, passage_label: string,
 *   sources: Source[]}} Precedent
 * @typedef {{parameters: import("../lib/params.js").ParamSpec[], presets: import("../lib/params.js").Preset[],
 *   values: IranParams, precedents: Precedent[]}} IranState
 * @typedef {[label: string, value: number, cls: string]} Item
 */

// Drawn at the width it is shown at (text at 12 px and up). Narrow: labels above the bars.
/** @param {number} width */
function layout(width) {
  const W = Math.max(200, Math.round(width || 640));
  const stacked = W < 480;
  return { W, stacked, ROW: stacked ? 46 : 34, M: { left: stacked ? 10 : 190, right: 20, top: 10, bottom: 34 } };
}

/**
 * @param {IranParams} values
 * @param {IranResult} result
 * @returns {Item[]}
 */
function items(values, result) {
  return [
    ["Expected gain from a deal", result.expected_gain, "cb-bar-gain"],
    ["Cancelled contracts", -values.cancelled_contracts, "cb-bar-loss"],
    ["Iran's distrust", -values.distrust_cost, "cb-bar-loss"],
    ["Expected value", result.expected_value, "cb-bar-total"],
  ];
}

/** @param {IranParams} values @param {IranResult} result @param {number} width */
function bars(values, result, width) {
  const { W, stacked, ROW, M } = layout(width);
  const rows = items(values, result);
  const height = M.top + M.bottom + ROW * rows.length;
  const low = Math.min(0, ...rows.map((r) => r[1]));
  const high = Math.max(0, ...rows.map((r) => r[1]));
  const xs = scale(low, high === low ? low + 1 : high, M.left, W - M.right);
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${height}`,
    class: "cb-chart-svg cb-bars",
    role: "img",
    "aria-labelledby": "cb-iran-chart-title cb-iran-chart-desc",
  });
  svg.append(
    s(
      "title",
      { id: "cb-iran-chart-title" },
      "What selling out Iran might gain and would cost Moscow, in billion US dollars",
    ),
    s("desc", { id: "cb-iran-chart-desc" }, `${result.sentence} The table below gives every value.`),
  );
  for (const v of ticks(low, high)) {
    svg.append(
      s("line", { x1: xs(v), x2: xs(v), y1: M.top, y2: height - M.bottom, class: v === 0 ? "cb-zero" : "cb-grid" }),
      s("text", { x: xs(v), y: height - M.bottom + 16, "text-anchor": "middle" }, `${v}`),
    );
  }
  rows.forEach(([label, value, cls], i) => {
    const y = M.top + i * ROW + (stacked ? 18 : 6);
    const x0 = xs(Math.min(0, value));
    const width = Math.max(1, Math.abs(xs(value) - xs(0)));
    svg.append(
      stacked
        ? s("text", { x: M.left, y: y - 5 }, label)
        : s("text", { x: M.left - 8, y: y + 15, "text-anchor": "end" }, label),
      s("rect", { x: x0, y, width, height: stacked ? ROW - 26 : ROW - 12, class: cls, "data-item": label }),
    );
  });
  svg.append(
    s(
      "text",
      { x: (M.left + W - M.right) / 2, y: height - 4, "text-anchor": "middle", class: "cb-axis-title" },
      "billion US dollars",
    ),
  );
  return h("figure", { class: "cb-chart" }, svg);
}

/** @param {IranParams} values @param {IranResult} result */
function table(values, result) {
  return h(
    "table",
    { class: "cb-model-table cb-iran-table" },
    h("caption", { text: "The bet in numbers (billion US dollars)" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Item" }), h("th", { scope: "col", text: "Value" }))),
    h(
      "tbody",
      {},
      ...items(values, result).map(([label, value]) =>
        h("tr", {}, h("th", { scope: "row", text: label }), h("td", { text: billions(value) })),
      ),
    ),
  );
}

/** @param {Precedent[]} precedents */
function precedentCards(precedents) {
  return h(
    "ul",
    { class: "cb-precedents", "aria-label": "The record: what Russia gave up before" },
    ...precedents.map((p) =>
      h(
        "li",
        { class: "cb-precedent", "data-precedent": p.id },
        h("p", { class: "cb-precedent-title", text: `${p.year}: ${p.label}` }),
        h("p", {}, h("strong", { text: "What Russia gave up: " }), p.gave_up),
        p.figure !== null
          ? h("p", {}, h("strong", { text: `Figure: ${billions(p.figure)}. ` }), p.figure_note || "")
          : null,
        h("p", {}, h("strong", { text: "What it got: " }), p.outcome),
        h(
          "p",
          { class: "cb-param-sources" },
          h("a", { href: p.passage_href, text: `Read ${p.passage_label}` }),
          " · Sources: ",
          ...p.sources.flatMap((src, i) => [
            i ? "; " : "",
            h("a", { href: src.url, text: src.label, rel: "noopener" }),
          ]),
        ),
      ),
    ),
  );
}

/** @param {{model: import("../lib/model.js").StandInModel, el: HTMLElement}} ctx */
function render({ model, el }) {
  el.classList.add("cb-widget-root");
  /** @type {IranState["parameters"]} */
  const parameters = model.get("parameters");
  /** @type {IranState["presets"]} */
  const presets = model.get("presets");
  const root = h("section", {
    class: "cb-model cb-iran",
    "aria-label": "Iran as a bargaining chip: the expected value",
  });
  const say = announcer(root);
  const sentence = h("p", { class: "cb-model-sentence", "aria-live": "polite" });
  const glance = h("p", { class: "cb-model-glance", "aria-hidden": "true" });
  const breakEven = h("p", { class: "cb-model-best" });
  const chartSlot = h("div", { class: "cb-chart-slot" });
  const tableSlot = h("div", {
    class: "cb-table-slot",
    tabindex: "0",
    role: "region",
    "aria-label": "The bet in numbers",
  });

  /** @type {[IranParams, IranResult] | null} */
  let drawn = null;
  /** @param {IranParams} values @param {IranResult} result */
  function draw(values, result) {
    drawn = [values, result];
    chartSlot.replaceChildren(bars(values, result, chartSlot.clientWidth));
    // Drawn again at the width the theme actually gives it, so 12 px stays 12 px.
    const shown = chartSlot.querySelector("svg")?.getBoundingClientRect().width;
    if (shown && Math.abs(shown - chartSlot.clientWidth) > 1) chartSlot.replaceChildren(bars(values, result, shown));
  }
  new ResizeObserver(
    () =>
      drawn &&
      Math.abs(
        /** @type {SVGSVGElement} */ (chartSlot.querySelector("svg")).getBoundingClientRect().width -
          /** @type {SVGSVGElement} */ (chartSlot.querySelector("svg")).viewBox.baseVal.width,
      ) > 1 &&
      draw(...drawn),
  ).observe(chartSlot);

  /** @param {IranParams} values @param {boolean} [announce] */
  function update(values, announce = false) {
    const result = summary(values);
    sentence.textContent = result.sentence;
    glance.textContent = `Expected value of selling out Iran: ${billions(result.expected_value)}.`;
    breakEven.textContent = result.break_even_sentence;
    draw(values, result);
    tableSlot.replaceChildren(table(values, result));
    if (announce) say(result.sentence);
  }

  /** @type {ReturnType<typeof presetButtons>} */
  let bar;
  /** @type {ReturnType<typeof parameterControls>} */
  let controls;
  // The controls hold every parameter of this model, so their values are IranParams.
  const current = () => /** @type {IranParams} */ (controls.values());
  const sync = syncValues(model, (values) => {
    controls.set(values);
    update(current());
  });
  controls = parameterControls("cb-iran", parameters, model.get("values"), (values) => {
    bar.mark(null);
    sync.publish(values);
    update(/** @type {IranParams} */ (values), true);
  });
  bar = presetButtons([defaultsPreset(parameters), ...presets], (preset) => {
    controls.set(preset.values);
    bar.mark(preset.id, preset.reasoning);
    sync.publish(controls.values());
    update(current());
    say(`Preset: ${preset.label}. ${summary(current()).sentence}`);
  });

  root.append(
    h(
      "div",
      { class: "cb-model-layout" },
      h("div", { class: "cb-model-result" }, sentence, chartSlot),
      h(
        "div",
        { class: "cb-model-controls" },
        glance,
        bar.node,
        h("fieldset", { class: "cb-param-group" }, h("legend", { text: "Your estimates" }), ...controls.rows),
        h("details", { class: "cb-table-details" }, h("summary", {}, "The numbers (a table of the chart)"), tableSlot),
      ),
    ),
    breakEven,
    h("p", { class: "cb-exercise-title" }, h("strong", { text: "The record to weigh your estimate against" })),
    precedentCards(model.get("precedents")),
  );
  el.append(root);
  update(current());
  return () => sync.stop();
}

export default { render };
