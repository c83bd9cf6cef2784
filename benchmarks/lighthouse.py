"""Print Lighthouse scores for the front page, one chapter and the timeline.

Lighthouse (npm, pinned in package.json) runs Debian's chromium with its default mobile
preset: a mid-range phone's screen, a 4× slower CPU and a simulated slow 4G network. The
built site is served from 127.0.0.1 by a small server that gzips text, as an ordinary
web host does. Prints performance, accessibility, SEO and best-practices scores and the
main timings for each page; asserts nothing.

    python benchmarks/lighthouse.py [page.html …]     (paths relative to _build/html)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from _common import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["chapters/index.html", "chapters/iran-bargaining-chip.html", "chapters/timeline.html"]
TEXT = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".map"}
CATEGORIES = ("performance", "accessibility", "seo", "best-practices")
TIMINGS = (
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
    ("speed-index", "SI"),
)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (text types only)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def run(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        if not out.exists():
            sys.stderr.write(result.stdout[-2000:] + result.stderr[-2000:])
            raise SystemExit(f"lighthouse produced no report for {url}")
        return json.loads(out.read_text(encoding="utf-8"))


def failing(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [r["id"] for r in refs if r["weight"] and audits[r["id"]].get("score") not in (None, 1)]


def main() -> None:
    site = ROOT / "_build" / "html"
    if not (site / "index.html").exists():
        sys.exit("build the book first (make book)")
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is not installed: run `npm ci` (make setup does)")
    pages = sys.argv[1:] or PAGES
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    print("Lighthouse 12 (mobile preset, simulated throttling), site served gzipped from 127.0.0.1")
    head = "  ".join(f"{c[:6]:>6}" for c in CATEGORIES) + "  " + "  ".join(f"{label:>6}" for _, label in TIMINGS)
    print(f"  {'page':40} {head}")
    try:
        for rel in pages:
            report = run(f"{base}/{rel}")
            scores = "  ".join(f"{round((report['categories'][c]['score'] or 0) * 100):>6}" for c in CATEGORIES)
            times = []
            for audit, label in TIMINGS:
                value = report["audits"][audit]["numericValue"]
                times.append(f"{value:>6.3f}" if label == "CLS" else f"{value / 1000:>5.1f}s")
            print(f"  {rel:40} {scores}  {'  '.join(times)}")
            for category in CATEGORIES:
                misses = failing(report, category)
                if misses and category != "performance":
                    print(f"      {category} audits not passed: {', '.join(misses)}")
            perf = failing(report, "performance")
            if perf:
                print(f"      performance audits not passed: {', '.join(perf)}")
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()
