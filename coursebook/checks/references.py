"""Rules about ``data/references.bib``: every cited key exists."""

from __future__ import annotations

from ..errors import Problems
from . import rule
from .common import close


def cited(book):
    """(record, keys) for every record in data/ that cites sources."""
    for name in ("objectives", "glossary", "people", "organisations", "places", "events", "claims", "annotations"):
        for record in getattr(book, name).values():
            yield record, getattr(record, "cite", [])
    for question in book.questions():
        yield question, question.cite
    for spec in book.models.values():
        for item in (*spec.parameters, *spec.presets, *spec.precedents):
            yield item, item.cite


@rule(needs=("references",))
def cites_exist(book, report: Problems) -> None:
    for record, keys in cited(book):
        for key in keys:
            if key not in book.references:
                report.at(record, "cite", f"the reference “{key}” is not in data/references.bib{close(key, book.references)}")


@rule(needs=("references",))
def article_reference_exists(book, report: Problems) -> None:
    info = book.article.info
    if info.cite not in book.references:
        report.at(info, "cite", f"the article’s reference “{info.cite}” is not in references.bib")
