// @ts-check
// "Iran as a bargaining chip?" for the static page: the same arithmetic as
// coursebook/simulations/iran.py.

import { billions, fixed } from "./format.js";

export const PARAMETERS = ["deliver_chance", "normalisation_value", "cancelled_contracts", "distrust_cost"];

/**
 * @typedef {{deliver_chance: number, normalisation_value: number, cancelled_contracts: number,
 *   distrust_cost: number}} IranParams
 */

/**
 * @param {IranParams} p
 * @returns {number | null}
 */
export function breakEven(p) {
  if (p.normalisation_value <= 0) return null;
  const needed = ((p.cancelled_contracts + p.distrust_cost) / p.normalisation_value) * 100;
  return needed <= 100 ? needed : null;
}

/** @param {number} value */
export function sentence(value) {
  const verdict = value < 0 ? "a losing bet" : value > 0 ? "a winning bet" : "an even bet";
  return `With these settings, selling out Iran is worth ${billions(value)} to Moscow: ${verdict}.`;
}

/** @param {number | null} needed */
export function breakEvenSentence(needed) {
  if (needed === null) return "No chance of delivery is high enough for this bet to pay.";
  return `The bet pays only if the chance that Washington delivers is above ${fixed(needed, 1)}%.`;
}

/** @param {IranParams} p */
export function summary(p) {
  const expectedGain = (p.deliver_chance / 100) * p.normalisation_value;
  const value = expectedGain - p.cancelled_contracts - p.distrust_cost;
  return {
    expected_gain: expectedGain,
    expected_value: value,
    break_even: breakEven(p),
    sentence: sentence(value),
    break_even_sentence: breakEvenSentence(breakEven(p)),
  };
}
