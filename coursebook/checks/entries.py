"""Rules about the glossary, people, organisations and places (the "entities" that
notes, events and the article's text link to)."""

from __future__ import annotations

from ..errors import Problems
from ..sources import unique_ids
from . import rule
from .common import close, quote_hint

ENTITIES = ("glossary", "people", "organisations", "places")


def _article_text(book) -> str:
    # Terms may appear anywhere the article's page does: headline, caption, bio included.
    return "\n".join(line.text for line in book.article.lines)


@rule(needs=ENTITIES)
def entity_ids_unique(book, report: Problems) -> None:
    """The four files share one space of ids: a note's ``terms`` may name any of them."""
    seen: dict = {}
    for name in ENTITIES:
        unique_ids(list(getattr(book, name).values()), report, seen)


@rule()
def matches_occur(book, report: Problems) -> None:
    text = _article_text(book)
    for name in ENTITIES:
        for record in getattr(book, name).values():
            for match in record.matches:
                if match not in text:
                    report.at(record, "matches", f"“{match}” does not occur in the article; {quote_hint(match, text)}")


@rule(needs=("annotations", "glossary"))
def glossary_orphans(book, report: Problems) -> None:
    """A term that the article does not use must be referred to by a note or an entry."""
    text = _article_text(book)
    referenced = {t for a in book.annotations.values() for t in a.terms}
    referenced |= {i for e in book.glossary.values() for i in e.see if i != e.id}
    for ident, entry in book.glossary.items():
        if not any(m in text for m in entry.matches) and ident not in referenced:
            report.at(
                entry,
                None,
                f"the term “{entry.term}” is an orphan: none of its matches occurs in the article and no note or entry refers to it",
            )


@rule(needs=("glossary",))
def glossary_see_exists(book, report: Problems) -> None:
    for entry in book.glossary.values():
        for other in entry.see:
            if other not in book.glossary:
                report.at(
                    entry, "see", f"“see” names “{other}”, which is not in the glossary{close(other, book.glossary)}"
                )
