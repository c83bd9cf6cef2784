// @ts-check
// A student's work on one question, as kept in the browser: every try, and whether the
// answer was shown. No verdict is stored: whoever reads a record grades its tries again
// against the answer key in the page (so a corrected key corrects the score too).

import { shuffled } from "./dom.js";
import { grade } from "./grade.js";
import { keyFor, read, remove, write } from "./storage.js";

/**
 * @typedef {{time: string, raw: any}} Try  raw: the response as indexes in file order
 * @typedef {{tries: Try[], shown: boolean}} QuestionRecord
 * @typedef {{id: string, qualified: string, type: string}} QuestionRef
 * @typedef {{
 *   answered: boolean, tries: number, firstCorrect: boolean, correct: boolean,
 *   revealed: boolean, shown: boolean, last: any, result: import("./grade.js").Result | null,
 *   graded: {time: string, raw: any, correct: boolean}[]
 * }} Summary
 */

/** @returns {QuestionRecord} */
export function emptyRecord() {
  return { tries: [], shown: false };
}

/** @param {any} value @returns {value is QuestionRecord} */
export function isRecord(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    Array.isArray(value.tries) &&
    value.tries.every((/** @type {any} */ t) => t && typeof t === "object" && "raw" in t) &&
    typeof value.shown === "boolean"
  );
}

// The format before version 2: {response, correct, at}, one answer, the latest.
/** @param {any} value */
function isLegacy(value) {
  return value !== null && typeof value === "object" && "response" in value && typeof value.correct === "boolean";
}

/** @param {string} namespace @param {string} qualified */
export function recordKey(namespace, qualified) {
  return keyFor(namespace, "quiz", qualified);
}

/**
 * The stored record of a question. An answer an older build stored (under the
 * citation key alone, in the old format) is migrated: written in the new place and
 * format, and removed from the old place only once that write succeeded.
 * @param {string} namespace @param {string} legacy @param {QuestionRef} q
 * @returns {QuestionRecord}
 */
export function loadRecord(namespace, legacy, q) {
  const stored = read(recordKey(namespace, q.qualified), isRecord);
  if (stored) return stored;
  if (!legacy) return emptyRecord();
  const oldKey = keyFor(legacy, "quiz", q.id);
  const old = read(oldKey, isLegacy);
  if (!old) return emptyRecord();
  const record = { tries: [{ time: old.at ?? "", raw: old.response }], shown: false };
  if (write(recordKey(namespace, q.qualified), record)) remove(oldKey);
  return record;
}

/** @param {string} namespace @param {QuestionRef} q @param {QuestionRecord} record */
export function saveRecord(namespace, q, record) {
  return write(recordKey(namespace, q.qualified), record);
}

/**
 * Grade every try again. The first try is the score; the answer is revealed after a
 * right answer, a second wrong one, or "Show the answer".
 * @param {any} q @param {QuestionRecord} record @returns {Summary}
 */
export function summarise(q, record) {
  const graded = [];
  for (const t of record.tries) {
    const result = grade(q, t.raw);
    if (result) graded.push({ time: t.time, raw: t.raw, correct: result.correct, result });
  }
  const wrong = graded.filter((g) => !g.correct).length;
  const last = graded.length ? graded[graded.length - 1] : null;
  return {
    answered: graded.length > 0,
    tries: graded.length,
    firstCorrect: graded.length > 0 && graded[0].correct,
    correct: Boolean(last?.correct),
    revealed: graded.some((g) => g.correct) || wrong >= 2 || record.shown,
    shown: record.shown,
    last: last ? last.raw : null,
    result: last ? last.result : null,
    graded: graded.map(({ time, raw, correct }) => ({ time, raw, correct })),
  };
}

// --- the order a student sees ----------------------------------------------------------

const SEED_KIND = "settings";

/** The student's shuffle seed: made once, kept in storage (a reload shows the same order;
 * where storage is off, each load makes a new one). */
/** @param {string} namespace @returns {string} */
export function studentSeed(namespace) {
  const key = keyFor(namespace, SEED_KIND, "seed");
  const stored = read(key, (v) => typeof v === "string" && v.length > 0);
  if (stored) return stored;
  const seed = Math.random().toString(36).slice(2, 12);
  write(key, seed);
  return seed;
}

/**
 * The display order of a question's options (file indexes). True/false keeps True first.
 * @param {any} q @param {string} seed @param {string} [part]
 */
export function displayOrder(q, seed, part = "options") {
  const count = q.type === "match" ? q.pairs.length : q.type === "order" ? q.items.length : (q.options || []).length;
  if (q.type === "true-false" || q.type === "numeric") return [...Array(count).keys()];
  return shuffled(count, `${seed}:${q.qualified || q.id}:${part}`, q.type === "order");
}

/** A response as the texts the student saw (what an instructor reads in the export). */
/** @param {any} q @param {any} raw */
export function responseText(q, raw) {
  const option = (/** @type {number} */ i) => q.options?.[i]?.text ?? null;
  if (q.type === "single" || q.type === "true-false") return option(raw);
  if (q.type === "multiple") return Array.isArray(raw) ? raw.map(option) : null;
  if (q.type === "order")
    return Array.isArray(raw) ? raw.map((/** @type {number} */ i) => q.items[i]?.text ?? null) : null;
  if (q.type === "match")
    return Array.isArray(raw)
      ? raw.map((/** @type {number | null} */ r, /** @type {number} */ left) => ({
          left: q.pairs[left]?.left ?? null,
          right: r === null ? null : (q.pairs[r]?.right ?? null),
        }))
      : null;
  return raw;
}

/** Whether the answer was shown (not earned): "Show the answer", or two wrong tries first. */
/** @param {Summary} s */
export function answerShown(s) {
  if (s.shown) return true;
  const firstRight = s.graded.findIndex((g) => g.correct);
  const wrongBefore = firstRight < 0 ? s.graded.length : firstRight;
  return wrongBefore >= 2;
}

// --- written answers to "Think it through" prompts ----------------------------------------

/** @param {string} namespace @param {string} chapter @param {string} id */
export function writtenKey(namespace, chapter, id) {
  return keyFor(namespace, "written", `${chapter}/${id}`);
}

/** @param {any} value @returns {value is {text: string, time?: string}} */
export function isWritten(value) {
  return value !== null && typeof value === "object" && typeof value.text === "string";
}
