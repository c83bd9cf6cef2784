// @ts-check
// The quiz widget: questions of one chapter, answered in the page (a chapter's review
// at its end, or one question placed in the reading, right after its paragraph).
//
// render({model, el}) is anywidget's contract: in JupyterLab `model` is the live
// widget model (Python sees every try); in the static book it is the host's stand-in
// (js/lib/model.js) and the student's records are kept in localStorage.
//
// State read from the model (QuizState below); state written: `tries` (every record,
// on every check) and `answers` (the latest response per question, for Python).
//
// Feedback is gated: a wrong try shows the chosen option's own feedback (order and
// match: which rows are wrong) but neither the right answer nor the explanation; those
// come after a right answer, a second wrong try, or "Show the answer" (recorded).

import { CONTROLS } from "../lib/controls.js";
import { h } from "../lib/dom.js";
import { answerText, grade } from "../lib/grade.js";
import { displayOrder, emptyRecord, loadRecord, saveRecord, studentSeed, summarise } from "../lib/record.js";
import { markSidebar } from "../lib/sidebar.js";
import { migrateLegacy } from "../lib/storage.js";
import { storageWarning } from "../lib/warning.js";

/**
 * @typedef {import("../lib/record.js").QuestionRecord} QuestionRecord
 * @typedef {import("../lib/record.js").Summary} Summary
 * @typedef {{
 *   chapter: string, title: string, questions: any[], persist: boolean,
 *   storage_namespace: string, legacy_namespace: string, seed: string,
 *   tries: Record<string, QuestionRecord>, answers: Record<string, any>,
 *   progress_href: string, book_chapters: Record<string, string[]>, review: boolean,
 *   placed: string[]
 * }} QuizState
 * `placed`: questions of `questions` drawn elsewhere (in the reading), scored here.
 */

/** @type {Record<string, string>} */
const LEVEL_NAMES = {
  remember: "Remember",
  understand: "Understand",
  apply: "Apply",
  analyse: "Analyse",
  evaluate: "Evaluate",
};

/** @type {Record<string, string>} */
const TYPE_HINTS = {
  single: "Choose one answer.",
  "true-false": "True or false?",
  multiple: "Choose every answer that applies.",
  numeric: "Type a number.",
  order: "Put the items in order with the Move up and Move down buttons.",
  match: "Match each item on the left with one on the right.",
};

// --- one question's feedback: a pure function of its summary ---------------------------

/** @param {any} q @param {Summary} s @returns {HTMLElement[]} */
function feedbackNodes(q, s) {
  const result = s.result;
  if (!result) return [];
  const nodes = [h("p", { class: "cb-q-verdict", text: result.correct ? "✓ Correct." : "✗ Not quite." })];
  const said = s.revealed ? result.feedback : result.hint;
  nodes.push(h("ul", { class: "cb-q-feedback-list" }, ...said.map((text) => h("li", { text }))));
  if (s.revealed) {
    nodes.push(
      h("p", { class: "cb-q-answer" }, h("strong", { text: "The answer: " }), answerText(q)),
      h("p", { class: "cb-q-explanation" }, h("strong", { text: "Why: " }), q.explanation),
    );
  } else {
    nodes.push(h("p", { class: "cb-q-next", text: "Re-read the paragraph and try again, or show the answer." }));
  }
  nodes.push(
    h(
      "p",
      { class: "cb-q-passage" },
      h("a", { href: q.passage_href, text: `Read ${q.passage_label} again` }),
      h("span", { class: "cb-q-objective", text: ` · This question checks that you can: ${q.objective_text}` }),
    ),
    h("p", { class: "cb-q-tries", text: triesText(s) }),
  );
  return nodes;
}

/** @param {Summary} s */
function triesText(s) {
  const first = s.firstCorrect ? "right" : "wrong";
  const shown = s.shown ? " · you asked to see the answer" : "";
  return `Tries: ${s.tries} · first try ${first} (this is what counts)${shown}`;
}

// --- one question: its controls and buttons, drawn from its record ----------------------

/**
 * @param {any} q @param {number} number (0: placed in the reading) @param {number} total @param {number[]} order
 * @param {{check: (q: any, response: any) => void, reveal: (q: any) => void}} actions
 */
function questionCard(q, number, total, order, actions) {
  const base = `cb-q-${q.id}`;
  const feedback = h("div", { class: "cb-q-feedback", id: `${base}-feedback`, role: "status", "aria-live": "polite" });
  const controls = CONTROLS[q.type](
    q,
    base,
    (/** @type {string} */ message) => feedback.replaceChildren(h("p", { class: "cb-q-moved", text: message })),
    order,
  );
  const check = h("button", { type: "submit", class: "cb-button cb-q-check" }, "Check answer");
  const retry = h(
    "button",
    { type: "button", class: "cb-button cb-button-secondary cb-q-retry", hidden: true },
    "Try again",
  );
  const reveal = h(
    "button",
    { type: "button", class: "cb-button cb-button-secondary cb-q-show", hidden: true },
    "Show the answer",
  );
  const meta = h(
    "p",
    { class: "cb-q-meta" },
    h("span", { class: "cb-q-number", text: number ? `Question ${number} of ${total}` : "Check as you go" }),
    " · ",
    h("span", { class: `cb-q-level cb-level-${q.level}`, text: LEVEL_NAMES[q.level] }),
    " · ",
    h("a", { class: "cb-q-about", href: q.passage_href, text: `About ${q.passage_label}` }),
    " · ",
    h("span", { class: "cb-q-hint", text: TYPE_HINTS[q.type] }),
  );
  const form = h(
    "form",
    { class: "cb-q-form", novalidate: true, "aria-describedby": `${base}-feedback` },
    meta,
    controls.node,
    h("div", { class: "cb-row cb-q-actions" }, check, retry, reveal),
    feedback,
  );
  const card = h("li", { class: "cb-q", id: base, "data-question": q.id, "data-type": q.type }, form);

  form.addEventListener("submit", (/** @type {Event} */ event) => {
    event.preventDefault();
    const response = controls.read();
    if (response === null || grade(q, response) === null) {
      card.dataset.state = "incomplete";
      feedback.replaceChildren(
        h("p", { class: "cb-q-verdict", text: controls.missing || "Answer the question first." }),
      );
      return;
    }
    actions.check(q, response);
  });
  retry.addEventListener("click", () => {
    controls.clear();
    feedback.replaceChildren();
    delete card.dataset.state;
    retry.hidden = true;
    reveal.hidden = true;
    controls.focus();
  });
  reveal.addEventListener("click", () => actions.reveal(q));

  /** @param {Summary} s */
  function draw(s) {
    card.dataset.tries = String(s.tries);
    card.dataset.revealed = String(s.revealed);
    if (!s.answered) {
      controls.clear();
      feedback.replaceChildren();
      delete card.dataset.state;
      retry.hidden = reveal.hidden = true;
      return;
    }
    controls.show(s.last);
    if (s.result && !s.result.correct) controls.mark(s.result.rows);
    card.dataset.state = s.correct ? "correct" : "wrong";
    card.dataset.firstTry = s.firstCorrect ? "correct" : "wrong";
    feedback.replaceChildren(...feedbackNodes(q, s));
    retry.hidden = false;
    reveal.hidden = s.revealed || s.correct;
  }
  return { card, draw, focusAfterReveal: () => retry.focus() };
}

// --- the quiz ----------------------------------------------------------------------------

/** The latest response to each question (what Python reads as `answers`). @param {Record<string, QuestionRecord>} records */
function latestAnswers(records) {
  const answered = Object.entries(records).filter(([, r]) => r.tries.length);
  return Object.fromEntries(answered.map(([id, r]) => [id, r.tries[r.tries.length - 1].raw]));
}

const SAVED = "cb-quiz-saved";
const NOT_SAVING =
  "This browser is not saving your answers (its storage is full or switched off). They stay on this page until you leave it; download them from the progress page, or free some space, to keep them.";

/** @param {{model: import("../lib/model.js").StandInModel, el: HTMLElement}} args */
function render({ model, el }) {
  el.classList.add("cb-widget-root");
  /** @type {QuizState["questions"]} */
  const questions = model.get("questions");
  const persist = Boolean(model.get("persist"));
  /** @type {QuizState["storage_namespace"]} */
  const ns = model.get("storage_namespace");
  /** @type {QuizState["legacy_namespace"]} */
  const legacy = model.get("legacy_namespace") || "";
  if (persist) migrateLegacy(legacy, ns);
  /** @type {QuizState["seed"]} */
  // The order is kept in this browser with a live kernel too (answers are not: the kernel
  // holds them), so a chapter shows its options in the same order in JupyterLab and the book.
  const seed = model.get("seed") || studentSeed(ns);
  /** @type {QuizState["tries"]} */
  let records = { ...(model.get("tries") || {}) };
  if (persist) for (const q of questions) records[q.id] = loadRecord(ns, legacy, q);

  const review = model.get("review") !== false;
  // The review at a chapter's end scores every question of the chapter, also those
  // placed in the reading (drawn by their own widgets, which tell it of each save).
  const placed = new Set(/** @type {QuizState["placed"]} */ (model.get("placed") || []));
  const drawn = questions.filter((q) => !placed.has(q.id));
  const root = h("section", {
    class: review ? "cb-quiz" : "cb-quiz cb-quiz-inline",
    "aria-label": `${review ? "Questions" : "Check as you go"}: ${model.get("title")}`,
  });
  const score = h("p", {
    class: "cb-quiz-score",
    id: `cb-quiz-${model.get("chapter")}-score${review ? "" : `-${questions[0]?.id}`}`,
  });
  const { node: warning, stop: stopListening } = storageWarning(NOT_SAVING, persist);

  let syncing = false; // our own change of `tries` is already drawn
  const sync = () => {
    syncing = true;
    model.set("tries", { ...records });
    model.set("answers", latestAnswers(records));
    model.save_changes();
    syncing = false;
  };
  const actions = {
    /** @param {any} q @param {any} response */
    check(q, response) {
      update(q, { ...record(q), tries: [...record(q).tries, { time: new Date().toISOString(), raw: response }] });
    },
    /** @param {any} q */
    reveal(q) {
      update(q, { ...record(q), shown: true });
      cards.get(q.id)?.focusAfterReveal();
    },
  };
  const record = (/** @type {any} */ q) => records[q.id] || emptyRecord();
  /** @param {any} q @param {QuestionRecord} next */
  function update(q, next) {
    records = { ...records, [q.id]: next };
    if (persist) saveRecord(ns, q, next);
    cards.get(q.id)?.draw(summarise(q, next));
    sync();
    drawScore();
    window.dispatchEvent(new CustomEvent(SAVED, { detail: { id: q.id, record: next, from: root } }));
  }
  const onSaved = (/** @type {any} */ event) => {
    const { id, record: next, from } = event.detail;
    if (from === root || !questions.some((q) => q.id === id)) return;
    records = { ...records, [id]: next };
    drawScore();
  };
  window.addEventListener(SAVED, onSaved);

  const list = h("ol", { class: "cb-quiz-list" });
  const cards = new Map(
    drawn.map((q, i) => {
      const card = questionCard(
        q,
        review ? i + 1 : 0,
        drawn.length,
        displayOrder(q, seed, q.type === "match" ? "right" : "options"),
        actions,
      );
      list.append(card.card);
      return [q.id, card];
    }),
  );

  function drawScore() {
    const summaries = questions.map((q) => summarise(q, record(q)));
    const answered = summaries.filter((s) => s.answered).length;
    const first = summaries.filter((s) => s.firstCorrect).length;
    score.textContent = questions.length
      ? `First-try score in this chapter: ${first} of ${questions.length} (${answered} answered).`
      : "There are no questions for this chapter yet.";
    root.dataset.correct = String(first);
    root.dataset.answered = String(answered);
    if (persist) markSidebar(ns, model.get("book_chapters") || {});
  }
  const drawAll = () => {
    for (const q of drawn) cards.get(q.id)?.draw(summarise(q, record(q)));
    drawScore();
  };
  const onChange = () => {
    if (syncing) return;
    records = { ...(model.get("tries") || {}) };
    drawAll();
  };

  const progressHref = model.get("progress_href");
  const link = progressHref
    ? h(
        "p",
        { class: "cb-quiz-progress-link" },
        h("a", { href: progressHref, text: "See your progress in every chapter" }),
      )
    : null;
  root.append(warning, ...(review ? [h("div", { class: "cb-quiz-head" }, score, link)] : []), list);
  if (!review) score.hidden = true;
  el.append(root);
  drawAll();
  if (persist) sync();
  model.on("change:tries", onChange);
  return () => {
    model.off("change:tries", onChange);
    window.removeEventListener(SAVED, onSaved);
    stopListening();
  };
}

export default { render };
