// @ts-check
// Marks each chapter in the book's sidebar whose questions have all been answered in
// this browser ("✓", with words for screen readers). Run by the quiz and progress
// widgets, which know the chapters' questions; idempotent.

import { h } from "./dom.js";
import { isRecord, recordKey } from "./record.js";
import { read } from "./storage.js";

/** @param {string} namespace @param {Record<string, string[]>} chapters chapter id -> qualified question ids */
export function markSidebar(namespace, chapters) {
  for (const [chapter, ids] of Object.entries(chapters)) {
    const done = ids.length > 0 && ids.every((id) => (read(recordKey(namespace, id), isRecord)?.tries.length ?? 0) > 0);
    const links = document.querySelectorAll(
      `.bd-sidebar-primary a.reference.internal, nav.bd-links a.reference.internal`,
    );
    for (const link of links) {
      // The current page's own entry links to "#".
      const href = (link.getAttribute("href") || "").startsWith("#")
        ? window.location.pathname
        : link.getAttribute("href") || "";
      if (!new RegExp(`(^|/)${chapter}\\.html(#.*)?$`).test(href.split("?")[0])) continue;
      link.querySelector(".cb-done-mark")?.remove();
      link.classList.toggle("cb-chapter-done", done);
      if (done)
        link.append(
          h(
            "span",
            { class: "cb-done-mark" },
            " ✓",
            h("span", { class: "cb-sr-only", text: " (all questions answered)" }),
          ),
        );
    }
  }
}
