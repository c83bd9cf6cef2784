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


def test_the_page_stand_in_calls_listeners_as_anywidget_does(root):
    """The static page's model stand-in (js/lib/model.js) passes (model, value) to a
    ``change:<key>`` listener and (model) to ``change``, as anywidget's model does, so a
    widget written against one host gets the same arguments on the other."""
    import subprocess

    script = """
    import { createModel } from "./js/lib/model.js";
    const model = createModel({ values: {} });
    const seen = [];
    model.on("change:values", (m, value) => seen.push(["key", m === model, value]));
    model.on("change", (m) => seen.push(["any", m === model]));
    model.set("values", { a: 1 });
    model.set("values", model.get("values"));  // unchanged: no event
    console.log(JSON.stringify(seen));
    """
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=root, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["key", True, {"a": 1}], ["any", True]]
