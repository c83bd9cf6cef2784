"""Every widget keeps the ipywidgets contract, so JupyterLab can show it live.

A view points at its model by ``model_id``; a widget class that shadows that name
renders in the static book but shows "model not found" in JupyterLab. These checks
hold for every widget the book ships.
"""

from __future__ import annotations

import json

import pytest

from coursebook.widgets import DeadEnd, IranBet, Progress, Prompts, Quiz, Timeline

WIDGETS = [
    lambda book: Quiz("hope-of-a-deal", book=book),
    lambda book: Progress(book=book),
    lambda book: DeadEnd(book=book),
    lambda book: IranBet(book=book),
    lambda book: Timeline(book=book),
    lambda book: Prompts("hope-of-a-deal", book=book),
]


@pytest.mark.parametrize("make", WIDGETS, ids=["quiz", "progress", "deadend", "iran", "timeline", "prompts"])
def test_view_points_at_its_own_model(book, make):
    widget = make(book)
    data, _ = widget._repr_mimebundle_()
    view = data["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == widget.comm.comm_id
    assert widget._model_name == "AnyModel" and widget._view_name == "AnyView"
    state = widget.get_state()
    json.dumps(state, allow_nan=False)  # what the comm sends must be plain JSON
    assert state["_esm"].lstrip().startswith(("//", "var", "const", "function", "import", "export", "/*"))
    assert "export" in state["_esm"] and "render" in state["_esm"]
    assert f'data-cb-widget="{widget.kind}"' in data["text/html"]
