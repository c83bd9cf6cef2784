"""The timeline: periods, and the filtering rule the explorer applies.

``js/lib/timeline.js`` implements the same rule for the static page; a browser test
checks that the page shows exactly the events :func:`filter_events` keeps.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    id: str
    label: str
    start: str  # ISO date prefix, inclusive
    end: str  # ISO date prefix, inclusive


PERIODS = (
    Period("1994-2000", "1994–2000: the Gore–Chernomyrdin years", "1994", "2000"),
    Period("2001-2014", "2001–2014: from new arms deals to Crimea", "2001", "2014"),
    Period("2015-2017", "September 2015–June 2017: the war the article describes", "2015", "2017-06-25"),
    Period("after-2017", "After the article: July 2017–2024", "2017-06-26", "2024"),
    Period("2025-today", "2025 to today", "2025", "9999"),
)

# The bands on the timeline's axis: the war as the article's reader lived it.
ERAS = (
    Period("before", "Before the intervention", "0000", "2015-09-29"),
    Period("intervention", "The intervention, 2015–2016", "2015-09-30", "2016"),
    Period("article", "2017 and the article", "2017", "2017"),
    Period("after", "Afterwards", "2018", "9999"),
)


def era_of(date: str) -> str:
    """The id of the era (axis band) a date falls in."""
    return next(era.id for era in ERAS if in_period(date, era))


KIND_LABELS = {
    "diplomacy": "Diplomacy",
    "military": "Military",
    "sanctions": "Sanctions",
    "incident": "Incident",
    "politics": "Politics",
}

#: How a reader is told that an event is in doubt (``sourcing`` in events.yaml).
SOURCING_LABELS = {
    "disputed": "Disputed",
    "anonymous": "Unnamed sources",
}


def in_period(date: str, period: Period) -> bool:
    return date >= period.start and date[: len(period.end)] <= period.end


def filter_events(events, actor: str = "", period: str = "", kinds=()):
    """The events a filter keeps, in date order (the explorer's reference rule)."""
    chosen = next((p for p in PERIODS if p.id == period), None) if period else None
    out = []
    for event in sorted(events, key=lambda e: e.date):
        if actor and actor not in event.actors:
            continue
        if kinds and event.kind not in kinds:
            continue
        if chosen and not in_period(event.date, chosen):
            continue
        out.append(event)
    return out


def long_date(iso: str) -> str:
    """'25 June 2017'."""
    return datetime.date.fromisoformat(iso).strftime("%-d %B %Y")


def format_date(iso: str) -> str:
    """'30 June 1995', 'June 1995' or '1995', as precise as the data."""
    parts = iso.split("-")
    if len(parts) == 3:
        return long_date(iso)
    if len(parts) == 2:
        return datetime.date(int(parts[0]), int(parts[1]), 1).strftime("%B %Y")
    return parts[0]
