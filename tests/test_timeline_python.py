"""The timeline from Python: the reference filter, the widget's state, a live kernel."""

from __future__ import annotations

import pytest
from conftest import ROOT, execute_with

from coursebook.timeline import SOURCING_LABELS, filter_events, format_date, in_period
from coursebook.widgets import Timeline


def test_filters_combine(book):
    events = list(book.events.values())
    everything = filter_events(events)
    assert [e.date for e in everything] == sorted(e.date for e in events)
    iran = filter_events(events, actor="iran")
    assert iran and all("iran" in e.actors for e in iran)
    military = filter_events(events, kinds=["military"])
    assert military and all(e.kind == "military" for e in military)
    both = filter_events(events, actor="iran", kinds=["military"])
    assert {e.id for e in both} == {e.id for e in iran} & {e.id for e in military}


def test_periods_partition_the_timeline(book):
    events = list(book.events.values())
    counts = [len(filter_events(events, period=p.id, periods=book.periods.values())) for p in book.periods.values()]
    assert all(counts)
    assert sum(counts) == len(events)  # every event falls in exactly one period
    article_day = book.periods["2015-2017"]
    assert in_period("2017-06-25", article_day) and in_period("2017-06", article_day)
    assert not in_period("2017-06-26", article_day)


def test_dates_read_as_precisely_as_the_data():
    assert format_date("1995-06-30") == "30 June 1995"
    assert format_date("2000-11") == "November 2000"
    assert format_date("2007") == "2007"


def test_widget_state_links_events_to_passages(book):
    t = Timeline(book=book)
    assert len(t.events) == len(book.events)
    first = next(e for e in t.events if e["passages"])
    assert first["passages"][0]["href"] == book.passage_link(first["passages"][0]["id"])
    t.filters = {"actor": "russia", "period": "after-2017", "kinds": []}
    assert [e.id for e in t.visible()] == [
        e.id for e in filter_events(book.events.values(), "russia", "after-2017", periods=book.periods.values())
    ]
    assert 'data-cb-widget="timeline" id="cb-timeline"' in t._repr_mimebundle_()[0]["text/html"]


def test_widget_state_flags_events_in_doubt(book):
    state = {e["id"]: e for e in Timeline(book=book).events}
    for event in book.events.values():
        expected = SOURCING_LABELS[event.sourcing] if event.sourcing else ""
        assert state[event.id]["sourcing_label"] == expected, event.id
    assert state["iran-missiles-to-russia-2024"]["sourcing_label"] == "Disputed"
    assert state["troops-syria-to-ukraine-reports-2022"]["sourcing_label"] == "Unnamed sources"


@pytest.mark.notebook
def test_timeline_is_driven_from_python_in_a_live_kernel():
    _, printed = execute_with(
        ROOT / "chapters" / "timeline.md",
        "from coursebook.widgets import timeline\n"
        "t = timeline()\n"
        "t.filters = {'actor': 'iran', 'period': '1994-2000', 'kinds': []}\n"
        "print(len(t.visible()), all('iran' in e.actors for e in t.visible()))",
    )
    assert int(printed[0]) > 0 and printed[1] == "True"
