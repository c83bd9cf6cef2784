"""Screenshots of the built book as a student sees it, to look at before calling a page done.

For each page given (default: the front page, a chapter, the whole article, the timeline and
the progress page), in headless chromium with every other host blocked, it saves the first
screen and the full page at 375×800 (a phone) and 1280×800 (a desktop), in the light and the
dark colour scheme, into benchmarks/_work/screens/, and prints each file with the page's
height. It asserts nothing.

    python benchmarks/screenshots.py [site folder] [page.html ...]     (default: _build/html)
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from _common import ROOT, WORK

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = [
    "index.html",
    "chapters/hope-of-a-deal.html",
    "chapters/read-the-article.html",
    "chapters/timeline.html",
    "chapters/progress.html",
]
READY = "[...document.querySelectorAll('[data-cb-widget]')].every(el => el.dataset.cbReady)"
WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv: list[str]) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]) if argv and not argv[0].endswith(".html") else ROOT / "_build" / "html"
    pages = [a for a in argv if a.endswith(".html")] or PAGES
    out = WORK / "screens"
    out.mkdir(parents=True, exist_ok=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            for scheme in SCHEMES:
                context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
                context.route(
                    "**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()
                )
                page = context.new_page()
                for name in pages:
                    page.goto(f"{base}/{name}", wait_until="networkidle")
                    page.wait_for_timeout(300)
                    stem = f"{name.replace('/', '_').removesuffix('.html')}-{width}-{scheme}"
                    page.screenshot(path=out / f"{stem}-screen.png")
                    # The widgets further down start when the page is idle: the full page
                    # is taken once every one has started (or after ten seconds).
                    try:
                        page.wait_for_function(READY, timeout=10_000)
                    except PlaywrightTimeout:
                        print(f"{name}: some widgets had not started after 10 s")
                    page.screenshot(path=out / f"{stem}-full.png", full_page=True)
                    height = page.evaluate("document.documentElement.scrollHeight")
                    print(f"{out / stem}-{{screen,full}}.png  height {height} px")
                context.close()
        browser.close()
    httpd.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
