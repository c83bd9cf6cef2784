""" "Iran as a bargaining chip?": the expected value to Moscow of selling out Iran for a
deal with Washington, in billion US dollars.

    expected value = deliver_chance/100 × normalisation_value − cancelled_contracts − distrust_cost

The break-even chance is the chance of delivery at which the bet stops losing:
(cancelled_contracts + distrust_cost) / normalisation_value, as a percentage.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .display import billions, fixed

PARAMETERS = ("deliver_chance", "normalisation_value", "cancelled_contracts", "distrust_cost")


def _check(params: Mapping[str, float]) -> dict[str, float]:
    missing = [name for name in PARAMETERS if name not in params]
    if missing:
        raise KeyError(f"missing parameter(s): {', '.join(missing)}")
    return {name: float(params[name]) for name in PARAMETERS}


def run(params: Mapping[str, float]) -> pd.DataFrame:
    """The bet as a table: what Moscow might gain and what it would certainly lose."""
    p = _check(params)
    expected_gain = p["deliver_chance"] / 100 * p["normalisation_value"]
    rows = [
        ("expected gain from a deal", expected_gain),
        ("cancelled contracts", -p["cancelled_contracts"]),
        ("Iran's distrust", -p["distrust_cost"]),
    ]
    frame = pd.DataFrame(rows, columns=["item", "billion_usd"]).set_index("item")
    frame.loc["expected value"] = expected_gain - p["cancelled_contracts"] - p["distrust_cost"]
    return frame


def break_even(params: Mapping[str, float]) -> float | None:
    """The chance of delivery (%) at which the expected value is zero; None if no chance is enough."""
    p = _check(params)
    if p["normalisation_value"] <= 0:
        return None
    needed = (p["cancelled_contracts"] + p["distrust_cost"]) / p["normalisation_value"] * 100
    return needed if needed <= 100 else None


def summary(params: Mapping[str, float]) -> dict:
    p = _check(params)
    expected_gain = p["deliver_chance"] / 100 * p["normalisation_value"]
    value = expected_gain - p["cancelled_contracts"] - p["distrust_cost"]
    needed = break_even(params)
    return {
        "expected_gain": expected_gain,
        "expected_value": value,
        "break_even": needed,
        "sentence": sentence(value),
        "break_even_sentence": break_even_sentence(needed),
    }


def break_even_sentence(needed: float | None) -> str:
    if needed is None:
        return "No chance of delivery is high enough for this bet to pay."
    return f"The bet pays only if the chance that Washington delivers is above {fixed(needed, 1)}%."


def sentence(value: float) -> str:
    verdict = "a losing bet" if value < 0 else ("a winning bet" if value > 0 else "an even bet")
    return f"With these settings, selling out Iran is worth {billions(value)} to Moscow: {verdict}."
