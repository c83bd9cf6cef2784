// @ts-check
// The timeline explorer: events from 1994 to today, on a proportional time axis with
// the eras of the war, filtered by actor, period and kind. Each event links to the
// passages it explains; the article's paragraphs link back here (#event-<id>).
//
// State read from the model: TimelineState below. An event
// in doubt (disputed, or resting on unnamed sources) shows that beside its kind.
// State written: filters. The filtering rule is the same as coursebook/timeline.py.
// In the page, the filters are also kept in the address (?who=…&when=…&kind=…), so a
// filtered view can be shared and is restored on load.

import { announcer, h } from "../lib/dom.js";
import { filtersFromUrl, filtersToUrl, isFiltered, matches } from "../lib/timeline.js";

/**
 * @typedef {import("../lib/timeline.js").TimelineEvent} TimelineEvent
 * @typedef {import("../lib/timeline.js").Option} Option
 * @typedef {import("../lib/timeline.js").Filters} Filters
 * @typedef {import("../lib/timeline.js").TimelineState} TimelineState
 * @typedef {(year: number | null, era?: string | null) => void} Jump
 */

const EMPTY = { actor: "", period: "", kinds: /** @type {string[]} */ ([]) };

/** @param {TimelineEvent} event */
function eventItem(event) {
  return h(
    "li",
    { class: `cb-event cb-kind-${event.kind}`, id: `event-${event.id}`, tabindex: "-1", "data-event": event.id },
    h(
      "p",
      { class: "cb-event-head" },
      h("time", { datetime: event.date, text: event.date_label }),
      " ",
      h("span", { class: "cb-event-kind", text: event.kind_label }),
      event.sourcing_label
        ? [" ", h("span", { class: "cb-event-kind cb-event-sourcing", text: event.sourcing_label })]
        : null,
    ),
    h("p", { class: "cb-event-title", text: event.title }),
    h("p", { class: "cb-event-summary", text: event.summary }),
    event.caveat ? h("p", { class: "cb-caveat" }, h("strong", { text: "Caveat: " }), event.caveat) : null,
    h(
      "p",
      { class: "cb-event-meta" },
      h("span", { text: `Who: ${event.actor_labels.join(", ")}` }),
      event.place_label ? h("span", { text: ` · Where: ${event.place_label}` }) : null,
    ),
    event.passages.length
      ? h(
          "p",
          { class: "cb-event-passages" },
          "Explains: ",
          ...event.passages.flatMap((p, i) => [
            i ? ", " : "",
            h("a", { href: p.href, text: `${p.label} (${p.chapter})` }),
          ]),
        )
      : h("p", { class: "cb-event-passages", text: "After the article: it explains what became of its claims." }),
    h(
      "p",
      { class: "cb-event-sources" },
      "Sources: ",
      ...event.sources.flatMap((s, i) => [i ? "; " : "", h("a", { href: s.url, text: s.label, rel: "noopener" })]),
    ),
  );
}

// A date ("1995", "1995-06", "1995-06-30") as a fractional year, for the axis.
/** @param {string} date */
function when(date) {
  const [y, m = 1, d = 1] = date.split("-").map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

// --- the axis ----------------------------------------------------------------------------------

/** @param {TimelineEvent[]} events @param {Option[]} eras @param {Jump} jump */
function axis(events, eras, jump) {
  const first = Math.floor(Math.min(...events.map((e) => when(e.date))));
  const last = Math.floor(Math.max(...events.map((e) => when(e.date)))) + 1;
  const pos = (/** @type {number} */ t) => `${(((t - first) / (last - first)) * 100).toFixed(3)}%`;
  /** @type {{era: Option, start: number, end: number, count: number}[]} */
  const bands = [];
  eras.forEach((era, i) => {
    const inEra = events.filter((e) => e.era === era.id);
    if (!inEra.length) return;
    const start = i === 0 ? first : Math.min(...inEra.map((e) => when(e.date)));
    const nextEra = eras
      .slice(i + 1)
      .map((n) => events.filter((e) => e.era === n.id))
      .find((list) => list.length);
    const end = nextEra ? Math.min(...nextEra.map((e) => when(e.date))) : last;
    bands.push({ era, start, end, count: inEra.length });
  });
  const strip = h(
    "div",
    { class: "cb-axis-strip", "aria-hidden": "true" },
    ...bands.map((b, i) =>
      h("span", {
        class: `cb-era-band cb-era-${i}`,
        style: `left:${pos(b.start)};width:calc(${pos(b.end)} - ${pos(b.start)})`,
      }),
    ),
    ...events.map((e) => h("span", { class: "cb-axis-dot", "data-event": e.id, style: `left:${pos(when(e.date))}` })),
  );
  const years = h("div", { class: "cb-axis-years", "aria-hidden": "true" });
  for (let y = Math.ceil(first / 5) * 5; y <= last; y += 5)
    years.append(h("span", { style: `left:${pos(y)}`, text: String(y) }));
  // A click on the strip jumps to the nearest year that has events.
  strip.addEventListener("click", (event) => {
    const box = strip.getBoundingClientRect();
    jump(Math.floor(first + ((event.clientX - box.left) / box.width) * (last - first)));
  });
  const eraButtons = h(
    "div",
    { class: "cb-axis-eras", role: "group", "aria-label": "Jump to an era" },
    ...bands.map((b, i) =>
      h(
        "button",
        {
          type: "button",
          class: `cb-era-button cb-era-${i}`,
          "data-era": b.era.id,
          onclick: () => jump(null, b.era.id),
        },
        h("span", { class: "cb-era-name", text: b.era.label }),
        ` (${b.count})`,
      ),
    ),
  );
  return { node: h("div", { class: "cb-axis" }, strip, years, eraButtons), strip };
}

// The filter form, the bar that stays in view (count, back to the filters, clear, jump
// to a year) and the "no events match" box. Pure view: render() wires the behaviour.
/** @param {TimelineState["actors"]} actors @param {TimelineState["periods"]} periods @param {Option[]} kinds
 *  @param {(focus: boolean) => void} clearAll */
function filterControls(actors, periods, kinds, clearAll) {
  const count = h("p", { class: "cb-timeline-count", "aria-live": "polite" });
  const actorSelect = /** @type {HTMLSelectElement} */ (
    h(
      "select",
      { id: "cb-timeline-actor", class: "cb-field" },
      h("option", { value: "", text: "Anyone" }),
      ...actors.map((a) => h("option", { value: a.id, text: `${a.label} (${a.count})` })),
    )
  );
  const periodSelect = /** @type {HTMLSelectElement} */ (
    h(
      "select",
      { id: "cb-timeline-period", class: "cb-field" },
      h("option", { value: "", text: "Any time" }),
      ...periods.map((p) => h("option", { value: p.id, text: p.label })),
    )
  );
  const kindBoxes = kinds.map(
    (k) =>
      /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", id: `cb-timeline-kind-${k.id}`, value: k.id })),
  );
  const reset = h("button", { type: "button", class: "cb-button cb-button-secondary" }, "Show all events");
  const yearSelect = /** @type {HTMLSelectElement} */ (h("select", { id: "cb-timeline-year", class: "cb-field" }));
  const empty = h(
    "div",
    { class: "cb-timeline-empty", hidden: true },
    h("p", { text: "No events match these filters." }),
    h("button", { type: "button", class: "cb-button", onclick: () => clearAll(true) }, "Clear the filters"),
  );
  const filtersBox = h(
    "fieldset",
    { class: "cb-timeline-filters", id: "cb-timeline-filters" },
    h("legend", { text: "Filter the events" }),
    h(
      "div",
      { class: "cb-row" },
      h("span", { class: "cb-timeline-field" }, h("label", { for: "cb-timeline-actor", text: "Who" }), actorSelect),
      h("span", { class: "cb-timeline-field" }, h("label", { for: "cb-timeline-period", text: "When" }), periodSelect),
    ),
    h(
      "div",
      {
        class: "cb-row cb-timeline-kinds",
        role: "group",
        "aria-label": "What kind of event (none ticked: every kind)",
      },
      h("span", { class: "cb-timeline-kinds-label", text: "What kind:" }),
      ...kinds.map((k, i) =>
        h("span", { class: "cb-timeline-kind" }, kindBoxes[i], h("label", { for: kindBoxes[i].id, text: k.label })),
      ),
    ),
    h("div", { class: "cb-row" }, reset),
  );
  // Stays in view while the list scrolls: how many events show, a way back to the
  // filters, and a way to clear them.
  const clearShort = h(
    "button",
    { type: "button", class: "cb-button cb-button-secondary", onclick: () => clearAll(true) },
    "Clear filters",
  );
  const bar = h(
    "div",
    { class: "cb-timeline-bar" },
    count,
    h(
      "span",
      { class: "cb-row" },
      h(
        "a",
        {
          class: "cb-button cb-button-secondary",
          href: "#cb-timeline-filters",
          onclick: (/** @type {MouseEvent} */ e) => {
            e.preventDefault();
            filtersBox.scrollIntoView({ block: "start" });
            actorSelect.focus({ preventScroll: true });
          },
        },
        "Filters",
      ),
      clearShort,
      h("span", { class: "cb-timeline-field" }, h("label", { for: "cb-timeline-year", text: "Jump to" }), yearSelect),
    ),
  );
  return { count, actorSelect, periodSelect, kindBoxes, reset, yearSelect, empty, filtersBox, clearShort, bar };
}

// The visible events, one group per era (coloured by position: the eras are the book's
// data); a book without eras lists its events in one untitled group.
/** @param {Option[]} eras @param {TimelineEvent[]} visible @param {Map<string, HTMLElement>} items */
function eraGroups(eras, visible, items) {
  /** @type {[era: Option | null, index: number, list: TimelineEvent[]][]} */
  const bands = eras.length
    ? eras.map((era, i) => [era, i, visible.filter((e) => e.era === era.id)])
    : [[null, 0, visible]];
  return bands
    .filter(([, , list]) => list.length)
    .map(([era, i, list]) =>
      h(
        "div",
        { class: `cb-era-group cb-era-${i % 4}`, "data-era": era ? era.id : "" },
        era ? h("h2", { class: "cb-era-title", text: `${era.label} (${list.length})` }) : null,
        h("ol", { class: "cb-timeline-list" }, ...list.map((e) => items.get(e.id))),
      ),
    );
}

/**
 * The lists the model holds (read once; the filters are read as they change).
 * @param {import("../lib/model.js").StandInModel} model
 * @returns {Omit<TimelineState, "filters">}
 */
function listsOf(model) {
  return {
    events: model.get("events"),
    actors: model.get("actors"),
    kinds: model.get("kinds"),
    periods: model.get("periods"),
    eras: model.get("eras") || [],
  };
}

// A new book's events file starts empty: nothing to filter yet.
/** @param {HTMLElement} el */
function noEvents(el) {
  el.append(
    h(
      "section",
      { class: "cb-timeline", "aria-label": "Timeline explorer" },
      h("p", { class: "cb-timeline-none", text: "This book has no events yet." }),
    ),
  );
  return () => {};
}

/** @param {{model: import("../lib/model.js").StandInModel, el: HTMLElement}} ctx */
function render({ model, el }) {
  el.classList.add("cb-widget-root");
  const { events, actors, kinds, periods, eras } = listsOf(model);
  if (!events.length) return noEvents(el);
  const root = h("section", { class: "cb-timeline", "aria-label": "Timeline explorer" });
  const say = announcer(root);
  const groups = h("div", { class: "cb-timeline-groups" });
  const items = new Map(events.map((e) => [e.id, eventItem(e)]));
  /** @type {import("../lib/timeline.js").ValidIds} */
  const valid = {
    actors: new Set(actors.map((a) => a.id)),
    periods: new Set(periods.map((p) => p.id)),
    kinds: new Set(kinds.map((k) => k.id)),
  };
  const { count, actorSelect, periodSelect, kindBoxes, reset, yearSelect, empty, filtersBox, clearShort, bar } =
    filterControls(actors, periods, kinds, (/** @type {boolean} */ focus) => clearAll(focus));

  let visible = events;

  /** @type {Jump} */
  function jump(year, era = null) {
    const target = era
      ? visible.find((e) => e.era === era)
      : visible.find((e) => when(e.date) >= /** @type {number} */ (year)) || visible[visible.length - 1];
    if (!target) return;
    const item = /** @type {HTMLElement} */ (items.get(target.id));
    item.scrollIntoView({ block: "start" });
    item.focus({ preventScroll: true });
  }
  const { node: axisNode, strip } = axis(events, eras, jump);

  /** @returns {Required<Filters>} */
  function current() {
    return {
      actor: actorSelect.value,
      period: periodSelect.value,
      kinds: kindBoxes.filter((b) => b.checked).map((b) => b.value),
    };
  }

  /** @param {Filters} filters @param {boolean} [announce] */
  function show(filters, announce = true) {
    actorSelect.value = filters.actor || "";
    periodSelect.value = filters.period || "";
    for (const box of kindBoxes) box.checked = (filters.kinds || []).includes(box.value);
    const period = periods.find((p) => p.id === filters.period) || null;
    visible = events.filter((e) => matches(e, filters, period));
    const shown = new Set(visible.map((e) => e.id));
    groups.replaceChildren(...eraGroups(eras, visible, items));
    for (const dot of strip.querySelectorAll(".cb-axis-dot"))
      dot.classList.toggle(
        "cb-dim",
        !shown.has(/** @type {string} */ (/** @type {HTMLElement} */ (dot).dataset.event)),
      );
    const years = [...new Set(visible.map((e) => e.date.slice(0, 4)))];
    yearSelect.replaceChildren(
      h("option", { value: "", text: "a year…" }),
      ...years.map((y) => h("option", { value: y, text: y })),
    );
    yearSelect.disabled = !years.length;
    const message =
      visible.length === events.length
        ? `Showing all ${events.length} events.`
        : `Showing ${visible.length} of ${events.length} events.`;
    count.textContent = message;
    empty.hidden = visible.length > 0;
    clearShort.hidden = !isFiltered(filters);
    root.dataset.visible = String(visible.length);
    filtersToUrl({ actor: filters.actor || "", period: filters.period || "", kinds: filters.kinds || [] });
    if (announce) say(visible.length ? message : "No events match these filters.");
  }

  let ours = false;
  /** @param {Filters} filters */
  function publish(filters) {
    ours = true;
    model.set("filters", filters);
    model.save_changes();
    ours = false;
  }
  function changed() {
    const filters = current();
    publish(filters);
    show(filters);
  }
  /** @param {boolean} focus */
  function clearAll(focus) {
    publish({ ...EMPTY });
    show({ ...EMPTY });
    if (focus) actorSelect.focus();
  }
  actorSelect.addEventListener("change", changed);
  periodSelect.addEventListener("change", changed);
  for (const box of kindBoxes) box.addEventListener("change", changed);
  reset.addEventListener("click", () => clearAll(false));
  yearSelect.addEventListener("change", () => {
    if (yearSelect.value) jump(Number(yearSelect.value));
    yearSelect.value = "";
  });

  root.append(filtersBox, axisNode, bar, empty, groups);
  el.append(root);
  const fromUrl = filtersFromUrl(valid);
  const initial = isFiltered(fromUrl) ? fromUrl : model.get("filters") || { ...EMPTY };
  if (isFiltered(fromUrl)) publish(fromUrl);
  show(initial, false);

  // Arriving from a paragraph's link (#event-…): show that event, even if filtered out.
  function reveal() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id.startsWith("event-") || !items.has(id.slice(6))) return;
    const item = /** @type {HTMLElement} */ (items.get(id.slice(6)));
    if (!item.isConnected) clearAll(false);
    item.classList.add("cb-event-target");
    item.scrollIntoView({ block: "center" });
    item.focus({ preventScroll: true });
  }
  reveal();
  window.addEventListener("hashchange", reveal);

  const onFilters = () => {
    if (!ours) show(model.get("filters") || {});
  };
  model.on("change:filters", onFilters);
  return () => {
    model.off("change:filters", onFilters);
    window.removeEventListener("hashchange", reveal);
  };
}

export default { render };
