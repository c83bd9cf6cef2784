// @ts-check
// The file a student hands in: coursebook/answers.py's AnswersExport (JSON, version 2)
// and its CSV (one row per try, columns CSV_COLUMNS; written answers as rows of type
// "written"). Every try is graded again here against the key in the page.

import { answerShown, responseText, summarise } from "./record.js";

export const CSV_COLUMNS = [
  "student",
  "book",
  "title",
  "edition",
  "exported",
  "keys_fingerprint",
  "question",
  "chapter",
  "type",
  "fingerprint",
  "try",
  "time",
  "response",
  "raw",
  "correct",
  "answer_shown",
];

/**
 * @typedef {{id: string, title: string, edition: string}} BookInfo
 * @typedef {{chapter: string, q: any, record: import("./record.js").QuestionRecord}} Answered
 * @typedef {{prompt: string, chapter: string, text: string, time: string}} WrittenAnswer
 */

/**
 * @param {{book: BookInfo, student: string, keysFingerprint: string, answered: Answered[],
 *   written: WrittenAnswer[], readings: Record<string, any>[]}} input
 */
export function answersExport({ book, student, keysFingerprint, answered, written, readings }) {
  const questions = answered
    .map(({ chapter, q, record }) => {
      const s = summarise(q, record);
      return {
        id: q.qualified,
        chapter,
        type: q.type,
        fingerprint: q.fingerprint,
        tries: s.graded.map((g) => ({
          time: g.time,
          raw: g.raw,
          response: responseText(q, g.raw),
          correct: g.correct,
        })),
        answer_shown: answerShown(s),
      };
    })
    .filter((q) => q.tries.length > 0);
  return {
    format: "coursebook-answers",
    version: 2,
    book: book.id,
    title: book.title,
    edition: book.edition,
    student,
    exported: new Date().toISOString(),
    keys_fingerprint: keysFingerprint,
    questions,
    written,
    readings,
  };
}

/** @param {unknown} value */
function csvCell(value) {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @param {any} response */
function readable(response) {
  if (Array.isArray(response))
    return response.map((r) => (r && typeof r === "object" ? `${r.left} → ${r.right ?? "—"}` : (r ?? "—"))).join(" | ");
  return response;
}

/** The same export as CSV text (RFC 4180, CRLF). @param {ReturnType<typeof answersExport>} data */
export function answersCSV(data) {
  const head = [data.student, data.book, data.title, data.edition, data.exported, data.keys_fingerprint];
  const rows = [];
  for (const q of data.questions) {
    for (const [n, t] of q.tries.entries()) {
      rows.push([
        ...head,
        q.id,
        q.chapter,
        q.type,
        q.fingerprint,
        n + 1,
        t.time,
        readable(t.response),
        t.raw,
        t.correct,
        q.answer_shown,
      ]);
    }
  }
  for (const w of data.written) rows.push([...head, w.prompt, w.chapter, "written", "", 1, w.time, w.text, "", "", ""]);
  return `${[CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** "answers-ada-lovelace-dead-end-in-syria-2026-12-02.json" */
/** @param {string} student @param {string} bookId @param {string} extension */
export function exportName(student, bookId, extension) {
  const slug = (/** @type {string} */ text) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const date = new Date().toISOString().slice(0, 10);
  return `answers-${slug(student) || "student"}-${slug(bookId)}-${date}.${extension}`;
}

/** @param {string} filename @param {string} type @param {string} text */
export function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
