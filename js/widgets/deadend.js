// @ts-check
// The "dead end" explorable: sliders for the model's assumptions, a chart drawn here
// in SVG with the dead-end month marked, the numbers as a table, one sentence that
// reads the result, and an exercise comparing the student's reading of the author
// with the book's.
//
// State read from the model: DeadEndState below. State written: values (on every
// change), saved (exercise).

import { summary } from "../lib/deadend.js";
import { announcer, h } from "../lib/dom.js";
import { billions, millions } from "../lib/format.js";
import { parameterControls, presetButtons, syncValues } from "../lib/params.js";
import { comparisonTable, exerciseView, isValues, loadSaved, presetList } from "../lib/readings.js";
import { keyFor, write } from "../lib/storage.js";
import { pathOf, s, scale, ticks } from "../lib/svg.js";

/**
 * @typedef {import("../lib/params.js").ParamSpec} ParamSpec
 * @typedef {import("../lib/params.js").Preset} Preset
 * @typedef {import("../lib/params.js").Values} Values
 * @typedef {import("../lib/deadend.js").DeadEndParams} DeadEndParams
 * @typedef {import("../lib/deadend.js").MonthRow} MonthRow
 * @typedef {ReturnType<typeof summary>} DeadEndResult
 * @typedef {import("../lib/readings.js").Saved} Saved
 * @typedef {{parameters: ParamSpec[], presets: Preset[], values: DeadEndParams, saved: Saved,
 *   persist: boolean, storage_namespace: string}} DeadEndState
 */

/** @type {[legend: string, ids: string[]][]} */
const GROUPS = [
  ["Costs of staying", ["monthly_cost", "deployment_growth", "incident_chance", "incident_cost"]],
  ["What Russia could trade", ["normalisation_value", "link_chance", "assets_start", "advance_rate", "interest_decay"]],
  ["Time", ["horizon"]],
];
const M = { left: 52, right: 14, top: 18, bottom: 40 };

// Drawn at the width it is shown at, so its text stays at the stylesheet's size (12 px
// and up) on a phone as on a desktop.
/** @param {DeadEndResult} result @param {number} width */
function chart(result, width) {
  const W = Math.max(200, Math.round(width || 640));
  const H = Math.round(Math.min(320, Math.max(230, W * 0.55)));
  const rows = result.rows;
  const xs = scale(1, Math.max(2, rows.length), M.left, W - M.right);
  const all = rows.flatMap((r) => [r.cumulative_cost, r.tradeable_gain, r.net]).map((v) => v / 1000);
  const low = Math.min(0, ...all);
  const high = Math.max(0, ...all);
  const ys = scale(low, high === low ? low + 1 : high, H - M.bottom, M.top);
  /** @type {[key: "cumulative_cost" | "tradeable_gain" | "net", label: string, cls: string][]} */
  const series = [
    ["cumulative_cost", "Cumulative cost of staying", "cb-line-cost"],
    ["tradeable_gain", "What Russia could trade for", "cb-line-gain"],
    ["net", "Net: trade value minus cost", "cb-line-net"],
  ];
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "cb-chart-svg",
    role: "img",
    "aria-labelledby": "cb-deadend-chart-title cb-deadend-chart-desc",
  });
  svg.append(
    s("title", { id: "cb-deadend-chart-title" }, "Cost, trade value and net value of staying in Syria, by month"),
    s(
      "desc",
      { id: "cb-deadend-chart-desc" },
      `${result.sentence} ${result.best_sentence} The table below gives every value.`,
    ),
  );
  const axis = s("g", { class: "cb-axis" });
  for (const v of ticks(low, high)) {
    axis.append(
      s("line", { x1: M.left, x2: W - M.right, y1: ys(v), y2: ys(v), class: v === 0 ? "cb-zero" : "cb-grid" }),
      s("text", { x: M.left - 6, y: ys(v) + 4, "text-anchor": "end" }, `${v}`),
    );
  }
  const room = Math.floor((W - M.left - M.right) / 28); // month labels that fit
  const every = [1, 3, 6, 12, 24].find((n) => rows.length / n <= room) ?? 24;
  for (const r of rows) {
    if ((r.month - 1) % every === 0)
      axis.append(s("text", { x: xs(r.month), y: H - M.bottom + 16, "text-anchor": "middle" }, `${r.month}`));
  }
  axis.append(
    s(
      "text",
      { x: (M.left + W - M.right) / 2, y: H - 6, "text-anchor": "middle", class: "cb-axis-title" },
      "month (1 = January 2017)",
    ),
    s(
      "text",
      {
        x: 14,
        y: (M.top + H - M.bottom) / 2,
        transform: `rotate(-90 14 ${(M.top + H - M.bottom) / 2})`,
        "text-anchor": "middle",
        class: "cb-axis-title",
      },
      "billion US dollars",
    ),
  );
  svg.append(axis);
  if (result.dead_end !== null) {
    const x = xs(Math.max(1, result.dead_end));
    svg.append(
      s(
        "g",
        { class: "cb-marker cb-marker-deadend" },
        s("line", { x1: x, x2: x, y1: M.top, y2: H - M.bottom }),
        s(
          "text",
          { x: x > W / 2 ? x - 4 : x + 4, y: M.top - 4, "text-anchor": x > W / 2 ? "end" : "start" },
          result.dead_end === 0 ? "dead end from the start" : `dead end after month ${result.dead_end}`,
        ),
      ),
    );
  }
  for (const [key, , cls] of series) {
    svg.append(
      s("path", {
        d: pathOf(rows.map((r) => [xs(r.month), ys(r[key] / 1000)])),
        class: `cb-line ${cls}`,
        "data-series": key,
      }),
    );
  }
  const best = rows[result.best_exit - 1];
  svg.append(s("circle", { cx: xs(best.month), cy: ys(best.net / 1000), r: 5, class: "cb-best" }));
  const legend = h(
    "ul",
    { class: "cb-legend" },
    ...series.map(([, label, cls]) =>
      h("li", {}, h("span", { class: `cb-swatch ${cls}`, "aria-hidden": "true" }), label),
    ),
    h("li", {}, h("span", { class: "cb-swatch cb-swatch-best", "aria-hidden": "true" }), "best month to leave"),
  );
  return h("figure", { class: "cb-chart" }, svg, h("figcaption", {}, legend));
}

/** @param {DeadEndResult} result */
function table(result) {
  const head = ["Month", "Date", "Cost that month", "Cumulative cost", "Trade value", "Net"];
  return h(
    "table",
    { class: "cb-model-table" },
    h("caption", {
      text: "The chart's numbers, month by month (costs in the month in millions of US dollars; the rest in billions)",
    }),
    h("thead", {}, h("tr", {}, ...head.map((text) => h("th", { scope: "col", text })))),
    h(
      "tbody",
      {},
      ...result.rows.map((r) =>
        h(
          "tr",
          { "data-month": String(r.month) },
          h("th", { scope: "row", text: String(r.month) }),
          h("td", { text: r.date }),
          h("td", { text: millions(r.cost) }),
          h("td", { text: billions(r.cumulative_cost / 1000) }),
          h("td", { text: billions(r.tradeable_gain / 1000) }),
          h("td", { text: billions(r.net / 1000) }),
        ),
      ),
    ),
  );
}

// The result: the verdict sentence (announced), a compact copy for phones, the chart
// drawn at its shown width, and the table. update(values) redraws them all.
/** @param {HTMLElement} root @param {(message: string) => void} say */
function resultView(root, say) {
  const sentence = h("p", { class: "cb-model-sentence", "aria-live": "polite" });
  // On a phone the result scrolls away while the sliders move: a compact copy of the
  // verdict stays in view above them (the live sentence above is what is announced).
  const glance = h("p", { class: "cb-model-glance", "aria-hidden": "true" });
  const best = h("p", { class: "cb-model-best" });
  const totals = h("p", { class: "cb-model-totals" });
  const chartSlot = h("div", { class: "cb-chart-slot" });
  const tableSlot = h("div", {
    class: "cb-table-slot",
    tabindex: "0",
    role: "region",
    "aria-label": "The numbers month by month",
  });

  /** @type {DeadEndResult | null} */
  let drawn = null;
  /** @param {DeadEndResult} result */
  function draw(result) {
    drawn = result;
    chartSlot.replaceChildren(chart(result, chartSlot.clientWidth));
    // Drawn again at the width the theme actually gives it, so 12 px stays 12 px.
    const shown = chartSlot.querySelector("svg")?.getBoundingClientRect().width;
    if (shown && Math.abs(shown - chartSlot.clientWidth) > 1) chartSlot.replaceChildren(chart(result, shown));
  }
  new ResizeObserver(
    () =>
      drawn &&
      Math.abs(
        /** @type {SVGSVGElement} */ (chartSlot.querySelector("svg")).getBoundingClientRect().width -
          /** @type {SVGSVGElement} */ (chartSlot.querySelector("svg")).viewBox.baseVal.width,
      ) > 1 &&
      draw(drawn),
  ).observe(chartSlot);

  /** @param {Values} values @param {boolean} [announce] */
  function update(values, announce = false) {
    const result = summary(/** @type {DeadEndParams} */ (values));
    sentence.textContent = result.sentence;
    glance.textContent =
      result.dead_end === null
        ? "No dead end yet."
        : result.dead_end === 0
          ? "Dead end from the start."
          : `Dead end after month ${result.dead_end}.`;
    best.textContent = result.best_sentence;
    totals.textContent = result.totals_sentence;
    draw(result);
    tableSlot.replaceChildren(table(result));
    root.dataset.deadEnd = result.dead_end === null ? "none" : String(result.dead_end);
    if (announce) say(result.sentence);
    return result;
  }
  return { sentence, glance, best, totals, chartSlot, tableSlot, update };
}

/** @param {{model: import("../lib/model.js").StandInModel, el: HTMLElement}} ctx */
function render({ model, el }) {
  el.classList.add("cb-widget-root");
  /** @type {DeadEndState["parameters"]} */
  const parameters = model.get("parameters");
  /** @type {DeadEndState["presets"]} */
  const presets = model.get("presets");
  const persist = Boolean(model.get("persist"));
  /** @type {DeadEndState["storage_namespace"]} */
  const namespace = model.get("storage_namespace");
  const byId = Object.fromEntries(parameters.map((p) => [p.id, p]));
  const savedKey = (/** @type {string} */ slot) => keyFor(namespace, "model", `deadend:${slot}`);
  const valid = isValues(parameters);

  const root = h("section", { class: "cb-model cb-deadend", "aria-label": "The dead end model" });
  const say = announcer(root);
  const view = resultView(root, say);
  const update = view.update;

  // --- presets (the book's, then the student's saved ones) ------------------------------
  let saved = loadSaved(model.get("saved"), persist ? savedKey : null, valid);
  const allPresets = () => presetList(parameters, presets, saved);

  /** @type {ReturnType<typeof parameterControls>} */
  let controls;
  /** @type {ReturnType<typeof presetButtons>} */
  let bar;
  const sync = syncValues(model, (values) => {
    controls.set(values);
    update(controls.values());
  });
  /** @param {Preset} preset */
  function choosePreset(preset) {
    controls.set(preset.values);
    const values = controls.values();
    bar.mark(preset.id, preset.reasoning);
    sync.publish(values);
    update(values);
    say(`Preset: ${preset.label}. ${summary(/** @type {DeadEndParams} */ (values)).sentence}`);
  }
  const presetSlot = h("div", { class: "cb-preset-slot" });
  /** @param {string | null} [active] */
  function drawPresets(active = null) {
    bar = presetButtons(allPresets(), choosePreset);
    presetSlot.replaceChildren(bar.node);
    const chosen = allPresets().find((p) => p.id === active);
    bar.mark(active, chosen ? chosen.reasoning : "");
  }

  controls = parameterControls("cb-deadend", parameters, model.get("values"), (values) => {
    bar.mark(null);
    sync.publish(values);
    update(values, true);
  });

  const groups = GROUPS.map(([legend, ids]) =>
    h(
      "fieldset",
      { class: "cb-param-group" },
      h("legend", { text: legend }),
      ...ids.filter((id) => id in byId).map((id) => controls.row(id)),
    ),
  );

  // --- the exercise -------------------------------------------------------------------------
  const compareSlot = h("div", {
    class: "cb-compare-slot",
    tabindex: "0",
    role: "region",
    "aria-label": "Your readings side by side",
  });
  function drawComparison() {
    const author = presets.find((p) => p.id === "author-reading");
    compareSlot.replaceChildren(
      comparisonTable(parameters, [
        ["My reading of the author", saved["author-guess"]],
        ["The book’s reading of the author", author ? author.values : null],
        ["My own view", saved["own-view"]],
      ]),
    );
  }
  /** @param {string} slot @param {string} label */
  function save(slot, label) {
    const values = controls.values();
    saved = { ...saved, [slot]: values };
    if (persist) write(savedKey(slot), values);
    model.set("saved", saved);
    model.save_changes();
    drawComparison();
    if (slot === "own-view") drawPresets("own-view");
    say(`Saved as ${label.toLowerCase()}.`);
  }

  drawPresets();
  drawComparison();
  root.append(
    h(
      "div",
      { class: "cb-model-layout" },
      h("div", { class: "cb-model-result" }, view.sentence, view.chartSlot),
      h(
        "div",
        { class: "cb-model-controls" },
        view.glance,
        presetSlot,
        h("div", { class: "cb-param-groups" }, ...groups),
        h(
          "details",
          { class: "cb-table-details" },
          h("summary", {}, "The numbers month by month (a table of the chart)"),
          view.tableSlot,
        ),
      ),
    ),
    view.best,
    view.totals,
    exerciseView(save, compareSlot),
  );
  el.append(root);
  update(controls.values());
  return () => sync.stop();
}

export default { render };
