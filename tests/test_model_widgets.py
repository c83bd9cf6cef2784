"""The slider widgets from Python, and live in a kernel."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT, execute_with

from coursebook.simulations import deadend, iran
from coursebook.widgets import DeadEnd, IranBet, run


def test_dead_end_widget_reads_and_sets_parameters(book):
    w = DeadEnd(book=book)
    defaults = {p.id: p.default for p in book.models["deadend"].parameters}
    assert w.values == defaults
    w.set(link_chance=50, horizon=60)
    assert w.values["link_chance"] == 50 and w.values["horizon"] == 60
    frame = w.run()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 60
    assert len(w.run({"horizon": 12})) == 12 and w.values["horizon"] == 60  # run(params) leaves the sliders
    assert w.summary() == deadend.summary(w.values)
    with pytest.raises(ValueError, match="between 0 and 100"):
        w.set(link_chance=120)
    with pytest.raises(KeyError, match="no parameter"):
        w.set(link=1)
    w.apply_preset("kremlin-hope")
    assert w.values == {
        k: v for k, v in next(p for p in book.models["deadend"].presets if p.id == "kremlin-hope").values.items()
    }


def test_run_returns_the_models_dataframe(book):
    params = {p.id: p.default for p in book.models["iran"].parameters}
    pd.testing.assert_frame_equal(run("iran", params), iran.run(params))
    assert IranBet(book=book).summary() == iran.summary(params)


def test_static_state_carries_sources_and_precedents(book):
    state = IranBet(book=book).static_state()
    assert [p["id"] for p in state["parameters"]] == list(iran.PARAMETERS)
    assert all(s["url"].startswith("http") for p in state["parameters"] for s in p["sources"])
    assert [p["passage_href"] for p in state["precedents"]] == [
        book.passage_link(p.paragraph) for p in book.models["iran"].precedents
    ]
    html = DeadEnd(book=book)._repr_mimebundle_()[0]["text/html"]
    assert 'data-cb-widget="deadend" id="cb-model-deadend"' in html


@pytest.mark.notebook
def test_sliders_are_driven_from_python_in_a_live_kernel():
    notebook, printed = execute_with(
        ROOT / "chapters" / "seeking-a-way-out.md",
        "from coursebook.widgets import dead_end, run\n"
        "w = dead_end()\n"
        "w.set(link_chance=100, interest_decay=0, horizon=12)\n"
        "frame = run('deadend', w.values)\n"
        "print(type(frame).__name__, len(frame), w.summary()['dead_end'])",
    )
    assert printed == ["DataFrame", "12", "None"]
    views = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert len(views) >= 2  # the quiz and the dead-end model, live
