"""Print how long the book takes to build: cold, then rebuilt after one edit of each kind.

Builds a copy of the book under benchmarks/_work/ so _build/ is left alone, with the same
command line as `make book` (coursebook.building.command). After the cold build it edits
one quiz bank, one glossary entry and one chapter, rebuilding after each, and prints each
rebuild next to the cold build of the same run, with the pages Sphinx re-read and the
notebooks that ran again. Each kind of edit is made and rebuilt three times (the median is
printed, and every run), and the cold build twice (their mean). Wall-clock time depends on whatever else the machine is doing;
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


ROUNDS = 3  # rebuilds per kind of edit, each after a fresh edit; the median is printed
COLD = 2  # cold builds; their mean is what the rebuilds are compared with

Run = tuple[float, float, int, int]


class Edit:
    """One kind of edit: round n appends ``suffix(n)`` to ``anchor`` (replacing round n-1's)."""

    def __init__(self, label: str, path: Path, anchor: str, suffix):
        if anchor.rstrip().endswith((">", "|", ">-", "|-")):
            raise SystemExit(f"benchmark edit: {anchor!r} in {path} starts a block; pick a plain value")
        self.label, self.path, self.anchor, self.suffix, self.current = label, path, anchor, suffix, anchor

    def __call__(self, n: int) -> None:
        new = self.anchor + self.suffix(n)
        edit(self.path, self.current, new)
        self.current = new


def _edits(book: Path) -> list[Edit]:
    bank = sorted((book / "data" / "quizzes").glob("*.yaml"))[0]
    glossary = book / "data" / "glossary.yaml"
    chapter = sorted(p for p in (book / "chapters").glob("*.md") if p.stem not in {"index"})[0]
    heading = re.search(r"^# .+$", chapter.read_text(encoding="utf-8"), re.M).group(0)
    return [
        Edit("one quiz bank", bank, first_value(bank, "prompt").rstrip(), lambda n: f" (edit {n})"),
        Edit("one glossary entry", glossary, first_value(glossary, "definition").rstrip(), lambda n: f" (edit {n})"),
        Edit("one chapter", chapter, heading, lambda n: f"\n\nAn edited sentence for the benchmark, round {n}."),
    ]


def _summary(runs: list[Run]) -> str:
    return ", ".join(f"{r[0]:.1f}" for r in runs)


def main() -> None:
    book = copy_book(WORK / "build-time")
    out = WORK / "build-time-out"
    colds: list[Run] = []
    for _ in range(COLD):
        shutil.rmtree(out, ignore_errors=True)
        colds.append(build(book, out))
    results = []
    for change in _edits(book):
        runs = []
        for n in range(ROUNDS):
            change(n)
            runs.append(build(book, out))
        results.append((f"{change.label} ({change.path.relative_to(book)})", runs))

    wall, cpu = (sum(r[0] for r in colds) / COLD, sum(r[1] for r in colds) / COLD)
    print(f"Build time ({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores)")
    print(
        f"  cold build (empty _build), mean of {COLD}   {wall:6.1f} s wall  {cpu:6.1f} s CPU"
        f"   {colds[0][2]:2d} pages read, {colds[0][3]:2d} notebooks run   (runs: {_summary(colds)} s)"
    )
    for label, runs in results:
        middle = len(runs) // 2
        r_wall, r_cpu = sorted(r[0] for r in runs)[middle], sorted(r[1] for r in runs)[middle]
        read, ran = max(r[2] for r in runs), max(r[3] for r in runs)
        print(f"  after editing {label}: median of {len(runs)} rebuilds, each after a new edit")
        print(
            f"      rebuild {r_wall:6.1f} s wall = {100 * r_wall / wall:3.0f} %,  {r_cpu:6.1f} s CPU = {100 * r_cpu / cpu:3.0f} %"
            f" of the cold build   {read:2d} pages read, {ran:2d} notebooks run   (runs: {_summary(runs)} s)"
        )


if __name__ == "__main__":
    main()
