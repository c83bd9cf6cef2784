// @ts-check
// "This browser is not saving …": shown in the page, and announced (an alert is an
// assertive live region), as soon as a write to storage fails or storage is off.

import { h } from "./dom.js";
import { onStorageFailure, storageAvailable } from "./storage.js";

/**
 * @param {string} message what is not being saved, and what to do
 * @param {boolean} persist whether this widget keeps anything in storage at all
 * @returns {{node: HTMLElement, stop: () => void}}
 */
export function storageWarning(message, persist) {
  const node = h("p", { class: "cb-storage-warning", role: "alert", "aria-live": "assertive", hidden: true });
  const show = () => {
    if (!node.hidden) return;
    node.hidden = false;
    node.textContent = message;
  };
  const stop = onStorageFailure(show);
  if (persist && !storageAvailable) show();
  return { node, stop };
}
