// The progress page: every chapter's score, from what this browser has stored, and
// a download of the student's answers (JSON or CSV) to hand to an instructor.
// Nothing is sent anywhere: the file is made in the page.
//
// State read from the model: chapters[{id, title, href, questions[{id, number}]}],
// storage_namespace.

import { h, announcer } from "../lib/dom.js";
import { answerKey, isStoredAnswer, read, remove } from "../lib/storage.js";

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function render({ model, el }) {
  el.classList.add("cb-widget-root");
  const chapters = model.get("chapters");
  const namespace = model.get("storage_namespace");
  const root = h("section", { class: "cb-progress", "aria-label": "Your progress" });
  const say = announcer(root);

  function collect() {
    return chapters.map((chapter) => {
      const answers = chapter.questions.map((q) => ({ ...q, stored: read(answerKey(namespace, q.id), isStoredAnswer) }));
      const answered = answers.filter((a) => a.stored).length;
      const correct = answers.filter((a) => a.stored?.correct).length;
      return { ...chapter, answers, answered, correct };
    });
  }

  const summary = h("p", { class: "cb-progress-summary" });
  const tbody = h("tbody");
  const table = h(
    "table",
    { class: "cb-progress-table" },
    h("caption", { text: "Questions answered in this browser, by chapter" }),
    h("thead", {}, h("tr", {}, ...["Chapter", "Answered", "Correct", "Questions"].map((text) => h("th", { scope: "col", text })))),
    tbody,
  );

  function draw() {
    const rows = collect();
    tbody.replaceChildren(
      ...rows.map((row) =>
        h(
          "tr",
          { "data-chapter": row.id },
          h("th", { scope: "row" }, h("a", { href: row.href, text: row.title })),
          h("td", { class: "cb-progress-answered", text: String(row.answered) }),
          h("td", { class: "cb-progress-correct", text: String(row.correct) }),
          h("td", { text: String(row.questions.length) }),
        ),
      ),
    );
    const answered = rows.reduce((n, r) => n + r.answered, 0);
    const correct = rows.reduce((n, r) => n + r.correct, 0);
    const total = rows.reduce((n, r) => n + r.questions.length, 0);
    summary.textContent = `In this browser you have answered ${answered} of ${total} questions, ${correct} of them correctly.`;
    return rows;
  }

  const nameId = "cb-progress-name";
  const name = h("input", { id: nameId, type: "text", autocomplete: "name", class: "cb-field cb-progress-name" });

  function records() {
    const exported = [];
    for (const row of collect()) {
      for (const a of row.answers) {
        if (!a.stored) continue;
        exported.push({
          chapter: row.id,
          question: a.id,
          number: a.number,
          correct: a.stored.correct,
          response: a.stored.response,
          answered_at: a.stored.at ?? null,
        });
      }
    }
    return exported;
  }

  function exportJSON() {
    const data = { book: namespace, student: name.value.trim(), exported_at: new Date().toISOString(), answers: records() };
    download("my-answers.json", "application/json", `${JSON.stringify(data, null, 2)}\n`);
    say(`Downloaded ${data.answers.length} answers as JSON.`);
  }

  function exportCSV() {
    const header = ["student", "chapter", "question", "number", "correct", "response", "answered_at"];
    const student = name.value.trim();
    const lines = [header.join(",")].concat(
      records().map((r) => [student, r.chapter, r.question, r.number, r.correct, JSON.stringify(r.response), r.answered_at].map(csvCell).join(",")),
    );
    download("my-answers.csv", "text/csv", `${lines.join("\r\n")}\r\n`);
    say(`Downloaded ${lines.length - 1} answers as CSV.`);
  }

  const confirmBox = h(
    "div",
    { class: "cb-row cb-quiz-confirm", hidden: true, role: "group", "aria-label": "Confirm reset" },
    h("span", { text: "Clear every answer in the whole book from this browser? " }),
    h("button", { type: "button", class: "cb-button cb-progress-reset-yes", onclick: () => resetAll() }, "Yes, clear everything"),
    h("button", { type: "button", class: "cb-button cb-button-secondary cb-progress-reset-no", onclick: () => { confirmBox.hidden = true; resetButton.focus(); } }, "Cancel"),
  );
  const resetButton = h("button", { type: "button", class: "cb-button cb-button-secondary cb-progress-reset" }, "Reset all my answers");
  resetButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    confirmBox.querySelector(".cb-progress-reset-no").focus();
  });

  function resetAll() {
    for (const chapter of chapters) for (const q of chapter.questions) remove(answerKey(namespace, q.id));
    confirmBox.hidden = true;
    draw();
    resetButton.focus();
    say("All your answers were cleared from this browser.");
  }

  root.append(
    summary,
    table,
    h(
      "div",
      { class: "cb-progress-export" },
      h("label", { for: nameId, text: "Your name, to put in the file (optional)" }),
      name,
      h(
        "div",
        { class: "cb-row" },
        h("button", { type: "button", class: "cb-button cb-progress-json", onclick: exportJSON }, "Download my answers (JSON)"),
        h("button", { type: "button", class: "cb-button cb-progress-csv", onclick: exportCSV }, "Download my answers (CSV)"),
      ),
    ),
    h("div", { class: "cb-row" }, resetButton, confirmBox),
  );
  el.append(root);
  draw();
  const onStorage = () => draw();
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}

export default { render };
