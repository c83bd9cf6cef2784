"""The "dead end" model: Russia's cumulative cost of staying in Syria against the value
of what it could still trade with the West, month by month from January 2017.

For month t = 1 … horizon (month 1 is January 2017):

* military cost      = monthly_cost × (1 + deployment_growth/100)^(t−1)
* hostage cost       = incident_chance/100 × incident_cost   (expected cost of incidents
                       provoked by Damascus or Tehran that Moscow must answer)
* cumulative cost    = running sum of both                    (million US dollars)
* assets             = min(100, max(0, assets_start + advance_rate × (t−1)))   (%)
* interest           = (1 − interest_decay/100)^(t−1)         (the West's, 1 at the start)
* tradeable gain     = link_chance/100 × normalisation_value × 1000 × assets/100 × interest
* net                = tradeable gain − cumulative cost

The best month to leave is the one with the highest net. The *dead end* is the last
month with a net of zero or more, after which the net stays below zero to the end of
the horizon: from then on, the costs of staying outstrip any gain Russia could trade.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .display import billions

PARAMETERS = (
    "horizon",
    "monthly_cost",
    "deployment_growth",
    "incident_chance",
    "incident_cost",
    "normalisation_value",
    "link_chance",
    "assets_start",
    "advance_rate",
    "interest_decay",
)
START_YEAR, START_MONTH = 2017, 1
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(t: int) -> str:
    """'February 2018' for month 14."""
    index = START_MONTH - 1 + t - 1
    return f"{MONTH_NAMES[index % 12]} {START_YEAR + index // 12}"


def _check(params: Mapping[str, float]) -> dict[str, float]:
    missing = [name for name in PARAMETERS if name not in params]
    if missing:
        raise KeyError(f"missing parameter(s): {', '.join(missing)}")
    values = {name: float(params[name]) for name in PARAMETERS}
    if values["horizon"] < 1 or not values["horizon"].is_integer():
        raise ValueError("horizon must be a whole number of months, 1 or more")
    return values


def run(params: Mapping[str, float]) -> pd.DataFrame:
    """The model month by month: one row per month, costs and gains in million US dollars."""
    p = _check(params)
    t = np.arange(1, int(p["horizon"]) + 1)
    elapsed = t - 1
    military = p["monthly_cost"] * (1 + p["deployment_growth"] / 100) ** elapsed
    hostage = np.full(t.shape, p["incident_chance"] / 100 * p["incident_cost"])
    cost = military + hostage
    assets = np.clip(p["assets_start"] + p["advance_rate"] * elapsed, 0, 100)
    interest = (1 - p["interest_decay"] / 100) ** elapsed
    gain = p["link_chance"] / 100 * p["normalisation_value"] * 1000 * assets / 100 * interest
    frame = pd.DataFrame(
        {
            "month": t,
            "date": [month_name(m) for m in t],
            "military_cost": military,
            "hostage_cost": hostage,
            "cost": cost,
            "cumulative_cost": np.cumsum(cost),
            "assets": assets,
            "interest": interest,
            "tradeable_gain": gain,
        }
    )
    frame["net"] = frame["tradeable_gain"] - frame["cumulative_cost"]
    return frame.set_index("month")


def dead_end(frame: pd.DataFrame) -> int | None:
    """The last month with net ≥ 0 after which it stays negative; 0 if it is never ≥ 0;
    None if the net is still ≥ 0 in the last month shown."""
    net = frame["net"].to_numpy()
    if net[-1] >= 0:
        return None
    non_negative = np.flatnonzero(net >= 0)
    return int(frame.index[non_negative[-1]]) if non_negative.size else 0


def summary(params: Mapping[str, float]) -> dict:
    frame = run(params)
    best = int(frame["net"].idxmax())
    end = dead_end(frame)
    last = frame.iloc[-1]
    return {
        "best_exit": best,
        "best_exit_net": float(frame.loc[best, "net"]),
        "dead_end": end,
        "horizon": int(frame.index[-1]),
        "final_cumulative_cost": float(last["cumulative_cost"]),
        "final_gain": float(last["tradeable_gain"]),
        "final_net": float(last["net"]),
        "sentence": sentence(end, int(frame.index[-1])),
        "best_sentence": best_sentence(best, float(frame.loc[best, "net"])),
        "totals_sentence": totals_sentence(
            int(frame.index[-1]), float(last["cumulative_cost"]), float(last["tradeable_gain"]), float(last["net"])
        ),
    }


def sentence(end: int | None, horizon: int) -> str:
    """The result read aloud, as the page shows it."""
    if end is None:
        return f"With these settings, staying still pays in month {horizon} ({month_name(horizon)}): no dead end yet."
    if end == 0:
        return (
            "With these settings, staying never pays: the costs outstrip what Russia could trade from January 2017 on."
        )
    return f"With these settings, staying stops paying after month {end} ({month_name(end)})."


def best_sentence(best: int, net: float) -> str:
    where = f"month {best} ({month_name(best)})"
    if net >= 0:
        return f"The best month to leave is {where}, when Russia could still come out {billions(net / 1000)} ahead."
    return f"Even the best month to leave, {where}, leaves Russia {billions(-net / 1000)} behind."


def totals_sentence(horizon: int, cost: float, gain: float, net: float) -> str:
    return (
        f"By month {horizon} ({month_name(horizon)}): cumulative cost {billions(cost / 1000)}, "
        f"trade value {billions(gain / 1000)}, net {billions(net / 1000)}."
    )
