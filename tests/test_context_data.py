"""Source context: the counts the book promises, and every cross-reference resolving.

The loader (coursebook.book) refuses a book whose references do not resolve; these
tests pin the promises (how many notes, terms, people, events) and check each kind
of bad input is reported at its file and line in plain words.
"""

from __future__ import annotations

import collections

import pytest
from conftest import break_line, edit, line_of, problems

from coursebook import Book

# --- what the book promises ------------------------------------------------------------------


def test_annotations_cover_every_paragraph_in_every_layer(book):
    assert len(book.annotations) >= 40
    per_paragraph = collections.Counter(a.paragraph for a in book.annotations.values())
    assert set(per_paragraph) == set(book.article.paragraphs)
    assert {a.layer for a in book.annotations.values()} == set(book.layers)
    for note in book.annotations.values():
        assert note.cite, note.id
        text = book.article.paragraphs[note.paragraph].text
        assert text.count(note.quote) == 1, note.id


def test_fact_checks_say_what_they_found(book):
    checks = [a for a in book.annotations.values() if a.layer == "fact-check"]
    assert len(checks) >= 8
    assert all(a.status for a in checks)
    assert {"imprecise", "unverified"} <= {a.status for a in checks}


def test_glossary_people_places_counts(book):
    assert len(book.glossary) >= 25
    assert len(book.people) >= 15
    assert len(book.organisations) >= 8
    assert len(book.places) >= 10


def test_timeline_spans_1994_to_today_and_every_event_is_complete(book):
    events = list(book.events.values())
    assert len(events) >= 40
    dates = sorted(e.date for e in events)
    assert dates[0] < "1995" and dates[-1] >= "2025"
    for event in events:
        assert event.actors and event.place and event.paragraphs and event.cite and event.summary, event.id
    explained = {p for e in events for p in e.paragraphs}
    assert len(explained) >= 14  # nearly every paragraph has events behind it


def sourced(book, event) -> bool:
    """An event counts as sourced when it cites at least one reference with a web address."""
    return any(book.references[key].url.startswith("http") for key in event.cite)


def test_every_year_2017_to_2025_has_at_least_four_sourced_events(book):
    per_year = collections.Counter(e.date[:4] for e in book.events.values() if sourced(book, e))
    thin = {year: per_year[str(year)] for year in range(2017, 2026) if per_year[str(year)] < 4}
    assert thin == {}, f"years with fewer than four sourced events: {thin}"


def test_events_marked_disputed_or_anonymous_say_why(book):
    marked = [e for e in book.events.values() if e.sourcing]
    assert {e.sourcing for e in marked} == {"disputed", "anonymous"}
    assert all(e.caveat for e in marked)


def test_an_event_marked_anonymous_without_a_caveat(scratch_book):
    path = scratch_book / "data" / "events.yaml"
    edit(
        path,
        "  sourcing: disputed\n  caveat: The transfer rests on US and European statements that Iran denies. Blinken spoke in London; the map point is Washington, whose claim it is.\n",
        "  sourcing: disputed\n",
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("- id: iran-missiles-to-russia-2024")
    line = next(n for n in range(start, len(lines)) if "sourcing: disputed" in lines[n]) + 1
    assert problems(scratch_book) == [
        f"data/events.yaml:{line}: the event is marked “sourcing: disputed” but has no “caveat”; "
        "say there what is disputed or who the unnamed sources are"
    ]


def test_an_event_with_an_unknown_sourcing_mark(scratch_book):
    path = scratch_book / "data" / "events.yaml"
    edit(path, "  sourcing: anonymous\n  caveat: Both reports", "  sourcing: rumour\n  caveat: Both reports")
    line = line_of(path, "sourcing: rumour")
    found = problems(scratch_book)
    assert len(found) == 1 and found[0].startswith(f"data/events.yaml:{line}:"), found
    assert "disputed" in found[0] and "anonymous" in found[0]


def test_reference_titles_lose_their_bibtex_braces(book):
    title = book.references["medialine2021assad"].title
    assert title == "Assad Wins 4th Term With 95% of Votes Cast"
    assert not any("{" in r.title or "}" in r.title for r in book.references.values())


def test_every_reference_is_cited_somewhere_and_has_a_url(book, root):
    used = set()
    for collection in ("glossary", "people", "organisations", "places", "events", "claims", "annotations"):
        for record in getattr(book, collection).values():
            used.update(record.cite)
    for q in book.questions():
        used.update(q.cite)
    for spec in book.models.values():
        for item in (*spec.parameters, *spec.presets, *spec.precedents):
            used.update(item.cite)
    prose = "\n".join(p.read_text(encoding="utf-8") for p in (root / "chapters").glob("*.md"))
    unused = [key for key in book.references if key not in used and key not in prose]
    assert unused == []
    assert all(ref.url.startswith("http") for ref in book.references.values())


def test_claims_cover_the_article(book):
    assert len(book.claims) >= 14
    assert {c.type for c in book.claims.values()} == {"fact", "opinion", "prediction"}
    covered = {c.paragraph for c in book.claims.values()}
    assert len(covered) >= 15


def test_every_glossary_term_is_used(book):
    text = "\n".join(line.text for line in book.article.lines)
    referenced = {t for a in book.annotations.values() for t in a.terms} | {
        s for g in book.glossary.values() for s in g.see
    }
    for entry in book.glossary.values():
        assert any(m in text for m in entry.matches) or entry.id in referenced, entry.id


# --- bad input, each at its line -------------------------------------------------------------


def test_a_quote_that_matches_nothing(book_copy):
    path = book_copy / "data" / "annotations.yaml"
    first = next(a for a in Book.load(book_copy).annotations.values())
    line = line_of(path, f"quote: {first.quote}") if f"quote: {first.quote}" in path.read_text() else None
    text = path.read_text()
    needle = first.quote
    index = text.index(needle, text.index(f"id: {first.id}"))
    path.write_text(text[:index] + needle + " (changed)" + text[index + len(needle) :])
    found = problems(book_copy)
    assert len(found) == 1
    assert found[0].startswith("data/annotations.yaml:")
    assert f"the quote “{needle} (changed)” does not occur in ¶{first.paragraph[1:]}" in found[0]
    if line:
        assert found[0].startswith(f"data/annotations.yaml:{line}:")


def test_a_quote_that_matches_twice(book_copy):
    path = book_copy / "data" / "annotations.yaml"
    first = next(a for a in Book.load(book_copy).annotations.values() if a.paragraph == "p4")
    text = path.read_text()
    start = text.index(f"id: {first.id}")
    index = text.index(first.quote, start)
    quote_line = text.count("\n", 0, index) + 1
    path.write_text(text[:index] + "the" + text[index + len(first.quote) :])
    count = (
        (book_copy / "seeds")
        .joinpath("issaev-2017-russia-is-at-a-dead-end-in-syria.txt")
        .read_text()
        .split("\n")[15]
        .count("the")
    )
    found = problems(book_copy)
    assert count > 1
    assert found == [
        f"data/annotations.yaml:{quote_line}: the quote “the” occurs {count} times in ¶4; lengthen it so that it matches exactly once"
    ]


def test_typographic_quotes_get_a_hint(book_copy):
    path = book_copy / "data" / "annotations.yaml"
    book = Book.load(book_copy)
    note = next(a for a in book.annotations.values() if "’" in a.quote)
    text = path.read_text()
    index = text.index(note.quote, text.index(f"id: {note.id}"))
    path.write_text(text[:index] + note.quote.replace("’", "'") + text[index + len(note.quote) :])
    found = problems(book_copy)
    assert len(found) == 1
    assert found[0].endswith("copy the words from the article, which uses ’ “ ” and no-break spaces")


def test_overlapping_quotes(book_copy):
    path = book_copy / "data" / "annotations.yaml"
    book = Book.load(book_copy)
    a = next(a for a in book.annotations.values() if a.paragraph == "p13")
    addition = (
        "\n- id: overlapping-note\n  paragraph: p13\n"
        f'  quote: "{a.quote[:-2]}"\n'
        "  layer: context\n  kind: fact\n  note: A note on the same words.\n  cite: [issaev2017deadend]\n"
    )
    text = path.read_text().rstrip("\n") + "\n" + addition
    path.write_text(text)
    found = problems(book_copy)
    assert len(found) == 1
    assert (
        "the quote of “" in found[0]
        and "overlaps the quote of “" in found[0]
        and "cannot both be highlighted" in found[0]
    )


# Each row adds an unknown name to the first list of its kind in a file and names the one
# problem reported at that line: (file, the list's start, what it becomes, the message
# after ``file:line: ``).
UNKNOWN_NAMES = [
    pytest.param(
        "data/annotations.yaml",
        "terms: [",
        "terms: [no-such-term, ",
        "the term “no-such-term” is not in the glossary, people, organisations or places",
        id="an-unknown-term-in-a-note",
    ),
    pytest.param(
        "data/events.yaml",
        "actors: [",
        "actors: [kremlin, ",
        "the actor “kremlin” is not in people.yaml or organisations.yaml",
        id="an-event-with-an-unknown-actor-or-place",
    ),
    pytest.param(
        "data/events.yaml",
        "paragraphs: [p",
        "paragraphs: [p40, p",
        "there is no paragraph “p40”: the article has p1 to p17",
        id="an-event-that-explains-a-missing-paragraph",
    ),
    pytest.param(
        "data/glossary.yaml",
        "matches: [",
        "matches: [Kremlinology, ",
        "“Kremlinology” does not occur in the article; copy the words exactly as the article has them",
        id="a-match-that-is-not-in-the-article",
    ),
]


@pytest.mark.parametrize(("rel", "old", "new", "message"), UNKNOWN_NAMES)
def test_an_unknown_name_in_a_list(scratch_book, rel, old, new, message):
    line = break_line(scratch_book, rel, old, new)
    assert problems(scratch_book) == [f"{rel}:{line}: {message}"]


def test_an_orphan_glossary_entry(book_copy):
    path = book_copy / "data" / "glossary.yaml"
    text = path.read_text().rstrip("\n")
    start = text.count("\n") + 2
    path.write_text(
        text
        + "\n- id: unused-term\n  term: Unused term\n  matches: []\n  definition: Nothing refers to this.\n  cite: [issaev2017deadend]\n"
    )
    assert problems(book_copy) == [
        f"data/glossary.yaml:{start}: the term “Unused term” is an orphan: none of its matches occurs in the article and no note or entry refers to it"
    ]


def test_an_id_shared_between_glossary_and_places(book_copy):
    book = Book.load(book_copy)
    place = next(iter(book.places))
    path = book_copy / "data" / "glossary.yaml"
    text = path.read_text().rstrip("\n")
    start = text.count("\n") + 2
    path.write_text(
        text
        + f"\n- id: {place}\n  term: Same id\n  matches: []\n  definition: Clashes.\n  cite: [issaev2017deadend]\n  see: [{next(iter(book.glossary))}]\n"
    )
    found = problems(book_copy)
    assert any(
        p.startswith("data/places.yaml:")
        and f"the id “{place}” is used twice (also at data/glossary.yaml:{start})" in p
        for p in found
    )
