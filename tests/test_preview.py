"""`coursebook serve`: the sphinx-autobuild command it runs and what triggers a rebuild
(no server is started and nothing is timed)."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import MINI

from coursebook import preview


def test_the_command_runs_sphinx_autobuild_on_the_book(tmp_path):
    from coursebook.paths import copy_sources

    root = copy_sources(MINI, tmp_path / "book")
    line = preview.command(root, 8123)
    assert line[:3] == [sys.executable, "-m", "sphinx_autobuild"]
    assert line[3] == str(root) and line[line.index("--port") + 1] == "8123"
    assert line[line.index("--host") + 1] == "127.0.0.1"
    # conf.py asks jupyter-book for the configuration at every build: it is the book's own.
    conf = (root / "_build" / ".serve" / "conf.py").read_text(encoding="utf-8")
    assert line[line.index("-c") + 1] == str(root / "_build" / ".serve")
    settings = preview.sphinx_config(str(root))
    assert "coursebook.sphinxext" in settings["extensions"]
    assert settings["external_toc_path"] == (root / "_toc.yml").as_posix()
    assert str(root) in conf
    assert settings["bibtex_bibfiles"] == [str(root / "data" / "references.bib")]


@pytest.mark.parametrize(
    "path, rebuilds",
    [
        ("chapters/reading.md", True),
        ("data/quizzes/reading.yaml", True),
        ("seeds/manifest.yaml", True),
        ("_config.yml", True),
        ("_toc.yml", True),
        ("_build/.serve/html/index.html", False),
        ("README.md", False),
        ("tests/x.py", False),
        ("datafile.txt", False),
    ],
)
def test_only_the_sources_trigger_a_rebuild(tmp_path, path, rebuilds):
    pattern = re.compile(preview.ignored(tmp_path))
    assert (pattern.search((tmp_path / path).as_posix()) is None) == rebuilds


# A busy port is one sentence: tests/test_atomic_build.py::test_serve_on_a_busy_port.
