// @ts-check
// "Think it through": a text box under each prompt of a chapter (data/prompts.yaml).
// What the student writes is kept in this browser (saved as they type), shown on the
// progress page and included in the export. It is not graded.
//
// State read from the model (PromptsState); state written: `written` (prompt id ->
// {text, time}) on every save.

import { h } from "../lib/dom.js";
import { isWritten, writtenKey } from "../lib/record.js";
import { read, write } from "../lib/storage.js";
import { storageWarning } from "../lib/warning.js";

/**
 * @typedef {{text: string, time: string}} Written
 * @typedef {{id: string, number: number, text: string}} PromptRef
 * @typedef {{chapter: string, prompts: PromptRef[], persist: boolean, storage_namespace: string,
 *   written: Record<string, Written>}} PromptsState
 */

const NOT_SAVING =
  "This browser is not saving what you write (its storage is full or switched off). Copy your text somewhere safe before you leave the page.";

/** @param {PromptRef} p @param {string} base @param {Written | undefined} initial @param {(p: PromptRef, text: string) => boolean} onSave */
function promptItem(p, base, initial, onSave) {
  const id = `${base}-${p.id}`;
  const box = /** @type {HTMLTextAreaElement} */ (
    h("textarea", { id, class: "cb-field cb-think-text", rows: "4", "aria-describedby": `${id}-status` })
  );
  box.value = initial?.text ?? "";
  const status = h("p", {
    class: "cb-think-status",
    id: `${id}-status`,
    text: initial ? "Saved in this browser." : "Not graded. Saved in this browser as you type.",
  });
  let timer = 0;
  const save = () => {
    window.clearTimeout(timer);
    status.textContent = onSave(p, box.value) ? "Saved in this browser." : "Not saved.";
  };
  box.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 400);
  });
  box.addEventListener("change", save);
  return h(
    "li",
    { class: "cb-think-item", "data-prompt": p.id },
    h("label", { for: id, text: `${p.number}. ${p.text}` }),
    box,
    status,
  );
}

/** @param {{model: import("../lib/model.js").StandInModel, el: HTMLElement}} args */
function render({ model, el }) {
  el.classList.add("cb-widget-root");
  /** @type {PromptsState["prompts"]} */
  const prompts = model.get("prompts");
  /** @type {PromptsState["chapter"]} */
  const chapter = model.get("chapter");
  /** @type {PromptsState["storage_namespace"]} */
  const ns = model.get("storage_namespace");
  const persist = Boolean(model.get("persist"));
  /** @type {PromptsState["written"]} */
  const written = { ...(model.get("written") || {}) };
  if (persist) {
    for (const p of prompts) {
      const stored = read(writtenKey(ns, chapter, p.id), isWritten);
      if (stored) written[p.id] = stored;
    }
  }
  const { node: warning, stop } = storageWarning(NOT_SAVING, persist);

  /** @param {PromptRef} p @param {string} text */
  function onSave(p, text) {
    const value = { text, time: new Date().toISOString() };
    written[p.id] = value;
    model.set("written", { ...written });
    model.save_changes();
    return persist ? write(writtenKey(ns, chapter, p.id), value) : true;
  }

  const list = h("ol", { class: "cb-think", "aria-label": "Your answers to the prompts" });
  for (const p of prompts) list.append(promptItem(p, `cb-think-${chapter}`, written[p.id], onSave));
  el.append(h("div", { class: "cb-think-root" }, warning, list));
  return stop;
}

export default { render };
