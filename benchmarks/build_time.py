"""Print how long the book takes to build: cold, then rebuilt after one edit of each kind.

Builds a copy of the book under benchmarks/_work/ so _build/ is left alone, with the same
command line as `make book` (coursebook.building.command). After the cold build it edits
one quiz bank, one glossary entry and one chapter, rebuilding after each, and prints each
rebuild next to the cold build of the same run, with the pages Sphinx re-read and the
notebooks that ran again. Wall-clock time depends on whatever else the machine is doing;
the CPU time of the build and everything it starts (kernels, node) much less so, so both
are printed. Prints figures; asserts nothing (target: each rebuild ≤ 35 %).
Run with `make bench` or `.venv/bin/python benchmarks/build_time.py`.
"""

from __future__ import annotations

import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _common import WORK, copy_book

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(book: Path, out: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, pages read, notebooks run."""
    from coursebook.building import command

    start, cpu = time.perf_counter(), _cpu()
    result = subprocess.run(command(book, out), cwd=book, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    log = ANSI.sub("", result.stdout + result.stderr)
    if result.returncode != 0:
        sys.stderr.write(log[-3000:])
        raise SystemExit(f"the build of {book} failed")
    read = len(set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", log)))
    ran = len(set(re.findall(r"(\S+\.md): Executing notebook", log)))
    return elapsed, cpu, read, ran


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"benchmark edit: {old!r} is not in {path}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_value(path: Path, key: str) -> str:
    """The first ``key: value`` line of a YAML file, to edit its value in place."""
    match = re.search(rf"^\s*-?\s*{key}: (.+)$", path.read_text(encoding="utf-8"), re.M)
    if match is None:
        raise SystemExit(f"benchmark edit: no “{key}:” in {path}")
    return match.group(0)


def main() -> None:
    book = copy_book(WORK / "build-time")
    out = WORK / "build-time-out"
    shutil.rmtree(out, ignore_errors=True)
    cold = build(book, out)
    banks = sorted((book / "data" / "quizzes").glob("*.yaml"))
    glossary = book / "data" / "glossary.yaml"
    chapter = sorted(p for p in (book / "chapters").glob("*.md") if p.stem not in {"index"})[0]
    edits = []
    for label, path, key in (("one quiz bank", banks[0], "prompt"), ("one glossary entry", glossary, "definition")):
        line = first_value(path, key)
        edit(path, line, line.rstrip() + " (edited)" if not line.rstrip().endswith((">", "|", ">-", "|-")) else line)
        edits.append((f"{label} ({path.relative_to(book)})", build(book, out)))
    heading = re.search(r"^# .+$", chapter.read_text(encoding="utf-8"), re.M).group(0)
    edit(chapter, heading, heading + "\n\nAn edited sentence for the benchmark.")
    edits.append((f"one chapter ({chapter.relative_to(book)})", build(book, out)))

    print(f"Build time ({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores)")
    print(
        f"  cold build (empty _build)   {cold[0]:6.1f} s wall  {cold[1]:6.1f} s CPU   {cold[2]:2d} pages read, {cold[3]:2d} notebooks run"
    )
    for label, (wall, cpu, read, ran) in edits:
        print(f"  after editing {label}")
        print(
            f"      rebuild {wall:6.1f} s wall = {100 * wall / cold[0]:3.0f} %,  {cpu:6.1f} s CPU = {100 * cpu / cold[1]:3.0f} %"
            f" of the cold build   {read:2d} pages read, {ran:2d} notebooks run"
        )


if __name__ == "__main__":
    main()
