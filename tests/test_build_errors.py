"""The real build stops on bad data: file:line in plain words, no traceback, no site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import edit, line_of

BIN = Path(sys.executable).parent


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_bad_data_stops_the_build_before_anything_is_written(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    line = line_of(path, "id: explain-the-hope")
    edit(path, "id: explain-the-hope", "id: Explain The Hope")
    result = build(book_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"data/objectives.yaml:{line}: “Explain The Hope” is not a valid id: "
        "use lower-case letters, digits and single hyphens"
    ) in output
    assert "Traceback" not in output
    assert not (book_copy / "_build" / "html" / "index.html").exists()
    assert not any((book_copy / "_build").rglob("*.html"))


def test_check_command_prints_the_same_problem(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    line = line_of(path, "id: explain-the-hope")
    edit(path, "id: explain-the-hope", "id: Explain The Hope")
    result = subprocess.run(
        [sys.executable, "-m", "coursebook", "--root", str(book_copy), "check"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        f"data/objectives.yaml:{line}: “Explain The Hope” is not a valid id"
    )
    assert "Traceback" not in result.stderr


def test_check_command_passes_on_the_real_book(root):
    result = subprocess.run(
        [sys.executable, "-m", "coursebook", "--root", str(root), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("All good: 17 paragraphs")
