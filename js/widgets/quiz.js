// The quiz widget: one chapter's questions, answered in the page.
//
// render({model, el}) is anywidget's contract: in JupyterLab `model` is the live
// widget model (Python sees every answer); in the static book it is the host's
// stand-in (js/lib/model.js) and answers are kept in localStorage.
//
// State read from the model:
//   chapter, questions[], answers{id: response}, persist, storage_namespace
// State written: answers (every time a student checks an answer).

import { h, shuffled, announcer } from "../lib/dom.js";
import { grade } from "../lib/grade.js";
import { answerKey, isStoredAnswer, read, write, remove } from "../lib/storage.js";

const LEVEL_NAMES = {
  remember: "Remember",
  understand: "Understand",
  apply: "Apply",
  analyse: "Analyse",
  evaluate: "Evaluate",
};

const TYPE_HINTS = {
  single: "Choose one answer.",
  "true-false": "True or false?",
  multiple: "Choose every answer that applies.",
  numeric: "Type a number.",
  order: "Put the items in order with the Move up and Move down buttons.",
  match: "Match each item on the left with one on the right.",
};

// --- building one question's controls -------------------------------------------------

function choiceControls(q, base) {
  const type = q.type === "multiple" ? "checkbox" : "radio";
  const fieldset = h("fieldset", { class: "cb-q-options" }, h("legend", { class: "cb-q-prompt", text: q.prompt }));
  q.options.forEach((option, i) => {
    const id = `${base}-opt-${i}`;
    fieldset.append(
      h(
        "div",
        { class: "cb-q-option" },
        h("input", { type, id, name: `${base}-choice`, value: String(i) }),
        h("label", { for: id, text: option.text }),
      ),
    );
  });
  return {
    node: fieldset,
    read() {
      const checked = [...fieldset.querySelectorAll("input:checked")].map((input) => Number(input.value));
      if (q.type === "multiple") return checked.length ? checked : null;
      return checked.length ? checked[0] : null;
    },
    show(response) {
      const chosen = new Set(Array.isArray(response) ? response : [response]);
      fieldset.querySelectorAll("input").forEach((input) => {
        input.checked = chosen.has(Number(input.value));
      });
    },
    clear() {
      fieldset.querySelectorAll("input").forEach((input) => {
        input.checked = false;
      });
    },
    focus() {
      fieldset.querySelector("input")?.focus();
    },
    missing: q.type === "multiple" ? "Choose at least one option first." : "Choose an option first.",
  };
}

function numericControls(q, base) {
  const id = `${base}-number`;
  const input = h("input", { type: "text", inputmode: "decimal", id, class: "cb-field", autocomplete: "off", "aria-describedby": `${base}-unit` });
  const node = h(
    "div",
    { class: "cb-q-numeric" },
    h("label", { for: id, class: "cb-q-prompt", text: q.prompt }),
    h("div", { class: "cb-q-number-row" }, input, h("span", { id: `${base}-unit`, class: "cb-q-unit", text: q.unit || "" })),
  );
  return {
    node,
    read() {
      const text = input.value.trim().replace(/,/g, "");
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
      return Number(text);
    },
    show(response) {
      input.value = String(response);
    },
    clear() {
      input.value = "";
    },
    focus() {
      input.focus();
    },
    missing: "Type a number first (digits only, for example 4 or 2.5).",
  };
}

function orderControls(q, base, say) {
  const promptId = `${base}-prompt`;
  const list = h("ol", { class: "cb-q-order", "aria-labelledby": promptId });
  let current = shuffled(q.items.length, q.id);

  function draw(focusItem, focusDirection) {
    list.replaceChildren();
    current.forEach((item, position) => {
      const text = q.items[item].text;
      const up = h("button", {
        type: "button",
        class: "cb-q-move",
        "aria-label": `Move “${text}” up`,
        disabled: position === 0,
        onclick: () => move(position, -1),
      }, "↑ Up");
      const down = h("button", {
        type: "button",
        class: "cb-q-move",
        "aria-label": `Move “${text}” down`,
        disabled: position === current.length - 1,
        onclick: () => move(position, 1),
      }, "↓ Down");
      list.append(h("li", { class: "cb-q-order-item", "data-item": String(item) }, h("span", { class: "cb-q-order-text", text }), h("span", { class: "cb-q-order-buttons" }, up, down)));
      if (item === focusItem) {
        const preferred = focusDirection < 0 ? up : down;
        (preferred.disabled ? (focusDirection < 0 ? down : up) : preferred).focus();
      }
    });
  }

  function move(position, step) {
    const target = position + step;
    if (target < 0 || target >= current.length) return;
    const item = current[position];
    [current[position], current[target]] = [current[target], current[position]];
    draw(item, step);
    say(`“${q.items[item].text}” moved to position ${target + 1} of ${current.length}.`);
  }

  draw();
  return {
    node: h("div", { class: "cb-q-order-wrap" }, h("p", { id: promptId, class: "cb-q-prompt", text: q.prompt }), list),
    read() {
      return [...current];
    },
    show(response) {
      current = [...response];
      draw();
    },
    clear() {
      current = shuffled(q.items.length, q.id);
      draw();
    },
    focus() {
      list.querySelector("button:not([disabled])")?.focus();
    },
    missing: "",
  };
}

function matchControls(q, base) {
  const order = shuffled(q.pairs.length, `${q.id}:right`);
  const selects = q.pairs.map((pair, left) => {
    const id = `${base}-match-${left}`;
    const select = h("select", { id, class: "cb-field" }, h("option", { value: "", text: "Choose…" }));
    order.forEach((right) => select.append(h("option", { value: String(right), text: q.pairs[right].right })));
    return { id, select, label: pair.left };
  });
  const node = h(
    "fieldset",
    { class: "cb-q-match" },
    h("legend", { class: "cb-q-prompt", text: q.prompt }),
    ...selects.map(({ id, select, label }) => h("div", { class: "cb-q-match-row" }, h("label", { for: id, text: label }), select)),
  );
  return {
    node,
    read() {
      const values = selects.map(({ select }) => (select.value === "" ? null : Number(select.value)));
      return values.every((v) => v === null) ? null : values;
    },
    show(response) {
      selects.forEach(({ select }, i) => {
        select.value = response[i] === null ? "" : String(response[i]);
      });
    },
    clear() {
      selects.forEach(({ select }) => {
        select.value = "";
      });
    },
    focus() {
      selects[0].select.focus();
    },
    missing: "Choose a match for at least one item first.",
  };
}

const CONTROLS = {
  single: choiceControls,
  "true-false": choiceControls,
  multiple: choiceControls,
  numeric: numericControls,
  order: orderControls,
  match: matchControls,
};

// --- one question ------------------------------------------------------------------------

function questionCard(q, index, total, onAnswer) {
  const base = `cb-q-${q.id}`;
  const feedback = h("div", { class: "cb-q-feedback", id: `${base}-feedback`, role: "status", "aria-live": "polite" });
  const controls = CONTROLS[q.type](q, base, (message) => {
    feedback.replaceChildren(h("p", { class: "cb-q-moved", text: message }));
  });
  const check = h("button", { type: "submit", class: "cb-button cb-q-check" }, "Check answer");
  const retry = h("button", { type: "button", class: "cb-button cb-button-secondary cb-q-retry", hidden: true }, "Try again");
  const meta = h(
    "p",
    { class: "cb-q-meta" },
    h("span", { class: "cb-q-number", text: `Question ${index + 1} of ${total}` }),
    " · ",
    h("span", { class: `cb-q-level cb-level-${q.level}`, text: LEVEL_NAMES[q.level] }),
    " · ",
    h("span", { class: "cb-q-hint", text: TYPE_HINTS[q.type] }),
  );
  const form = h("form", { class: "cb-q-form", novalidate: true, "aria-describedby": `${base}-feedback` }, meta, controls.node, h("div", { class: "cb-row cb-q-actions" }, check, retry), feedback);
  const card = h("li", { class: "cb-q", id: base, "data-question": q.id, "data-type": q.type }, form);

  function showResult(result, response) {
    card.dataset.state = result.correct ? "correct" : "wrong";
    const verdict = result.correct ? "✓ Correct." : "✗ Not quite.";
    feedback.replaceChildren(
      h("p", { class: "cb-q-verdict", text: verdict }),
      h("ul", { class: "cb-q-feedback-list" }, ...result.feedback.map((text) => h("li", { text }))),
      h("p", { class: "cb-q-explanation" }, h("strong", { text: "Why: " }), q.explanation),
      h(
        "p",
        { class: "cb-q-passage" },
        h("a", { href: q.passage_href, text: `Read ${q.passage_label} again` }),
        h("span", { class: "cb-q-objective", text: ` · This question checks that you can: ${q.objective_text}` }),
      ),
    );
    retry.hidden = false;
    if (response !== undefined) card.dataset.response = JSON.stringify(response);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const response = controls.read();
    const result = response === null ? null : grade(q, response);
    if (result === null) {
      card.dataset.state = "incomplete";
      feedback.replaceChildren(h("p", { class: "cb-q-verdict", text: controls.missing || "Answer the question first." }));
      return;
    }
    showResult(result, response);
    onAnswer(q, response, result);
  });

  retry.addEventListener("click", () => {
    controls.clear();
    feedback.replaceChildren();
    delete card.dataset.state;
    retry.hidden = true;
    controls.focus();
  });

  return {
    card,
    restore(response) {
      const result = grade(q, response);
      if (result === null) return null;
      // Already showing this answer: leave the live region alone (no re-announcement).
      if (card.dataset.response === JSON.stringify(response)) return result;
      controls.show(response);
      showResult(result, response);
      return result;
    },
    reset() {
      controls.clear();
      feedback.replaceChildren();
      delete card.dataset.state;
      delete card.dataset.response;
      retry.hidden = true;
    },
  };
}

// --- the whole quiz ------------------------------------------------------------------------

function render({ model, el }) {
  el.classList.add("cb-widget-root");
  const questions = model.get("questions");
  const persist = Boolean(model.get("persist"));
  const namespace = model.get("storage_namespace");
  const storageKey = (q) => answerKey(namespace, q.id);
  const results = new Map(); // id -> correct (latest checked answer)

  const root = h("section", { class: "cb-quiz", "aria-label": `Questions: ${model.get("title")}` });
  const score = h("p", { class: "cb-quiz-score", id: `cb-quiz-${model.get("chapter")}-score` });
  const say = announcer(root);

  const resetButton = h("button", { type: "button", class: "cb-button cb-button-secondary cb-quiz-reset" }, "Reset my answers");
  const confirmBox = h(
    "div",
    { class: "cb-row cb-quiz-confirm", hidden: true, role: "group", "aria-label": "Confirm reset" },
    h("span", { text: "Clear every answer on this page? " }),
    h("button", { type: "button", class: "cb-button cb-quiz-reset-yes", onclick: () => resetAll() }, "Yes, clear them"),
    h("button", { type: "button", class: "cb-button cb-button-secondary cb-quiz-reset-no", onclick: () => closeConfirm() }, "Cancel"),
  );
  resetButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    confirmBox.querySelector(".cb-quiz-reset-no").focus();
  });

  function closeConfirm() {
    confirmBox.hidden = true;
    resetButton.focus();
  }

  function updateScore() {
    const answered = results.size;
    const correct = [...results.values()].filter(Boolean).length;
    score.textContent = `Your score on this page: ${correct} of ${questions.length} correct (${answered} answered).`;
    root.dataset.correct = String(correct);
    root.dataset.answered = String(answered);
  }

  function onAnswer(q, response, result) {
    results.set(q.id, result.correct);
    if (persist) write(storageKey(q), { response, correct: result.correct, at: new Date().toISOString() });
    const answers = { ...(model.get("answers") || {}), [q.id]: response };
    model.set("answers", answers);
    model.save_changes();
    updateScore();
  }

  const list = h("ol", { class: "cb-quiz-list" });
  const cards = questions.map((q, i) => {
    const card = questionCard(q, i, questions.length, onAnswer);
    list.append(card.card);
    return [q, card];
  });

  // Show the given answers; questions without one go back to unanswered.
  function applyAnswers(answers) {
    for (const [q, card] of cards) {
      const result = q.id in answers ? card.restore(answers[q.id]) : null;
      if (result) {
        results.set(q.id, result.correct);
      } else if (results.has(q.id)) {
        card.reset();
        results.delete(q.id);
      }
    }
    updateScore();
  }

  function resetAll() {
    for (const [q, card] of cards) {
      card.reset();
      if (persist) remove(storageKey(q));
    }
    results.clear();
    model.set("answers", {});
    model.save_changes();
    updateScore();
    confirmBox.hidden = true;
    resetButton.focus();
    say("Your answers on this page were cleared.");
  }

  // Answers from the browser (static book) or from Python (live kernel).
  const initial = { ...(model.get("answers") || {}) };
  if (persist) {
    for (const q of questions) {
      const stored = read(storageKey(q), isStoredAnswer);
      if (stored && grade(q, stored.response) !== null) initial[q.id] = stored.response;
      else if (stored) remove(storageKey(q));
    }
  }
  if (persist) model.set("answers", initial);
  applyAnswers(initial);

  const onChange = () => applyAnswers(model.get("answers") || {});
  model.on("change:answers", onChange);

  root.append(
    h("div", { class: "cb-quiz-head" }, score, h("div", { class: "cb-row cb-quiz-tools" }, resetButton, confirmBox)),
    list,
  );
  el.append(root);
  return () => model.off("change:answers", onChange);
}

export default { render };
