"""Print how each page reads at 1280×800 and 375×800: height, where the article starts,
sideways scrolling and layout shift.

For every page of the built book, in headless chromium (other hosts blocked):
  height   the page's full height in px, in its default state (nothing opened);
  passage  how far down the page the first line of the author's words starts (px);
  wide     how many px the page is wider than the screen (sideways scrolling);
  beyond   elements that reach past the screen's right edge (cut off, or inside a box
           that scrolls sideways), code blocks aside; the outermost ones are named;
  CLS      the layout shift measured while the page loaded and its widgets started.
Then the median height of the article chapters. Prints figures; asserts nothing.

    python benchmarks/reading_layout.py [site folder]     (default: _build/html)
"""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from _common import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SKIP = {"_static", "_sources", "_images", "reports"}
WIDTHS = (1280, 375)

CLS_WATCH = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({type: "layout-shift", buffered: true});
"""

MEASURE = """() => {
  const first = document.querySelector("section.cb-article .cb-line");
  const doc = document.documentElement;
  const limit = doc.clientWidth + 1;
  const beyond = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("pre, .highlight, .cb-sr-only, .visually-hidden, .bd-sidebar-primary, dialog:not([open])")) continue;
    const closed = el.closest("details:not([open])");  // not shown until opened
    if (closed && !el.closest("summary")) continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.height && box.right > limit && getComputedStyle(el).visibility !== "hidden") beyond.push(el);
  }
  const outermost = beyond.filter((el) => !beyond.includes(el.parentElement));
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].slice(0, 2).join(".") : "");
  return {
    cut: outermost.map(describe).slice(0, 3),
    height: doc.scrollHeight,
    passage: first ? Math.round(first.getBoundingClientRect().top + window.scrollY) : null,
    wide: Math.max(0, doc.scrollWidth - doc.clientWidth),
    cls: window.__cls,
    article: Boolean(first) && !document.querySelector(".cb-reading"),
  };
}"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    from playwright.sync_api import sync_playwright

    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    if not (site / "index.html").exists():
        sys.exit("build the book first (make book)")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    pages = sorted(
        str(p.relative_to(site)) for p in site.rglob("*.html") if not SKIP.intersection(p.relative_to(site).parts)
    )
    pages = [p for p in pages if p != "index.html"]  # the root only redirects
    rows = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
            context.add_init_script(CLS_WATCH)
            for rel in pages:
                page = context.new_page()
                page.route(
                    "**/*",
                    lambda r: (
                        r.continue_() if urlparse(r.request.url).netloc in ("", urlparse(base).netloc) else r.abort()
                    ),
                )
                page.goto(f"{base}/{rel}", wait_until="networkidle")
                page.wait_for_timeout(300)
                rows.setdefault(rel, {})[width] = page.evaluate(MEASURE)
                page.close()
            context.close()
        browser.close()
    httpd.shutdown()

    print(f"Reading layout of {site}")
    print(f"  {'page':40} " + "  ".join(f"{'height':>7} {'passage':>7} {'wide':>4} {'CLS':>5}" for _ in WIDTHS))
    print(f"  {'':40} " + "  ".join(f"{f'at {w}×800':^26}" for w in WIDTHS))
    for rel, by_width in rows.items():
        cells = []
        for width in WIDTHS:
            m = by_width[width]
            passage = "" if m["passage"] is None else str(m["passage"])
            cells.append(f"{m['height']:>7} {passage:>7} {m['wide']:>4} {m['cls']:>5.3f}")
        print(f"  {rel:40} " + "  ".join(cells))
    chapters = [rel for rel, m in rows.items() if m[WIDTHS[0]]["article"]]
    for width in WIDTHS:
        heights = [rows[rel][width]["height"] for rel in chapters]
        passages = [rows[rel][width]["passage"] for rel in chapters]
        if heights:
            print(
                f"  article chapters at {width}×800: median height {statistics.median(heights):.0f} px "
                f"(range {min(heights)}–{max(heights)}); first line of the passage at {min(passages)}–{max(passages)} px"
            )
    wide = [f"{rel} ({m[375]['wide']} px)" for rel, m in rows.items() if m[375]["wide"] > 0]
    print(f"  pages wider than a 375 px screen: {', '.join(wide) if wide else 'none'}")
    cut = [f"{rel}: {', '.join(m[375]['cut'])}" for rel, m in rows.items() if m[375]["cut"]]
    print("  pages with content past the right edge of a 375 px screen: " + ("none" if not cut else ""))
    for line in cut:
        print(f"    {line}")


if __name__ == "__main__":
    main()
