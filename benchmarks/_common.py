"""Helpers shared by the benchmark scripts: paths, copying the book, timing a command."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
BIN = Path(sys.executable).parent


def copy_book(dest: Path) -> Path:
    """A copy of the book's sources (not its build) to build without touching _build/."""
    from coursebook.paths import copy_sources

    return copy_sources(ROOT, dest)


def jupyter_book(*args: str, cwd: Path) -> float:
    """Run jupyter-book quietly; return the wall-clock seconds. Fails loudly on error."""
    start = time.perf_counter()
    result = subprocess.run([str(BIN / "jupyter-book"), *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"jupyter-book {' '.join(args)} failed in {cwd}")
    return elapsed
