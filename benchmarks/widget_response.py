"""Print how fast the widgets respond in the static book (no kernel).

For each page with widgets: the time from navigation to the first widget being
ready (its module imported and rendered), and the time from a click on "Check
answer" to the feedback being on screen. The site is served on 127.0.0.1; headless
chromium, no throttling. Prints figures; asserts nothing.
"""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import sys
import threading

from _common import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SITE = ROOT / "_build" / "html"

MEASURE_CLICK = """
async (sel) => {
  const card = document.querySelector(sel);
  const box = card.querySelector("input[type=radio], input[type=checkbox]");
  box.click();
  const feedback = card.querySelector(".cb-q-feedback");
  const start = performance.now();
  const done = new Promise((resolve) => {
    new MutationObserver((_, obs) => { obs.disconnect(); resolve(performance.now() - start); })
      .observe(feedback, { childList: true, subtree: true });
  });
  card.querySelector(".cb-q-check").click();
  return await done;
}
"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").exists():
        sys.exit("build the book first (make book)")
    pages = sorted(p for p in (SITE / "chapters").glob("*.html") if 'data-cb-widget="' in p.read_text(encoding="utf-8"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    print("Widget response in the static book (median of 5 loads per page)")
    print(f"  {'page':40} {'ready after load':>17} {'check -> feedback':>18}")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        for path in pages:
            ready, clicks = [], []
            for _ in range(5):
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/chapters/{path.name}", wait_until="commit")
                page.wait_for_selector(".cb-widget[data-cb-ready='true']")
                ready.append(page.evaluate("performance.now()"))
                selector = ".cb-q:has(input[type=radio]), .cb-q:has(input[type=checkbox])"
                if page.locator(selector).count():
                    cid = page.locator(selector).first.get_attribute("id")
                    clicks.append(page.evaluate(MEASURE_CLICK, f"#{cid}"))
                context.close()
            click = f"{statistics.median(clicks):15.1f} ms" if clicks else f"{'—':>18}"
            print(f"  {path.name:40} {statistics.median(ready):14.0f} ms {click}")
        browser.close()
    httpd.shutdown()


if __name__ == "__main__":
    main()
