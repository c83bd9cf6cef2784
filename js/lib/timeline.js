// @ts-check
// Which events a timeline filter keeps: the same rule as coursebook/timeline.py.
//   actor:  "" (anyone) or an id that must be among the event's actors
//   period: null (any time) or {from, to} — ISO date prefixes, inclusive
//   kinds:  [] (every kind) or the kinds to keep
// Also: the timeline widget's synced state (as JSDoc types) and its filters in the page's
// address (?who=…&when=…&kind=…).

/**
 * @typedef {{date: string, actors: string[], kind: string}} FilterableEvent
 * @typedef {{actor?: string, period?: string, kinds?: string[]}} Filters  "" / [] for "any"; period: a period id
 * @typedef {{from: string, to: string}} Period
 */

/**
 * @param {FilterableEvent} event
 * @param {Filters} filters
 * @param {Period | null} period
 * @returns {boolean}
 */
export function matches(event, filters, period) {
  if (filters.actor && !event.actors.includes(filters.actor)) return false;
  if (filters.kinds?.length && !filters.kinds.includes(event.kind)) return false;
  if (period) {
    const start = event.date;
    if (start < period.from) return false;
    if (start.slice(0, period.to.length) > period.to) return false;
  }
  return true;
}

/**
 * The timeline widget's state, as coursebook/widgets/timeline.py syncs it.
 * @typedef {import("../lib/params.js").Source} Source
 * @typedef {{id: string, href: string, label: string, chapter: string}} PassageRef
 * @typedef {{id: string, date: string, date_label: string, era: string | null, title: string, kind: string,
 *   kind_label: string, actors: string[], actor_labels: string[], place_label: string, passages: PassageRef[],
 *   summary: string, caveat: string, sourcing_label: string, sources: Source[]}} TimelineEvent
 * @typedef {{id: string, label: string, count: number}} ActorOption
 * @typedef {{id: string, label: string}} Option  a kind or an era
 * @typedef {{id: string, label: string, from: string, to: string}} PeriodOption
 * @typedef {{events: TimelineEvent[], actors: ActorOption[], kinds: Option[], periods: PeriodOption[],
 *   eras: Option[], filters: Filters}} TimelineState
 * @typedef {{actors: Set<string>, periods: Set<string>, kinds: Set<string>}} ValidIds
 */

// --- the filters in the address -------------------------------------------------------------

/**
 * @param {ValidIds} valid
 * @returns {Required<Filters>}
 */
export function filtersFromUrl(valid) {
  const q = new URLSearchParams(window.location.search);
  const actor = q.get("who") || "";
  const period = q.get("when") || "";
  const kinds = (q.get("kind") || "").split(",").filter(Boolean);
  return {
    actor: valid.actors.has(actor) ? actor : "",
    period: valid.periods.has(period) ? period : "",
    kinds: kinds.filter((k) => valid.kinds.has(k)),
  };
}

/** @param {Required<Filters>} filters */
export function filtersToUrl(filters) {
  const url = new URL(window.location.href);
  for (const key of ["who", "when", "kind"]) url.searchParams.delete(key);
  if (filters.actor) url.searchParams.set("who", filters.actor);
  if (filters.period) url.searchParams.set("when", filters.period);
  if (filters.kinds.length) url.searchParams.set("kind", filters.kinds.join(","));
  if (url.href !== window.location.href) {
    try {
      window.history.replaceState(window.history.state, "", url.href);
    } catch {
      // Some browsers refuse to rewrite the address of a page opened from disk.
    }
  }
}

/** @param {Filters} f */
export function isFiltered(f) {
  return Boolean(f.actor || f.period || f.kinds?.length);
}
