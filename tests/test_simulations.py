"""The slider models (pandas reference): edge cases, and bad parameter files."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import break_line, edit, line_of, problems

from coursebook.simulations import deadend, iran
from coursebook.simulations.display import billions, fixed, millions


@pytest.fixture
def base(book):
    return {p.id: p.default for p in book.models["deadend"].parameters}


def test_defaults_and_presets_run(book, base):
    assert deadend.summary(base)["horizon"] == 36
    for preset in book.models["deadend"].presets:
        frame = deadend.run(preset.values)
        assert list(frame.columns) == [
            "date",
            "military_cost",
            "hostage_cost",
            "cost",
            "cumulative_cost",
            "assets",
            "interest",
            "tradeable_gain",
            "net",
        ]
        assert frame.index[0] == 1 and frame.iloc[0]["date"] == "January 2017"


def test_the_presets_tell_different_stories(book):
    presets = {p.id: p.values for p in book.models["deadend"].presets}
    hope = deadend.summary(presets["kremlin-hope"])
    author = deadend.summary(presets["author-reading"])
    assert hope["dead_end"] is None  # the hope: staying keeps paying
    assert author["dead_end"] is not None and author["dead_end"] <= 6  # the author: a dead end by June 2017


def test_zero_decay_keeps_interest_whole(base):
    frame = deadend.run({**base, "interest_decay": 0})
    assert (frame["interest"] == 1).all()


def test_certainty_of_incidents_and_of_linkage(base):
    frame = deadend.run({**base, "incident_chance": 100, "incident_cost": 250, "link_chance": 100})
    assert (frame["hostage_cost"] == 250).all()
    first = frame.iloc[0]
    assert first["tradeable_gain"] == pytest.approx(base["normalisation_value"] * 1000 * base["assets_start"] / 100)


def test_horizon_of_one_month(base):
    frame = deadend.run({**base, "horizon": 1})
    assert len(frame) == 1 and frame.index.tolist() == [1]
    assert frame.iloc[0]["cumulative_cost"] == frame.iloc[0]["cost"]
    positive = deadend.summary({**base, "horizon": 1, "link_chance": 100})
    assert positive["dead_end"] is None and positive["best_exit"] == 1
    negative = deadend.summary({**base, "horizon": 1, "link_chance": 0})
    assert negative["dead_end"] == 0
    assert negative["sentence"].startswith("With these settings, staying never pays")


def test_extreme_ranges_stay_finite(book):
    params = book.models["deadend"].parameters
    for pick in ("min", "max"):
        values = {p.id: getattr(p, pick) for p in params}
        frame = deadend.run(values)
        assert np.isfinite(frame.select_dtypes("number").to_numpy()).all(), pick
        assert frame["assets"].between(0, 100).all()


def test_assets_are_clipped(base):
    frame = deadend.run({**base, "assets_start": 95, "advance_rate": 10, "horizon": 5})
    assert frame["assets"].tolist() == [95, 100, 100, 100, 100]
    frame = deadend.run({**base, "assets_start": 5, "advance_rate": -5, "horizon": 3})
    assert frame["assets"].tolist() == [5, 0, 0]


def test_growth_compounds_monthly(base):
    frame = deadend.run({**base, "monthly_cost": 100, "deployment_growth": 10, "horizon": 3})
    assert frame["military_cost"].tolist() == pytest.approx([100, 110, 121])


def test_dead_end_is_the_last_month_before_net_stays_negative(base):
    frame = deadend.run(base)
    end = deadend.dead_end(frame)
    assert frame.loc[end, "net"] >= 0
    assert (frame.loc[end + 1 :, "net"] < 0).all()
    assert (
        deadend.summary(base)["sentence"]
        == f"With these settings, staying stops paying after month {end} ({deadend.month_name(end)})."
    )


def test_month_names():
    assert deadend.month_name(1) == "January 2017"
    assert deadend.month_name(14) == "February 2018"
    assert deadend.month_name(120) == "December 2026"


def test_iran_expected_value_and_break_even():
    p = {"deliver_chance": 25, "normalisation_value": 16, "cancelled_contracts": 10, "distrust_cost": 4}
    out = iran.summary(p)
    assert out["expected_value"] == pytest.approx(-10)
    assert out["break_even"] == pytest.approx(87.5)
    assert out["sentence"] == "With these settings, selling out Iran is worth −\u2060$10.0bn to Moscow: a losing bet."
    assert iran.summary({**p, "deliver_chance": 100, "normalisation_value": 40})["sentence"].endswith("a winning bet.")
    assert iran.break_even({**p, "normalisation_value": 0}) is None
    assert iran.break_even({**p, "normalisation_value": 10}) is None  # 140% is not a chance
    frame = iran.run(p)
    assert frame.loc["expected value", "billion_usd"] == pytest.approx(-10)


def test_missing_parameters_are_named(base):
    with pytest.raises(KeyError, match="horizon"):
        deadend.run({k: v for k, v in base.items() if k != "horizon"})
    with pytest.raises(ValueError, match="whole number"):
        deadend.run({**base, "horizon": 2.5})


def test_display_rounding_matches_javascript_rules():
    assert fixed(0.25, 1) == "0.3"  # toFixed rounds the exact binary value half away from zero
    assert fixed(-0.04, 1) == "0.0"
    assert fixed(1234567.25, 1) == "1,234,567.3"
    assert billions(-4.6687) == "−\u2060$4.7bn" and billions(0.261) == "$0.3bn" and billions(-0.01) == "$0.0bn"
    assert millions(139.0) == "$139m"
    assert not math.isnan(float(fixed(1e-12, 1)))


# --- bad parameter files stop the build with file:line -------------------------------------

# Each row changes one value of a model and names the one problem loading the book reports:
# (file, the text, what it becomes, where the report is relative to the changed line, the
# message after ``file:line: ``).
BAD_VALUES = [
    pytest.param(
        "data/model/deadend.yaml",
        "default: 39",
        "default: 139",
        0,
        "the default 139 is outside the range 0 to 100",
        id="default-outside-range",
    ),
    pytest.param(
        "data/model/deadend.yaml",
        "    default: 100\n    illustrative: false",
        "    default: 102\n    illustrative: false",
        0,
        "the default 102 is not on a step of 5 from 10; a slider could never show it",
        id="default-off-its-step",
    ),
    pytest.param(
        "data/model/deadend.yaml",
        "incident_chance: 63",
        "incident_chance: 163",
        0,
        "163 is outside the range of “incident_chance” (0 to 100)",
        id="preset-value-outside-range",
    ),
    pytest.param(
        "data/model/deadend.yaml",
        "      incident_chance: 63\n",
        "",
        -4,  # the preset's "values:" line
        "the preset “author-reading” does not set “incident_chance”",
        id="preset-missing-a-parameter",
    ),
    pytest.param(
        "data/model/iran.yaml",
        "paragraph: p13",
        "paragraph: p31",
        0,
        "there is no paragraph “p31”: the article has p1 to p17",
        id="precedent-pointing-at-a-missing-paragraph",
    ),
]


@pytest.mark.parametrize(("rel", "old", "new", "offset", "message"), BAD_VALUES)
def test_a_bad_model_value_is_named_at_its_line(scratch_book, rel, old, new, offset, message):
    line = break_line(scratch_book, rel, old, new)
    assert problems(scratch_book) == [f"{rel}:{line + offset}: {message}"]


def test_parameter_without_source(book_copy):
    path = book_copy / "data" / "model" / "iran.yaml"
    line = line_of(path, "cite: [mees2016bushehr")
    text = path.read_text()
    start = text.index("cite: [mees2016bushehr")
    end = text.index("]", start) + 1
    path.write_text(text[:start] + "cite: []" + text[end:])
    assert problems(book_copy) == [
        f"data/model/iran.yaml:{line}: every parameter needs “cite” with at least one source; where no honest source "
        "gives the number, keep “illustrative: true” and cite what the assumption stands for (often the article itself)"
    ]


def test_unknown_parameter(book_copy):
    path = book_copy / "data" / "model" / "iran.yaml"
    line = line_of(path, "- id: distrust_cost")
    edit(path, "- id: distrust_cost", "- id: distrust_costs")
    found = problems(book_copy)
    assert (
        f"data/model/iran.yaml:{line}: the model has no parameter “distrust_costs” (did you mean “distrust_cost”?)"
        in found
    )
    assert any("the parameter “distrust_cost” is missing" in p for p in found)
