// @ts-check
// The progress page: what this browser has kept of the student's work, graded again
// against the answer keys in the page (never a stored verdict): per chapter, questions
// answered and right at the first try; the questions missed, with links; where to
// continue; written answers and saved model readings; a download for the instructor
// (coursebook/answers.py's format); and a reset that asks first.
// Nothing is sent anywhere: the file is made in the page.
// With a live kernel the model carries every chapter's questions and prompts. The static
// page's state says `shared` instead: they come from the script the build writes for it
// (coursebook/sphinxext/shared.py), which the page names as script#cb-progress-data.

import { announcer, h } from "../lib/dom.js";
import { answersCSV, answersExport, download, exportName } from "../lib/export.js";
import { withUnit } from "../lib/format.js";
import { isWritten, loadRecord, summarise, writtenKey } from "../lib/record.js";
import { loadShared } from "../lib/shared.js";
import { markSidebar } from "../lib/sidebar.js";
import { SAVED_READINGS } from "../lib/slots.js";
import { keyFor, keysWithPrefix, migrateLegacy, read, remove } from "../lib/storage.js";
import { storageWarning } from "../lib/warning.js";

/**
 * @typedef {{id: string, title: string, href: string, questions: any[]}} ChapterRef
 * @typedef {{id: string, chapter: string, number: number, text: string, href: string}} PromptRef
 * @typedef {{title: string, href: string, parameters: {id: string, label: string, unit: string}[]}} ModelRef
 * @typedef {{chapters: ChapterRef[], prompts: PromptRef[], models: Record<string, ModelRef>,
 *   book: import("../lib/export.js").BookInfo, keys_fingerprint: string, storage_namespace: string,
 *   legacy_namespace: string}} ProgressState
 * @typedef {{q: any, record: import("../lib/record.js").QuestionRecord, s: import("../lib/record.js").Summary}} Row
 * @typedef {ChapterRef & {rows: Row[], answered: number, first: number}} ChapterView
 * @typedef {{prompt: string, chapter: string, text: string, time: string, ref: PromptRef}} WrittenView
 * @typedef {{chapters: ChapterView[], written: WrittenView[], readings: {key: string, values: any}[]}} Collected
 */

// --- state: everything read from storage, graded again ------------------------------------

/** @param {ProgressState} state @returns {Collected} what the page shows, graded again */
function collect(state) {
  const ns = state.storage_namespace;
  const chapters = state.chapters.map((chapter) => {
    const rows = chapter.questions.map((q) => {
      const record = loadRecord(ns, state.legacy_namespace, q);
      return { q, record, s: summarise(q, record) };
    });
    return {
      ...chapter,
      rows,
      answered: rows.filter((r) => r.s.answered).length,
      first: rows.filter((r) => r.s.firstCorrect).length,
    };
  });
  const written = state.prompts.flatMap((p) => {
    const w = read(writtenKey(ns, p.chapter, p.id), isWritten);
    return w?.text.trim() ? [{ prompt: p.id, chapter: p.chapter, text: w.text, time: w.time ?? "", ref: p }] : [];
  });
  const readings = keysWithPrefix(keyFor(ns, "model", "")).map((key) => ({
    key: key.slice(ns.length + 7),
    values: read(key),
  }));
  return { chapters, written, readings };
}

/** @param {Collected} data */
function latest(data) {
  let best = null;
  for (const chapter of data.chapters) {
    for (const row of chapter.rows) {
      const time = row.s.graded.at(-1)?.time ?? "";
      if (row.s.answered && (!best || time > best.time)) best = { time, chapter };
    }
  }
  return best;
}

// --- view ----------------------------------------------------------------------------------

/** @param {number} value @param {number} total @param {string} label */
function bar(value, total, label) {
  const percent = total ? Math.round((100 * value) / total) : 0;
  const fill = h("span", { class: "cb-bar-fill", style: `width:${percent}%` });
  return h(
    "span",
    { class: "cb-bar", role: "img", "aria-label": `${label}: ${value} of ${total}` },
    h("span", { class: "cb-bar-track" }, fill),
    h("span", { class: "cb-bar-text", "aria-hidden": "true", text: `${value} / ${total}` }),
  );
}

/** @param {Collected} data */
function chapterTable(data) {
  const head = h(
    "thead",
    {},
    h("tr", {}, ...["Chapter", "Answered", "Right at the first try"].map((text) => h("th", { scope: "col", text }))),
  );
  const rows = data.chapters.map((c) =>
    h(
      "tr",
      {
        "data-chapter": c.id,
        "data-answered": String(c.answered),
        "data-first": String(c.first),
        "data-total": String(c.questions.length),
      },
      h(
        "th",
        { scope: "row" },
        h("a", { href: c.href, text: c.title }),
        c.questions.length && c.answered === c.questions.length
          ? h("span", { class: "cb-done-mark", text: " ✓ done" })
          : null,
      ),
      ...(c.questions.length
        ? [
            h("td", { class: "cb-progress-answered" }, bar(c.answered, c.questions.length, "answered")),
            h("td", { class: "cb-progress-correct" }, bar(c.first, c.questions.length, "right at the first try")),
          ]
        : [h("td", { colspan: "2", class: "cb-progress-none", text: "No questions in this chapter yet" })]),
    ),
  );
  return h(
    "table",
    { class: "cb-progress-table" },
    h("caption", { text: "Questions answered in this browser, by chapter" }),
    head,
    h("tbody", {}, ...rows),
  );
}

/** @param {Collected} data */
function continueLink(data) {
  const last = latest(data);
  const start = data.chapters[0];
  if (!start) return null;
  const link = (/** @type {string} */ lead, /** @type {string} */ href, /** @type {string} */ text) =>
    h("p", { class: "cb-progress-continue" }, h("strong", { text: lead }), h("a", { href, text }));
  if (!last) return link("Start here: ", start.href, start.title);
  const chapter = last.chapter;
  const next = chapter.rows.find((r) => !r.s.answered);
  if (next) return link("Continue where you left off: ", next.q.href, `${chapter.title}, ${next.q.label}`);
  const later = data.chapters.slice(data.chapters.indexOf(chapter) + 1).find((c) => c.answered < c.questions.length);
  return later
    ? link("Continue with the next chapter: ", later.href, later.title)
    : link("Every question answered. Review: ", chapter.href, chapter.title);
}

/** @param {Collected} data */
function missedList(data) {
  const missed = data.chapters.flatMap((c) =>
    c.rows.filter((r) => r.s.answered && !r.s.firstCorrect).map((r) => ({ c, r })),
  );
  if (!missed.length)
    return h("p", { class: "cb-progress-missed-none", text: "No question missed at the first try so far." });
  return h(
    "ul",
    { class: "cb-progress-missed" },
    ...missed.map(({ c, r }) =>
      h(
        "li",
        {},
        h("a", { href: r.q.href, text: `${c.title}, ${r.q.label}` }),
        `: ${r.q.prompt}${r.s.correct ? " (right since)" : ""}`,
      ),
    ),
  );
}

/** @param {Collected} data */
function writtenList(data) {
  if (!data.written.length)
    return h("p", { text: "Nothing written yet. Each chapter ends with prompts to think through." });
  return h(
    "dl",
    { class: "cb-progress-written" },
    ...data.written.flatMap((w) => [
      h("dt", {}, h("a", { href: w.ref.href, text: w.ref.text })),
      h("dd", { text: w.text }),
    ]),
  );
}

/** @param {Collected} data */
/**
 * One saved reading in words: the model (linked to where it is), the slot, and each
 * setting with its label and unit. A reading of a model the book no longer has, or with
 * values it cannot name, is listed as it was stored.
 * @param {{key: string, values: any}} reading @param {Record<string, ModelRef>} models
 */
function readingItem(reading, models) {
  const [id, slot] = reading.key.split(":");
  const model = models[id];
  const label = SAVED_READINGS.find(([s]) => s === slot)?.[1] ?? slot;
  const values = reading.values;
  if (!model || values === null || typeof values !== "object")
    return h("li", { text: `${reading.key}: ${JSON.stringify(values)}` });
  const settings = model.parameters.filter((p) => typeof values[p.id] === "number");
  return h(
    "li",
    {},
    model.href ? h("a", { href: model.href, text: model.title }) : model.title,
    `, “${label}”:`,
    h("ul", {}, ...settings.map((p) => h("li", { text: `${p.label}: ${withUnit(values[p.id], p.unit)}` }))),
  );
}

/** @param {Collected} data @param {Record<string, ModelRef>} models */
function readingsList(data, models) {
  if (!data.readings.length) return h("p", { text: "No model reading saved yet." });
  return h("ul", { class: "cb-progress-readings" }, ...data.readings.map((r) => readingItem(r, models)));
}

/** The file for the instructor (coursebook/answers.py). @param {ProgressState} state @param {Collected} data @param {string} student */
function buildExport(state, data, student) {
  const answered = data.chapters.flatMap((c) => c.rows.map((r) => ({ chapter: c.id, q: r.q, record: r.record })));
  const written = data.written.map(({ prompt, chapter, text, time }) => ({ prompt, chapter, text, time }));
  const { book, keys_fingerprint: keysFingerprint } = state;
  return answersExport({ book, student, keysFingerprint, answered, written, readings: data.readings });
}

// --- the page ---------------------------------------------------------------------------------

/**
 * The widget's state: the model's, with the values it names in `shared` (the static page:
 * the questions, prompts and models) from the build's shared script.
 * @param {import("../lib/model.js").StandInModel} model
 * @returns {Promise<ProgressState>}
 */
async function loadState(model) {
  const names = ["chapters", "prompts", "models", "book", "keys_fingerprint", "storage_namespace", "legacy_namespace"];
  const state = Object.fromEntries(names.map((k) => [k, model.get(k)]));
  /** @type {string[]} */
  const shared = model.get("shared") || [];
  if (shared.length) {
    const data = /** @type {any} */ (await loadShared("cb-progress-data", "cbProgressData"));
    if (!data || !shared.every((k) => k in data)) throw new Error("the progress data script is missing");
    for (const k of shared) state[k] = data[k];
  }
  return /** @type {ProgressState} */ (state);
}

/** @param {{model: import("../lib/model.js").StandInModel, el: HTMLElement}} args */
async function render({ model, el }) {
  el.classList.add("cb-widget-root");
  const state = await loadState(model);
  migrateLegacy(state.legacy_namespace, state.storage_namespace);
  const root = h("section", { class: "cb-progress", "aria-label": "Your progress" });
  const body = h("div", { class: "cb-progress-body" });
  const say = announcer(root);
  const { node: warning, stop } = storageWarning(
    "This browser is not saving your answers (its storage is full or switched off).",
    true,
  );

  function draw() {
    const data = collect(state);
    const total = data.chapters.reduce(
      (/** @type {number} */ n, /** @type {ChapterView} */ c) => n + c.questions.length,
      0,
    );
    const first = data.chapters.reduce((/** @type {number} */ n, /** @type {ChapterView} */ c) => n + c.first, 0);
    const answered = data.chapters.reduce((/** @type {number} */ n, /** @type {ChapterView} */ c) => n + c.answered, 0);
    body.replaceChildren(
      h("p", {
        class: "cb-progress-summary",
        text: total
          ? `Right at the first try: ${first} of ${total} questions (${answered} answered). The first try is what counts.`
          : "This book has no questions yet.",
      }),
      // null only for a book with no chapters (then the page would show the text "null").
      /** @type {HTMLElement} */ (continueLink(data)),
      chapterTable(data),
      h("h2", { text: "Questions missed at the first try" }),
      missedList(data),
      h("h2", { text: "Your written answers" }),
      writtenList(data),
      h("h2", { text: "Your saved model readings" }),
      readingsList(data, state.models),
    );
    markSidebar(
      state.storage_namespace,
      Object.fromEntries(state.chapters.map((c) => [c.id, c.questions.map((q) => q.qualified)])),
    );
    return data;
  }

  const name = /** @type {HTMLInputElement} */ (
    h("input", {
      id: "cb-progress-name",
      type: "text",
      autocomplete: "name",
      class: "cb-field cb-progress-name",
    })
  );
  /** @param {"json" | "csv"} kind */
  function save(kind) {
    const data = buildExport(state, draw(), name.value.trim());
    const file = exportName(data.student, data.book, kind);
    if (kind === "json") download(file, "application/json", `${JSON.stringify(data, null, 2)}\n`);
    else download(file, "text/csv", answersCSV(data));
    say(
      `Downloaded ${data.questions.length} answered questions and ${data.written.length} written answers as ${file}.`,
    );
  }

  const reset = resetControls(() => {
    for (const key of [
      ...keysWithPrefix(keyFor(state.storage_namespace, "quiz", "")),
      ...keysWithPrefix(keyFor(state.storage_namespace, "written", "")),
    ])
      remove(key);
    draw();
    say("All your answers were cleared from this browser.");
  });
  root.append(
    warning,
    body,
    h(
      "div",
      { class: "cb-progress-export" },
      h("label", { for: "cb-progress-name", text: "Your name, to put in the file (optional)" }),
      name,
      h(
        "div",
        { class: "cb-row" },
        h(
          "button",
          { type: "button", class: "cb-button cb-progress-json", onclick: () => save("json") },
          "Download my answers (JSON)",
        ),
        h(
          "button",
          { type: "button", class: "cb-button cb-progress-csv", onclick: () => save("csv") },
          "Download my answers (CSV)",
        ),
      ),
    ),
    reset,
  );
  el.append(root);
  draw();
  const onStorage = () => draw();
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener("storage", onStorage);
    stop();
  };
}

/** @param {() => void} onConfirm */
function resetControls(onConfirm) {
  const button = h(
    "button",
    { type: "button", class: "cb-button cb-button-secondary cb-progress-reset" },
    "Reset all my answers",
  );
  const box = h(
    "div",
    { class: "cb-row cb-quiz-confirm", hidden: true, role: "group", "aria-label": "Confirm reset" },
    h("span", { text: "Clear every answer and written answer in the whole book from this browser? " }),
    h(
      "button",
      {
        type: "button",
        class: "cb-button cb-progress-reset-yes",
        onclick: () => {
          box.hidden = true;
          onConfirm();
          button.focus();
        },
      },
      "Yes, clear everything",
    ),
    h(
      "button",
      {
        type: "button",
        class: "cb-button cb-button-secondary cb-progress-reset-no",
        onclick: () => {
          box.hidden = true;
          button.focus();
        },
      },
      "Cancel",
    ),
  );
  button.addEventListener("click", () => {
    box.hidden = false;
    /** @type {HTMLButtonElement | null} */ (box.querySelector(".cb-progress-reset-no"))?.focus();
  });
  return h("div", { class: "cb-row" }, button, box);
}

export default { render };
