// @ts-check
// Grading rules for the static page: the same rules as coursebook/grading.py.
// The browser tests check that both give the same result and the same feedback for
// every question in the book; change them together.

export const MISSED_OPTION = "At least one correct option is not selected yet.";

/**
 * @typedef {{correct: boolean, feedback: string[], hint: string[], rows: number[]}} Result
 * `feedback`: all there is to say (shown once the answer is revealed); `hint`: what a
 * wrong try shows before that (never the right answer); `rows`: the wrong rows of an
 * order or match question (positions, or left items).
 */

/**
 * A question as the page embeds it (a record of data/quizzes, one of six types).
 * @typedef {any} Question
 */

/** @param {boolean} correct @param {string[]} feedback @param {string[]} [hint] @param {number[]} [rows] @returns {Result} */
function result(correct, feedback, hint = feedback, rows = []) {
  return { correct, feedback, hint, rows };
}

/** @param {any} value @param {number} size */
function isIndex(value, size) {
  return Number.isInteger(value) && value >= 0 && value < size;
}

/** @param {Question} q @param {any} response */
function choice(q, response) {
  if (!isIndex(response, q.options.length)) return null;
  const option = q.options[response];
  return result(option.correct, [option.feedback]);
}

/** @param {Question} q @param {any} response */
function multiple(q, response) {
  if (!Array.isArray(response) || !response.every((/** @type {any} */ i) => isIndex(i, q.options.length))) return null;
  const chosen = [...new Set(response)].sort((a, b) => a - b);
  if (chosen.length === 0) return null;
  const correct = q.options
    .map((/** @type {any} */ o, /** @type {number} */ i) => (o.correct ? i : -1))
    .filter((/** @type {any} */ i) => i >= 0);
  const feedback = chosen.map((/** @type {any} */ i) => q.options[i].feedback);
  const missed = correct.filter((/** @type {any} */ i) => !chosen.includes(i));
  const hint = chosen
    .filter((/** @type {any} */ i) => !q.options[i].correct)
    .map((/** @type {any} */ i) => q.options[i].feedback);
  if (missed.length) {
    feedback.push(MISSED_OPTION);
    hint.push(MISSED_OPTION);
  }
  const same = chosen.length === correct.length && chosen.every((i, k) => i === correct[k]);
  return same ? result(true, feedback) : result(false, feedback, hint);
}

/** @param {Question} q @param {any} response */
function numeric(q, response) {
  if (typeof response !== "number" || !Number.isFinite(response)) return null;
  if (Math.abs(response - q.answer) <= q.tolerance + 1e-9) {
    return result(true, [q.feedback.correct]);
  }
  return result(false, [response < q.answer ? q.feedback.low : q.feedback.high]);
}

/** @param {Question} q @param {any} response */
function order(q, response) {
  const total = q.items.length;
  if (!Array.isArray(response) || response.length !== total) return null;
  if ([...response].sort((a, b) => a - b).some((v, i) => v !== i)) return null;
  const right = response.filter((item, position) => item === position).length;
  if (right === total)
    return result(
      true,
      q.items.map((/** @type {any} */ item) => item.feedback),
    );
  const misplaced = response.flatMap((item, position) => (item === position ? [] : [q.items[item].feedback]));
  const count = `${right} of ${total} items are in the right place.`;
  const rows = response.flatMap((item, position) => (item === position ? [] : [position]));
  return result(false, [count, ...misplaced], [count], rows);
}

/** @param {Question} q @param {any} response */
function match(q, response) {
  const total = q.pairs.length;
  if (!Array.isArray(response) || response.length !== total) return null;
  if (!response.every((v) => v === null || isIndex(v, total))) return null;
  const right = response.filter((chosen, left) => chosen === left).length;
  if (right === total)
    return result(
      true,
      q.pairs.map((/** @type {any} */ p) => p.feedback),
    );
  const wrong = response.flatMap((chosen, left) => (chosen === left ? [] : [q.pairs[left].feedback]));
  const count = `${right} of ${total} pairs are right.`;
  const rows = response.flatMap((chosen, left) => (chosen === left ? [] : [left]));
  return result(false, [count, ...wrong], [count], rows);
}

/** @type {Record<string, (q: Question, response: any) => Result | null>} */
const graders = { single: choice, "true-false": choice, multiple, numeric, order, match };

// Returns a Result or null when the response does not fit the question.
/** @param {Question} question @param {any} response @returns {Result | null} */
export function grade(question, response) {
  return graders[question.type](question, response);
}

/** The response that is right, in file order (what "Show the answer" shows). @param {Question} q */
export function answerText(q) {
  if (q.type === "single" || q.type === "true-false" || q.type === "multiple") {
    return q.options
      .filter((/** @type {any} */ o) => o.correct)
      .map((/** @type {any} */ o) => o.text)
      .join("; ");
  }
  if (q.type === "numeric") {
    const tolerance = q.tolerance ? ` (±${q.tolerance})` : "";
    return `${q.answer}${tolerance} ${q.unit || ""}`.trim();
  }
  if (q.type === "order") return q.items.map((/** @type {any} */ item) => item.text).join(" → ");
  return q.pairs.map((/** @type {any} */ p) => `${p.left} — ${p.right}`).join("; ");
}
