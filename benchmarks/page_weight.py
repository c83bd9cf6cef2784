"""Print the bytes each page loads, next to a stock `jupyter-book create` book.

Both sites are served on 127.0.0.1 and opened in headless chromium with other hosts
blocked; for each page we add up the bytes of every response the page loaded (raw, and
gzipped as an ordinary web host would send them), count its requests, and count
requests that tried to leave the machine. The stock book is created and built
in this run (its notebooks are not executed: they need matplotlib). Prints figures;
asserts nothing.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from _common import ROOT, WORK, jupyter_book

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SKIP = {"_static", "_sources", "_images", "reports"}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def measure_page(browser, base: str, rel: str) -> tuple[int, int, int, int, int]:
    """One page's figures (see ``measure``)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    sizes, external, runtime, zipped = [], [], [], []

    host = urlparse(base).netloc

    def route(route):  # one parameter: Playwright passes (route, request) to two
        if urlparse(route.request.url).netloc == host:
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    page.route("**/*", route)

    def finished(req):
        size = req.sizes()["responseBodySize"]
        sizes.append(size)
        try:
            response = req.response()
            body = response.body() if response is not None and response.status == 200 else b""
        except Exception:  # a page that redirects at once (index.html) drops its body
            body = b""
        zipped.append(len(gzip.compress(body, 6)) if body else size)
        if "/_static/coursebook/widgets/" in req.url:
            runtime.append(size)

    page.on("requestfinished", finished)
    page.goto(f"{base}/{rel}", wait_until="networkidle")
    page.wait_for_timeout(200)
    context.close()
    return (sum(sizes), len(sizes), len(external), sum(runtime), sum(zipped))


def measure(browser, site: Path) -> dict[str, tuple[int, int, int, int, int]]:
    """page -> (bytes loaded, local requests, blocked external requests, bytes of the
    book's own widget runtime: host, widget modules and their CSS, notes script;
    bytes loaded once gzipped)."""
    httpd, base = serve(site)
    results = {}
    pages = sorted(
        str(p.relative_to(site)) for p in site.rglob("*.html") if not SKIP.intersection(p.relative_to(site).parts)
    )
    for rel in pages:
        results[rel] = measure_page(browser, base, rel)
    httpd.shutdown()
    return results


def stock_site() -> Path:
    folder = WORK / "stock"
    shutil.rmtree(folder, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    jupyter_book("create", str(folder), cwd=WORK)
    config = folder / "_config.yml"
    config.write_text(config.read_text().replace("execute_notebooks: cache", "execute_notebooks: 'off'"))
    jupyter_book("build", ".", cwd=folder)
    return folder / "_build" / "html"


def table(title: str, results: dict) -> None:
    print(f"\n{title}")
    print(f"  {'page':44} {'KB':>8} {'gzip KB':>8} {'requests':>9} {'blocked':>8} {'widgets KB':>11}")
    for rel, (size, count, blocked, runtime, zipped) in results.items():
        print(f"  {rel:44} {size / 1024:8.1f} {zipped / 1024:8.1f} {count:9d} {blocked:8d} {runtime / 1024:11.1f}")
    sizes = sorted(v[0] for v in results.values())
    zipped = sorted(v[4] for v in results.values())
    counts = sorted(v[1] for v in results.values())
    print(f"  {'median page':44} {median(sizes) / 1024:8.1f} {median(zipped) / 1024:8.1f} {median(counts):9.0f}")


def median(values: list) -> float:
    return statistics.median(values)


def main() -> None:
    from playwright.sync_api import sync_playwright

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    ours = Path(args[0]) if args else ROOT / "_build" / "html"
    if not (ours / "index.html").exists():
        sys.exit("build the book first (make book)")
    stock = None if "--no-stock" in sys.argv else stock_site()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        table(f"This book ({ours})", measure(browser, ours))
        if stock is not None:
            table("Stock `jupyter-book create` book, built now", measure(browser, stock))
        browser.close()


if __name__ == "__main__":
    main()
