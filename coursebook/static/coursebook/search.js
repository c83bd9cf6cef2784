// The search page's loader. Sphinx's search reads each result page to quote it, which
// browsers forbid for a book opened from disk (file://): there the page says, in one
// sentence, that search needs a web server, and no search script runs. Served over
// http(s), it loads Sphinx's search scripts in order (searchtools, language data, index).
(function () {
  "use strict";
  var me = document.currentScript;
  if (window.location.protocol === "file:") {
    var say = function () {
      var results = document.getElementById("search-results");
      if (!results) return;
      var note = document.createElement("p");
      note.className = "cb-search-offline";
      note.setAttribute("role", "status");
      note.textContent =
        "Search needs the book to be served by a web server; opened from a file, use your browser’s Find (Ctrl+F or ⌘F) on a page, or the glossary, people, places and timeline pages.";
      results.replaceChildren(note);
      for (var form of document.querySelectorAll("form.bd-search")) form.addEventListener("submit", function (e) { e.preventDefault(); });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", say);
    else say();
    return;
  }
  for (var src of (me.dataset.cbSearchScripts || "").split(" ")) {
    if (!src) continue;
    var script = document.createElement("script");
    script.src = src;
    script.async = false; // keep their order
    document.head.append(script);
  }
})();
