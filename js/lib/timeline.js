// @ts-check
// Which events a timeline filter keeps: the same rule as coursebook/timeline.py.
//   actor:  "" (anyone) or an id that must be among the event's actors
//   period: null (any time) or {from, to} — ISO date prefixes, inclusive
//   kinds:  [] (every kind) or the kinds to keep

/**
 * @typedef {{date: string, actors: string[], kind: string}} FilterableEvent
 * @typedef {{actor?: string, kinds?: string[]}} Filters
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
