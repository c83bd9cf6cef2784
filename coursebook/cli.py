"""Command line: ``python -m coursebook check`` (also ``coursebook check``), ``build``,
``serve`` and ``schema``.

``check``   validates seeds/, data/, chapters/ and _toc.yml and prints ``file:line: message``
            for every problem; exit status 1 when there is any.
``build``   builds the book (``--edition instructor`` for the instructor edition) into a
            temporary folder and publishes it in _build/ only if the build succeeded.
``serve``   live preview with sphinx-autobuild on http://127.0.0.1:8000/: rebuilds when
            chapters/, data/, seeds/ or the configuration change, and reloads the open page.
``schema``  writes a JSON Schema for each data file into data/schemas/.
``pdf``     prints the built book with chromium into _build/pdf/: reading.pdf (the article,
            the questions without answers, the prompts) and book.pdf; with
            ``--edition instructor``, instructor.pdf (answer keys and teaching notes).
``report``  reads students' answer files (JSON or CSV) and writes the class report,
            one self-contained HTML page (``--out report.html``).
``export-qti`` writes one QTI 1.2 package per chapter for Canvas (``--out _build/qti/``).
``new``     makes a complete book for another article (coursebook/scaffold.py):
            ``new ARTICLE.txt DEST --title T --author A --published YYYY-MM-DD --publisher P [--url U]``.

``check`` and ``build`` take the book's folder as an optional argument
(``python -m coursebook build DEST``), like ``--root``.
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


def _pdf(root: Path, edition: str) -> int:
    from . import pdf

    try:
        for path in pdf.write(root, edition):
            print(f"Wrote {path.relative_to(root)}")
    except pdf.PdfError as exc:
        raise Refusal(str(exc)) from None
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
    parser = argparse.ArgumentParser(
        prog="coursebook", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, help="the book's folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    check_parser = sub.add_parser("check", help="validate seeds/, data/, chapters/ and _toc.yml")
    check_parser.add_argument("folder", nargs="?", type=Path, help="the book's folder (as --root)")
    build_parser = sub.add_parser("build", help="build the book; publish it only if the build succeeded")
    build_parser.add_argument("folder", nargs="?", type=Path, help="the book's folder (as --root)")
    build_parser.add_argument("--edition", choices=building.EDITIONS, default="student")
    serve_parser = sub.add_parser("serve", help="live preview on 127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    pdf_parser = sub.add_parser("pdf", help="print the built book into _build/pdf (reading.pdf, book.pdf)")
    pdf_parser.add_argument("--edition", choices=building.EDITIONS, default="student")
    schema_parser = sub.add_parser("schema", help="write a JSON Schema for each data file")
    schema_parser.add_argument("--out", type=Path, help="the folder (default: data/schemas)")
    report_parser = sub.add_parser("report", help="the class report from students' answer files")
    report_parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="answer files (.json, .csv) or folders of them"
    )
    report_parser.add_argument(
        "--out", type=Path, default=Path("report.html"), help="the HTML page to write (default: report.html)"
    )
    qti_parser = sub.add_parser("export-qti", help="one QTI 1.2 package (.zip) per chapter, for Canvas")
    qti_parser.add_argument("--out", type=Path, default=Path("_build/qti"), help="the folder (default: _build/qti)")
    new_parser = sub.add_parser("new", help="make a complete book for another article")
    new_parser.add_argument(
        "article", type=Path, help="plain text: the title on the first line, then blocks separated by blank lines"
    )
    new_parser.add_argument("dest", type=Path, help="the new book's folder (must not exist, or be empty)")
    for name, what in (
        ("title", "the article's title"),
        ("author", "its author"),
        ("published", "its date, YYYY-MM-DD"),
        ("publisher", "where it was published"),
    ):
        new_parser.add_argument(f"--{name}", required=True, help=what)
    new_parser.add_argument("--url", help="where it was published online")
    return parser


def _book(root: Path):
    try:
        return Book.load(root)
    except DataError as exc:
        raise Refusal(f"the book has {len(exc.problems)} problem(s); run `make check` to see them.") from None


def _tools(root: Path, args) -> int:
    """The instructor's tools: the class report and the QTI export."""
    if args.command == "report":
        from .report import command

        try:
            return command.run(_book(root), args.files, args.out)
        except command.OutError as exc:
            raise Refusal(str(exc)) from None
    from . import qti

    try:
        written = qti.export(_book(root), args.out)
    except qti.OutError as exc:
        raise Refusal(str(exc)) from None
    for path in written:
        print(path)
    return 0


def new(args) -> int:
    from . import scaffold

    meta = scaffold.Meta(args.title, args.author, args.published, args.publisher, args.url)
    try:
        files = scaffold.create(args.article, args.dest, meta)
    except scaffold.ScaffoldError as exc:
        raise Refusal(str(exc)) from None
    from .book import Book

    try:
        book = Book.load(args.dest)
    except DataError as exc:  # a bug in the templates, not in the article: say so plainly
        for problem in exc.problems:
            print(problem)
        raise Refusal(f"the new book in {args.dest} does not pass its own checks (above); please report this") from None
    lines = scaffold.wrapped(args.article.read_text(encoding="utf-8"))
    if lines:
        where = ", ".join(map(str, lines[:8])) + ("…" if len(lines) > 8 else "")
        print(
            f"Note: {len(lines)} block(s) run over several lines (from line {where}); each of their lines became "
            "a paragraph of its own. If they are wrapped paragraphs, join each onto one line and run `new` again."
        )
    print(
        f"Made a book in {args.dest}: {len(files)} files, {len(book.article.paragraphs)} paragraphs in "
        f"{len(book.article.chapters)} chapter(s). Review the roles marked “inferred” in seeds/manifest.yaml, "
        f"then build it with `python -m coursebook build {args.dest}` (or `make -C {args.dest}`)."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "new":
            return new(args)
        root = _root(getattr(args, "folder", None) or args.root)
        if args.command == "check":
            return check(root)
        if args.command == "build":
            return building.build(root, args.edition)
        if args.command == "pdf":
            return _pdf(root, args.edition)
        if args.command == "schema":
            from .schemas import export

            for path in export.write(args.out or root / "data" / "schemas"):
                print(path.relative_to(root) if path.is_relative_to(root) else path)
            return 0
        if args.command in ("report", "export-qti"):
            return _tools(root, args)
        return preview.serve(root, args.port)
    except (Refusal, building.BuildError, preview.PortBusy) as exc:
        print(f"coursebook {args.command}: {exc}", file=sys.stderr)
        return 2
