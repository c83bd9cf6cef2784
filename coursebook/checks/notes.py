"""Rules about ``data/annotations.yaml`` (the notes): anchored to exact, separate quotes.

(The module is not called ``annotations``: that name is taken by ``from __future__``.)
"""

from __future__ import annotations

from ..errors import Problems
from . import rule
from .common import close, paragraph_exists, quote_matches_once
from .entries import ENTITIES


@rule()
def note_quotes_match(book, report: Problems) -> None:
    for note in book.annotations.values():
        if paragraph_exists(book, note, "paragraph", note.paragraph, report):
            quote_matches_once(book, note, report)


@rule(needs=ENTITIES)
def note_terms_exist(book, report: Problems) -> None:
    everything = book.entities()
    for note in book.annotations.values():
        for term in note.terms:
            if term not in everything:
                report.at(
                    note,
                    "terms",
                    f"the term “{term}” is not in the glossary, people, organisations or places{close(term, everything)}",
                )


@rule()
def note_quotes_do_not_overlap(book, report: Problems) -> None:
    """Two notes on the same words could not both be highlighted."""
    spans: dict[str, list[tuple[int, int, object]]] = {}
    for note in book.annotations.values():
        line = book.article.paragraphs.get(note.paragraph)
        if line is None or line.text.count(note.quote) != 1:
            continue  # reported by note_quotes_match
        start = line.text.index(note.quote)
        spans.setdefault(note.paragraph, []).append((start, start + len(note.quote), note))
    for paragraph, ranges in spans.items():
        ranges.sort(key=lambda r: (r[0], r[1]))
        for (_, a_end, a), (b_start, _, b) in zip(ranges, ranges[1:]):
            if b_start < a_end:
                report.at(
                    b,
                    "quote",
                    f"the quote of “{b.id}” overlaps the quote of “{a.id}” in ¶{paragraph[1:]}; notes on the same words cannot both be highlighted",
                )


@rule(needs=("layers",))
def note_layers_exist(book, report: Problems) -> None:
    for note in book.annotations.values():
        if note.layer not in book.layers:
            where = (
                "data/layers.yaml"
                if book.layers
                else "data/layers.yaml (the book has no such file: add it, listing its layers)"
            )
            report.at(note, "layer", f"the layer “{note.layer}” is not in {where}{close(note.layer, book.layers)}")
