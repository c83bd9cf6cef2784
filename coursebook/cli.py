"""Command line: ``python -m coursebook check`` (also ``coursebook check``), ``build``,
``serve`` and ``schema``.

``check``   validates seeds/, data/, chapters/ and _toc.yml and prints ``file:line: message``
            for every problem; exit status 1 when there is any.
``build``   builds the book (``--edition instructor`` for the instructor edition) into a
            temporary folder and publishes it in _build/ only if the build succeeded.
``serve``   live preview with sphinx-autobuild on http://127.0.0.1:8000/: rebuilds when
            chapters/, data/, seeds/ or the configuration change, and reloads the open page.
``schema``  writes a JSON Schema for each data file into data/schemas/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import building, preview
from .book import Book
from .errors import DataError
from .paths import find_root


class Refusal(Exception):
    """Something the command cannot do, said in one sentence."""


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


def _root(given: Path | None) -> Path:
    if given is not None:
        if not (given / "seeds" / "manifest.yaml").is_file():
            raise Refusal(f"{given} is not a book: it has no seeds/manifest.yaml.")
        return given.resolve()
    try:
        return find_root().resolve()
    except FileNotFoundError as exc:
        raise Refusal(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coursebook", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, help="the book's folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate seeds/, data/, chapters/ and _toc.yml")
    build_parser = sub.add_parser("build", help="build the book; publish it only if the build succeeded")
    build_parser.add_argument("--edition", choices=building.EDITIONS, default="student")
    serve_parser = sub.add_parser("serve", help="live preview on 127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    schema_parser = sub.add_parser("schema", help="write a JSON Schema for each data file")
    schema_parser.add_argument("--out", type=Path, help="the folder (default: data/schemas)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        root = _root(args.root)
        if args.command == "check":
            return check(root)
        if args.command == "build":
            return building.build(root, args.edition)
        if args.command == "schema":
            from .schemas import export

            for path in export.write(args.out or root / "data" / "schemas"):
                print(path.relative_to(root) if path.is_relative_to(root) else path)
            return 0
        return preview.serve(root, args.port)
    except (Refusal, building.BuildError, preview.PortBusy) as exc:
        print(f"coursebook {args.command}: {exc}", file=sys.stderr)
        return 2
