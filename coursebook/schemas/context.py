"""The source context: glossary, people, organisations, places, events, claims, notes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Cites, Date, Id, ParagraphId, Record, Text


class GlossaryEntry(Record):
    id: Id
    term: Text
    matches: list[Text] = []
    definition: Text
    cite: Cites
    see: list[Id] = []
    caveat: Text | None = None


class NamedEntry(Record):
    """What people, organisations and places share."""

    id: Id
    name: Text
    matches: list[Text] = []
    summary: Text
    cite: Cites
    aka: list[Text] = []
    caveat: Text | None = None


class Person(NamedEntry):
    role: Text


class Organisation(NamedEntry):
    kind: Literal["state", "armed-group", "institution", "alliance", "media"]
    role: Text


class Place(NamedEntry):
    kind: Text
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    label: Text | None = None  # a short name for the map, where ``name`` is long


EventKind = Literal["diplomacy", "military", "sanctions", "incident", "politics"]


class Event(Record):
    id: Id
    date: Date
    title: Text
    kind: EventKind
    actors: list[Id] = Field(min_length=1)
    place: Id
    paragraphs: list[ParagraphId] = Field(min_length=1)
    summary: Text
    cite: Cites
    caveat: Text | None = None
    #: How the event is known, where that is weaker than an on-the-record report: ``disputed``
    #: (a party denies it, or reliable reports contradict each other) or ``anonymous`` (it rests
    #: on unnamed sources). The ``caveat`` must then say what is disputed or who is unnamed.
    sourcing: Literal["disputed", "anonymous"] | None = None


Verdict = Literal["borne out", "partly borne out", "not borne out", "not checkable"]
VERDICTS = ("borne out", "partly borne out", "not borne out", "not checkable")


class Claim(Record):
    id: Id
    paragraph: ParagraphId
    quote: Text
    type: Literal["fact", "opinion", "prediction"]
    claim: Text
    outcome: Text
    verdict: Verdict
    cite: Cites
    caveat: Text | None = None
    #: For a prediction: why it has fewer than two events for, or two against, in evidence.yaml.
    evidence_note: Text | None = None

    @property
    def looks_forward(self) -> bool:
        """A prediction (or expectation) about what would happen after June 2017."""
        return self.type == "prediction"


class Evidence(Record):
    """One link in ``data/evidence.yaml``: how an event bears on a claim."""

    claim: Id
    event: Id
    bears: Literal["for", "against"]
    how: Text


class NoteLayer(Record):
    """A layer of notes (``data/layers.yaml``): readers switch each one on and off."""

    id: Id
    label: Text
    description: Text | None = None


class Period(Record):
    """A span of time (``data/periods.yaml``, the timeline's filter; ``data/eras.yaml``,
    the bands on its axis). ``start`` and ``end`` are ISO date prefixes, both inclusive."""

    id: Id
    label: Text
    start: Date
    end: Date


class MapSpec(Record):
    """A map on the places page (``data/maps.yaml``): the places inside its box that no
    earlier map shows, plus those named in ``also``."""

    id: Id
    title: Text
    caption: Text
    west: float = Field(ge=-180, le=180)
    south: float = Field(ge=-90, le=90)
    east: float = Field(ge=-180, le=180)
    north: float = Field(ge=-90, le=90)
    focus: list[Text] = []  # countries drawn highlighted (Natural Earth's short names)
    also: list[Id] = []  # places shown even though an earlier map shows them

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.west, self.south, self.east, self.north)


class Annotation(Record):
    id: Id
    paragraph: ParagraphId
    quote: Text
    layer: Id  # an id from data/layers.yaml
    kind: Literal["fact", "opinion", "prediction", "framing"]
    note: Text
    cite: Cites
    terms: list[Id] = []
    status: Literal["accurate", "imprecise", "wrong", "omits", "unverified"] | None = None
    #: The claim in claims.yaml that a note judges: the note then shows that claim's verdict.
    claim: Id | None = None
