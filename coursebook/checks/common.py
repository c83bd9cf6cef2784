"""Helpers the rules share: suggestions, and the checks of a paragraph, chapter or quote."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..errors import Problems


def close(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean “x”?)`` when a choice is close to ``word``, else nothing."""
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean “{match[0]}”?)" if match else ""


def paragraph_exists(book, record, key: str, paragraph: str, report: Problems) -> bool:
    if paragraph in book.article.paragraphs:
        return True
    last = len(book.article.paragraphs)
    report.at(record, key, f"there is no paragraph “{paragraph}”: the article has p1 to p{last}")
    return False


def chapter_exists(book, record, key: str, chapter: str, report: Problems) -> bool:
    if chapter in book.chapters:
        return True
    report.at(
        record, key, f"there is no chapter “{chapter}” (no file chapters/{chapter}.md){close(chapter, book.chapters)}"
    )
    return False


def quote_hint(quote: str, text: str) -> str:
    """Why an exact quote may fail to match: typographic marks and no-break spaces."""

    def plain(s: str) -> str:
        return s.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')

    if plain(quote) in plain(text):
        return "it does once spaces and quotation marks are ignored: copy the words from the article, which uses ’ “ ” and no-break spaces"
    return "copy the words exactly as the article has them"


def quote_matches_once(book, record, report: Problems) -> bool:
    """A claim's or note's quote occurs exactly once in its paragraph."""
    text = book.article.paragraphs[record.paragraph].text
    label = f"¶{record.paragraph[1:]}"
    count = text.count(record.quote)
    if count == 0:
        report.at(
            record, "quote", f"the quote “{record.quote}” does not occur in {label}; {quote_hint(record.quote, text)}"
        )
    elif count > 1:
        report.at(
            record,
            "quote",
            f"the quote “{record.quote}” occurs {count} times in {label}; lengthen it so that it matches exactly once",
        )
    return count == 1
