"""Every chapter opens as a notebook (MyST Markdown through jupytext) and runs top to bottom."""

from __future__ import annotations

import jupytext
import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

pytestmark = pytest.mark.notebook

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))


def execute(path):
    notebook = jupytext.read(path)
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return notebook


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_is_a_jupytext_notebook(path):
    notebook = jupytext.read(path)
    assert notebook.metadata["jupytext"]["text_representation"]["format_name"] == "myst"
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    nbformat.validate(notebook)


@pytest.mark.parametrize(
    "path", [p for p in CHAPTERS if "{code-cell}" in p.read_text(encoding="utf-8")], ids=lambda p: p.stem
)
def test_chapter_executes_top_to_bottom(path):
    notebook = execute(path)  # nbclient raises on the first cell that fails
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert code_cells, "a chapter with code cells parsed to none"
    assert all(c.get("execution_count") for c in code_cells), "a code cell was not run"
    # A cell that imports a widget ends by showing it: the kernel must send a widget view.
    for cell in code_cells:
        if "from coursebook.widgets import" in cell.source:
            views = [o for o in cell.outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
            assert views, f"no widget shown by:\n{cell.source}"


def test_article_cell_shows_the_chapters_words_in_a_notebook():
    notebook = execute(ROOT / "chapters" / "iran-bargaining-chip.md")
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert 'id="p13"' in html
    assert "Gore-Chernomyrdin Memorandum of June 30, 1995" in html
