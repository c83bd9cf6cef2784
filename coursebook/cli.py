"""Command line: ``python -m coursebook check`` (also ``coursebook check``) and ``serve``.

``check``  validates seeds/, data/ and chapters/ and prints ``file:line: message``
           for every problem; exit status 1 when there is any.
``serve``  builds the book, serves _build/html on http://127.0.0.1:8000/ and rebuilds
           whenever chapters/, data/, seeds/ or the book's configuration change.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from .book import Book
from .errors import DataError
from .paths import find_root


def check(root: Path) -> int:
    try:
        book = Book.load(root)
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"\n{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 1
    questions = book.questions()
    print(
        f"All good: {len(book.article.paragraphs)} paragraphs, {len(book.chapters)} pages, "
        f"{len(questions)} questions, {len(book.references)} references."
    )
    return 0


def build(root: Path) -> bool:
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root), "-W", "-n", "--keep-going"]
    return subprocess.run(command, cwd=root).returncode == 0


def serve(root: Path, port: int) -> int:
    from watchfiles import watch

    site = root / "_build" / "html"
    build(root)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"\nServing the book at http://127.0.0.1:{port}/ — edit chapters/ or data/ and it rebuilds. Ctrl-C stops.")
    watched = [root / name for name in ("chapters", "data", "seeds", "_config.yml", "_toc.yml")]
    try:
        for changes in watch(*watched, debounce=800):
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            print(f"\nChanged: {names}. Rebuilding…")
            print("Rebuilt: refresh your browser." if build(root) else "The build failed; see the messages above.")
    except KeyboardInterrupt:
        pass
    finally:
        httpd.shutdown()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coursebook", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, help="the book's folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate seeds/, data/ and chapters/")
    serve_parser = sub.add_parser("serve", help="live preview on 127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    root = (args.root or find_root()).resolve()
    if args.command == "check":
        return check(root)
    return serve(root, args.port)
