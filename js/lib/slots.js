// @ts-check
// The readings of a model a student can save (js/lib/readings.js saves them; the progress
// page lists them): each slot's storage name and what the page calls it.

/** @type {[slot: string, label: string][]} */
export const SAVED_READINGS = [
  ["author-guess", "My reading of the author"],
  ["own-view", "My own view"],
];
