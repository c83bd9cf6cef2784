"""``python -m coursebook report FILE... --out report.html``: the command's plumbing.

A folder among the files stands for the ``.json`` and ``.csv`` files in it (so
``make report EXPORTS=folder`` works). Files that cannot be used are listed in plain
words and the others go on; the exit status is 1 only when no file was usable.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .classdata import load_class
from .page import render
from .reading import expand


class OutError(Exception):
    """The --out path cannot be written."""


def check_out(out: Path) -> None:
    if out.is_dir():
        raise OutError(f"--out {out} is a folder; give a file name such as {out / 'report.html'}.")
    if not out.parent.is_dir():
        raise OutError(f"--out {out}: the folder {out.parent} does not exist.")
    if out.suffix.lower() not in (".html", ".htm"):
        raise OutError(f"--out {out}: the report is an HTML page; give a name ending in .html.")


def run(book, files: list[Path], out: Path) -> int:
    check_out(out)
    paths = expand(files)
    data = load_class(paths, book)
    for problem in data.problems:
        print(f"cannot use {problem}", file=sys.stderr)
    for warning in data.warnings:
        print(f"note: {warning}", file=sys.stderr)
    if not data.usable:
        print(f"No usable answers file among the {len(paths)} given; nothing written.", file=sys.stderr)
        return 1
    try:
        out.write_text(render(data, len(paths)), encoding="utf-8")
    except OSError as exc:
        raise OutError(f"--out {out}: cannot write it ({exc.strerror or exc}).") from None
    print(f"Wrote {out}: {len(data.students)} student(s) from {len(paths)} file(s).")
    return 0
