// The timeline explorer: events from 1994 to today, filtered by actor, period and
// kind. Each event links to the passages it explains; the article's paragraphs link
// back here (#event-<id>).
//
// State read from the model: events[], actors[], kinds[], periods[], filters{}.
// State written: filters. The filtering rule is the same as coursebook/timeline.py.

import { h, announcer } from "../lib/dom.js";
import { matches } from "../lib/timeline.js";

function eventItem(event) {
  return h(
    "li",
    { class: `cb-event cb-kind-${event.kind}`, id: `event-${event.id}`, tabindex: "-1", "data-event": event.id },
    h("p", { class: "cb-event-head" },
      h("time", { datetime: event.date, text: event.date_label }),
      " ",
      h("span", { class: "cb-event-kind", text: event.kind_label }),
    ),
    h("p", { class: "cb-event-title", text: event.title }),
    h("p", { class: "cb-event-summary", text: event.summary }),
    event.caveat ? h("p", { class: "cb-caveat" }, h("strong", { text: "Caveat: " }), event.caveat) : null,
    h("p", { class: "cb-event-meta" },
      h("span", { text: `Who: ${event.actor_labels.join(", ")}` }),
      event.place_label ? h("span", { text: ` · Where: ${event.place_label}` }) : null,
    ),
    event.passages.length
      ? h("p", { class: "cb-event-passages" }, "Explains: ", ...event.passages.flatMap((p, i) => [i ? ", " : "", h("a", { href: p.href, text: `${p.label} (${p.chapter})` })]))
      : h("p", { class: "cb-event-passages", text: "After the article: it explains what became of its claims." }),
    h("p", { class: "cb-event-sources" }, "Sources: ", ...event.sources.flatMap((s, i) => [i ? "; " : "", h("a", { href: s.url, text: s.label, rel: "noopener" })])),
  );
}

function render({ model, el }) {
  el.classList.add("cb-widget-root");
  const events = model.get("events");
  const actors = model.get("actors");
  const kinds = model.get("kinds");
  const periods = model.get("periods");
  const root = h("section", { class: "cb-timeline", "aria-label": "Timeline explorer" });
  const say = announcer(root);
  const count = h("p", { class: "cb-timeline-count", "aria-live": "polite" });
  const list = h("ol", { class: "cb-timeline-list" });
  const items = new Map(events.map((e) => [e.id, eventItem(e)]));

  const actorSelect = h("select", { id: "cb-timeline-actor", class: "cb-field" },
    h("option", { value: "", text: "Anyone" }),
    ...actors.map((a) => h("option", { value: a.id, text: `${a.label} (${a.count})` })));
  const periodSelect = h("select", { id: "cb-timeline-period", class: "cb-field" },
    h("option", { value: "", text: "Any time" }),
    ...periods.map((p) => h("option", { value: p.id, text: p.label })));
  const kindBoxes = kinds.map((k) => h("input", { type: "checkbox", id: `cb-timeline-kind-${k.id}`, value: k.id }));
  const reset = h("button", { type: "button", class: "cb-button cb-button-secondary" }, "Show all events");

  function current() {
    return {
      actor: actorSelect.value,
      period: periodSelect.value,
      kinds: kindBoxes.filter((b) => b.checked).map((b) => b.value),
    };
  }

  function show(filters, announce = true) {
    actorSelect.value = filters.actor || "";
    periodSelect.value = filters.period || "";
    for (const box of kindBoxes) box.checked = (filters.kinds || []).includes(box.value);
    const period = periods.find((p) => p.id === filters.period) || null;
    const visible = events.filter((e) => matches(e, filters, period));
    list.replaceChildren(...visible.map((e) => items.get(e.id)));
    const message = visible.length === events.length
      ? `Showing all ${events.length} events.`
      : `Showing ${visible.length} of ${events.length} events.`;
    count.textContent = message;
    root.dataset.visible = String(visible.length);
    if (announce) say(message);
  }

  let ours = false;
  function changed() {
    const filters = current();
    ours = true;
    model.set("filters", filters);
    model.save_changes();
    ours = false;
    show(filters);
  }
  actorSelect.addEventListener("change", changed);
  periodSelect.addEventListener("change", changed);
  for (const box of kindBoxes) box.addEventListener("change", changed);
  reset.addEventListener("click", () => {
    ours = true;
    model.set("filters", { actor: "", period: "", kinds: [] });
    model.save_changes();
    ours = false;
    show({ actor: "", period: "", kinds: [] });
  });

  root.append(
    h(
      "fieldset",
      { class: "cb-timeline-filters" },
      h("legend", { text: "Filter the events" }),
      h("div", { class: "cb-row" },
        h("label", { for: "cb-timeline-actor", text: "Who" }), actorSelect,
        h("label", { for: "cb-timeline-period", text: "When" }), periodSelect),
      h("div", { class: "cb-row cb-timeline-kinds", role: "group", "aria-label": "What kind of event (none ticked: every kind)" },
        h("span", { class: "cb-timeline-kinds-label", text: "What kind:" }),
        ...kinds.map((k, i) => h("span", { class: "cb-timeline-kind" }, kindBoxes[i], h("label", { for: kindBoxes[i].id, text: k.label })))),
      h("div", { class: "cb-row" }, reset),
    ),
    count,
    list,
  );
  el.append(root);
  show(model.get("filters") || {}, false);

  // Arriving from a paragraph's link (#event-…): show that event, even if filtered out.
  function reveal() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id.startsWith("event-") || !items.has(id.slice(6))) return;
    const item = items.get(id.slice(6));
    if (!item.isConnected) show({ actor: "", period: "", kinds: [] }, false);
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
