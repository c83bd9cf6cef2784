"""Rules about ``data/events.yaml``: actors, places and paragraphs exist; marked sourcing is explained."""

from __future__ import annotations

from ..errors import Problems
from ..timeline import era_of
from . import rule
from .common import close, paragraph_exists


@rule(needs=("people", "organisations"))
def event_actors_exist(book, report: Problems) -> None:
    actors = {**book.people, **book.organisations}
    for event in book.events.values():
        for actor in event.actors:
            if actor not in actors:
                report.at(
                    event,
                    "actors",
                    f"the actor “{actor}” is not in people.yaml or organisations.yaml{close(actor, actors)}",
                )


@rule(needs=("places",))
def event_places_exist(book, report: Problems) -> None:
    for event in book.events.values():
        if event.place not in book.places:
            report.at(
                event, "place", f"the place “{event.place}” is not in places.yaml{close(event.place, book.places)}"
            )


@rule()
def event_sourcing_explained(book, report: Problems) -> None:
    for event in book.events.values():
        if event.sourcing and not event.caveat:
            report.at(
                event,
                "sourcing",
                f"the event is marked “sourcing: {event.sourcing}” but has no “caveat”; "
                "say there what is disputed or who the unnamed sources are",
            )


@rule()
def event_paragraphs_exist(book, report: Problems) -> None:
    for event in book.events.values():
        for paragraph in event.paragraphs:
            paragraph_exists(book, event, "paragraphs", paragraph, report)


def _in_order(book, name: str, report: Problems) -> None:
    previous = None
    for period in getattr(book, name).values():
        if period.end[: len(period.start)] < period.start[: len(period.end)]:
            report.at(
                period, "end", f"the {name[:-1]} “{period.id}” ends ({period.end}) before it starts ({period.start})"
            )
        if name == "eras" and previous is not None and period.start <= previous.end[: len(period.start)]:
            report.at(
                period,
                "start",
                f"the era “{period.id}” starts before “{previous.id}” ends: eras follow each other without overlapping",
            )
        previous = period


@rule()
def periods_in_order(book, report: Problems) -> None:
    _in_order(book, "periods", report)
    _in_order(book, "eras", report)


@rule(needs=("eras",))
def events_fall_in_an_era(book, report: Problems) -> None:
    """The axis bands cover every event (a book without eras.yaml has no bands)."""
    if not book.eras:
        return
    for event in book.events.values():
        if not era_of(event.date, book.eras.values()):
            report.at(event, "date", f"the date {event.date} falls in none of the eras of data/eras.yaml")
