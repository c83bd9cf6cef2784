// @ts-check
// The "dead end" model for the static page: the same arithmetic, in the same order,
// as coursebook/simulations/deadend.py (the pandas reference). The browser tests set
// random parameters through the page and compare what it shows with Python.

import { billions } from "./format.js";

export const PARAMETERS = [
  "horizon",
  "monthly_cost",
  "deployment_growth",
  "incident_chance",
  "incident_cost",
  "normalisation_value",
  "link_chance",
  "assets_start",
  "advance_rate",
  "interest_decay",
];

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * @typedef {{horizon: number, monthly_cost: number, deployment_growth: number, incident_chance: number,
 *   incident_cost: number, normalisation_value: number, link_chance: number, assets_start: number,
 *   advance_rate: number, interest_decay: number}} DeadEndParams
 * @typedef {{month: number, date: string, military_cost: number, hostage_cost: number, cost: number,
 *   cumulative_cost: number, assets: number, interest: number, tradeable_gain: number, net: number}} MonthRow
 */

/** @param {number} t  the month, 1 = January 2017 */
export function monthName(t) {
  const index = t - 1;
  return `${MONTHS[index % 12]} ${2017 + Math.floor(index / 12)}`;
}

/**
 * @param {DeadEndParams} p
 * @returns {MonthRow[]}
 */
export function run(p) {
  /** @type {MonthRow[]} */
  const rows = [];
  let cumulative = 0;
  for (let t = 1; t <= p.horizon; t += 1) {
    const elapsed = t - 1;
    const military = p.monthly_cost * (1 + p.deployment_growth / 100) ** elapsed;
    const hostage = (p.incident_chance / 100) * p.incident_cost;
    const cost = military + hostage;
    cumulative += cost;
    const assets = Math.min(100, Math.max(0, p.assets_start + p.advance_rate * elapsed));
    const interest = (1 - p.interest_decay / 100) ** elapsed;
    const gain = (((p.link_chance / 100) * p.normalisation_value * 1000 * assets) / 100) * interest;
    rows.push({
      month: t,
      date: monthName(t),
      military_cost: military,
      hostage_cost: hostage,
      cost,
      cumulative_cost: cumulative,
      assets,
      interest,
      tradeable_gain: gain,
      net: gain - cumulative,
    });
  }
  return rows;
}

// Last month with net >= 0 after which the net stays negative; 0 if never >= 0;
// null if the net is still >= 0 in the last month.
/**
 * @param {MonthRow[]} rows
 * @returns {number | null}
 */
export function deadEnd(rows) {
  if (rows[rows.length - 1].net >= 0) return null;
  for (let i = rows.length - 1; i >= 0; i -= 1) if (rows[i].net >= 0) return rows[i].month;
  return 0;
}

/** @param {number | null} end @param {number} horizon */
export function sentence(end, horizon) {
  if (end === null)
    return `With these settings, staying still pays in month ${horizon} (${monthName(horizon)}): no dead end yet.`;
  if (end === 0)
    return "With these settings, staying never pays: the costs outstrip what Russia could trade from January 2017 on.";
  return `With these settings, staying stops paying after month ${end} (${monthName(end)}).`;
}

/** @param {number} best @param {number} net */
export function bestSentence(best, net) {
  const where = `month ${best} (${monthName(best)})`;
  return net >= 0
    ? `The best month to leave is ${where}, when Russia could still come out ${billions(net / 1000)} ahead.`
    : `Even the best month to leave, ${where}, leaves Russia ${billions(-net / 1000)} behind.`;
}

/** @param {number} horizon @param {number} cost @param {number} gain @param {number} net */
export function totalsSentence(horizon, cost, gain, net) {
  return (
    `By month ${horizon} (${monthName(horizon)}): cumulative cost ${billions(cost / 1000)}, ` +
    `trade value ${billions(gain / 1000)}, net ${billions(net / 1000)}.`
  );
}

/** @param {DeadEndParams} p */
export function summary(p) {
  const rows = run(p);
  let best = rows[0];
  for (const row of rows) if (row.net > best.net) best = row;
  const end = deadEnd(rows);
  const last = rows[rows.length - 1];
  return {
    rows,
    best_exit: best.month,
    best_exit_net: best.net,
    dead_end: end,
    horizon: last.month,
    final_cumulative_cost: last.cumulative_cost,
    final_gain: last.tradeable_gain,
    final_net: last.net,
    sentence: sentence(end, last.month),
    best_sentence: bestSentence(best.month, best.net),
    totals_sentence: totalsSentence(last.month, last.cumulative_cost, last.tradeable_gain, last.net),
  };
}
