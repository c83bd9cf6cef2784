"""Rules about ``data/events.yaml``: actors, places and paragraphs exist; marked sourcing is explained."""

from __future__ import annotations

from ..errors import Problems
from . import rule
from .common import close, paragraph_exists


@rule(needs=("people", "organisations"))
def event_actors_exist(book, report: Problems) -> None:
    actors = {**book.people, **book.organisations}
    for event in book.events.values():
        for actor in event.actors:
            if actor not in actors:
                report.at(event, "actors", f"the actor “{actor}” is not in people.yaml or organisations.yaml{close(actor, actors)}")


@rule(needs=("places",))
def event_places_exist(book, report: Problems) -> None:
    for event in book.events.values():
        if event.place not in book.places:
            report.at(event, "place", f"the place “{event.place}” is not in places.yaml{close(event.place, book.places)}")


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
