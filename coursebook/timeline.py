"""The timeline: the filtering rule the explorer applies, and its dates.

The periods a reader can filter by (``data/periods.yaml``) and the eras on the axis
(``data/eras.yaml``) are the book's data; this module only applies them.

``js/lib/timeline.js`` implements the same rule for the static page; a browser test
checks that the page shows exactly the events :func:`filter_events` keeps.
"""

from __future__ import annotations

import datetime


def era_of(date: str, eras) -> str:
    """The id of the era (axis band, from ``data/eras.yaml``) a date falls in; "" if none."""
    return next((era.id for era in eras if in_period(date, era)), "")


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


def in_period(date: str, period) -> bool:
    return date >= period.start and date[: len(period.end)] <= period.end


def filter_events(events, actor: str = "", period: str = "", kinds=(), periods=()):
    """The events a filter keeps, in date order (the explorer's reference rule);
    ``period`` is the id of one of ``periods``."""
    chosen = next((p for p in periods if p.id == period), None) if period else None
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
