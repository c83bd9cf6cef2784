"""The timeline explorer widget: every event of ``data/events.yaml``.

>>> t = timeline()
>>> t.filters = {"actor": "iran", "period": "", "kinds": ["diplomacy"]}
>>> [e.id for e in t.visible()]
"""

from __future__ import annotations

from collections import Counter

import traitlets as t

from ..book import Book, current_book
from ..timeline import KIND_LABELS, SOURCING_LABELS, era_of, filter_events, format_date
from .base import BookWidget, module_path
from .sliders import source_state


def event_state(book: Book, event) -> dict:
    return {
        "id": event.id,
        "date": event.date,
        "date_label": format_date(event.date),
        "era": era_of(event.date, book.eras.values()),
        "title": event.title,
        "kind": event.kind,
        "kind_label": KIND_LABELS[event.kind],
        "actors": list(event.actors),
        "actor_labels": [book.entity_label(a) for a in event.actors],
        "place_label": book.entity_label(event.place) if event.place else "",
        "passages": [
            {
                "id": p,
                "href": book.passage_link(p),
                "label": f"¶{p[1:]}",
                "chapter": book.chapters[book.article.chapter_of(p)].title,
            }
            for p in event.paragraphs
        ],
        "summary": event.summary,
        "caveat": event.caveat or "",
        "sourcing_label": SOURCING_LABELS.get(event.sourcing or "", ""),
        "sources": source_state(book, event.cite),
    }


class Timeline(BookWidget):
    kind = "timeline"
    _esm = module_path("timeline")
    _css = module_path("timeline").with_suffix(".css")
    fallback = "The timeline explorer needs JavaScript; every event is also listed with its sources on the people and places pages."

    events = t.List().tag(sync=True)
    actors = t.List().tag(sync=True)
    kinds = t.List().tag(sync=True)
    periods = t.List().tag(sync=True)
    eras = t.List().tag(sync=True)
    filters = t.Dict().tag(sync=True)

    def __init__(self, book: Book | None = None, **kwargs):
        book = book or current_book()
        self._book = book
        records = sorted(book.events.values(), key=lambda e: e.date)
        counts = Counter(a for e in records for a in e.actors)
        actors = [
            {"id": a, "label": book.entity_label(a), "count": n}
            for a, n in sorted(counts.items(), key=lambda item: (-item[1], book.entity_label(item[0])))
        ]
        super().__init__(
            events=[event_state(book, e) for e in records],
            actors=actors,
            kinds=[{"id": k, "label": label} for k, label in KIND_LABELS.items()],
            periods=[{"id": p.id, "label": p.label, "from": p.start, "to": p.end} for p in book.periods.values()],
            eras=[{"id": e.id, "label": e.label} for e in book.eras.values()],
            filters={"actor": "", "period": "", "kinds": []},
            **kwargs,
        )

    @property
    def element_id(self) -> str:
        return "cb-timeline"

    def visible(self):
        """The events the current filters keep (the page shows the same)."""
        f = self.filters
        return filter_events(
            self._book.events.values(),
            f.get("actor", ""),
            f.get("period", ""),
            f.get("kinds", []),
            self._book.periods.values(),
        )


def timeline() -> Timeline:
    return Timeline()
