"""Marking up the author's words without changing them.

A line of the seed becomes a run of docutils nodes: plain text, annotation
highlights (``<mark>``) each followed by a small numbered link to its note and the note
itself (a margin note on wide screens), and links from the glossary, people and places
entries to their pages, marked with the entry's id: the page's script shows a preview on
hover and focus, from one shared file (:mod:`coursebook.sphinxext.previews`).
Concatenating the text of those nodes, less the note numbers and the notes, gives back
the line exactly; ``tests/test_seed_in_build.py`` checks that on the built pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .. import links
from .nodes import tagged_inline

STATUS_LABELS = {
    "accurate": "accurate",
    "imprecise": "imprecise",
    "wrong": "wrong",
    "omits": "leaves something out",
    "unverified": "could not be verified",
}
VERDICT_LABELS = {
    "borne out": "✓ borne out",
    "partly borne out": "◐ partly borne out",
    "not borne out": "✗ not borne out",
    "not checkable": "? not checkable",
}
KIND_LABELS = {"fact": "a statement of fact", "opinion": "opinion", "prediction": "a prediction", "framing": "framing"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "note" or "term"
    ident: str


# Lines in these roles are display type: no links inside them.
UNLINKED_ROLES = {"title", "section-heading", "related-link"}


def linkable(collection: str, record) -> bool:
    """Whether the article links a record's words: every glossary term and person, but
    not states and capitals everyone knows ("Russia", "Moscow"), which would underline
    half of every line; their entries are still on the reference pages."""
    if collection == "organisations":
        return record.kind != "state"
    if collection == "places":
        return record.kind not in {"country", "capital city"}
    return True


def term_index(book) -> list[tuple[str, str]]:
    """(exact words, entity id) for every linkable match, longest first."""
    pairs = []
    for collection in ("glossary", "people", "organisations", "places"):
        for ident, record in getattr(book, collection).items():
            if linkable(collection, record):
                pairs += [(match, ident) for match in record.matches]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))


def _word_edge(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def spans(text: str, notes, terms: list[tuple[str, str]], linked: set[str]) -> list[Span]:
    """Where notes and term links go in ``text``. Notes never overlap (the loader checks);
    a term link may sit inside a note's words but never across its edge. Each entity is
    linked once per page (``linked`` carries that across lines)."""
    chosen = [Span(text.index(n.quote), text.index(n.quote) + len(n.quote), "note", n.id) for n in notes]
    note_spans = list(chosen)
    for match, ident in terms:
        if ident in linked:
            continue
        position = text.find(match)
        while position != -1:
            end = position + len(match)
            straddles = any(
                position < n.end and end > n.start and not (n.start <= position and end <= n.end) for n in note_spans
            )
            clashes = any(position < s.end and end > s.start for s in chosen if s.kind == "term")
            if _word_edge(text, position, end) and not straddles and not clashes:
                chosen.append(Span(position, end, "term", ident))
                linked.add(ident)
                break
            position = text.find(match, position + 1)
    return sorted(chosen, key=lambda s: (s.start, 0 if s.kind == "note" else 1))


def _term_node(book, ident: str, words: str) -> nodes.Node:
    return tagged_inline(
        "",
        words,
        tag="a",
        classes=["cb-term"],
        attrs={"href": book.entity_link(ident), "data-cb-term": ident},
    )


def _text_with_terms(book, text: str, start: int, end: int, term_spans: list[Span]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    position = start
    for span in term_spans:
        if span.start < start or span.end > end:
            continue
        if span.start > position:
            out.append(nodes.Text(text[position : span.start]))
        out.append(_term_node(book, span.ident, text[span.start : span.end]))
        position = span.end
    if position < end:
        out.append(nodes.Text(text[position:end]))
    return out


def line_nodes(
    book, text: str, notes, numbers: dict[str, int], terms, linked: set[str], listed: bool = True
) -> list[nodes.Node]:
    """The nodes for one line: its exact text, with highlights, note links and term links.
    A note's number links to the list of notes after the passage, or, where the page has
    no such list (``listed=False``, the whole article), to the list in the note's chapter."""
    placed = spans(text, notes, terms, linked)
    term_spans = [s for s in placed if s.kind == "term"]
    note_spans = [s for s in placed if s.kind == "note"]
    out: list[nodes.Node] = []
    position = 0
    for span in note_spans:
        out += _text_with_terms(book, text, position, span.start, term_spans)
        note = book.annotations[span.ident]
        mark = tagged_inline(
            "", tag="mark", classes=["cb-anno", f"cb-layer-{note.layer}"], attrs={"data-cb-note": f"note-{note.id}"}
        )
        mark += _text_with_terms(book, text, span.start, span.end, term_spans)
        out.append(mark)
        number = numbers[note.id]
        ref = tagged_inline(
            "",
            str(number),
            tag="a",
            classes=["cb-anno-ref", f"cb-layer-{note.layer}"],
            attrs={
                "href": f"#note-{note.id}"
                if listed
                else links.to_page(book.article.chapter_of(note.paragraph), f"note-{note.id}"),
                "data-cb-note": f"note-{note.id}",
                "aria-label": f"Note {number}, {book.layer_label(note.layer).lower()}",
                "aria-expanded": "false",
            },
        )
        out.append(tagged_inline("", "", ref, tag="sup", classes=["cb-anno-sup"], attrs={"data-cb-layer": note.layer}))
        out.append(side_note(book, note, number))
        position = span.end
    out += _text_with_terms(book, text, position, len(text), term_spans)
    return out


def side_note(book, note, number: int) -> nodes.Node:
    """The note beside the words it annotates: on wide screens it sits in the margin
    (a float, as in Tufte's sidenotes) and never covers the article; on narrow screens it
    is hidden, and the page's script shows it in a sheet at the bottom of the screen.
    Inline elements only, since it sits inside the paragraph, right after its number."""
    side = tagged_inline(
        "",
        tag="span",
        classes=["cb-side", f"cb-layer-{note.layer}"],
        ids=[f"side-note-{note.id}"],
        attrs={"data-cb-layer": note.layer},
    )
    head = tagged_inline("", tag="span", classes=["cb-side-head"])
    head += tagged_inline("", str(number), tag="span", classes=["cb-side-num"], attrs={"aria-hidden": "true"})
    label = book.layer_label(note.layer) + (f" · {STATUS_LABELS[note.status]}" if note.status else "")
    head += nodes.Text(f" {label}")
    side += head
    side += tagged_inline("", note.note, tag="span", classes=["cb-side-text"])
    if note.claim:
        side += tagged_inline(
            "",
            "",
            *verdict_nodes(book, note.claim, "Verdict in the claims table: "),
            tag="span",
            classes=["cb-side-verdict"],
        )
    sources = tagged_inline("", tag="span", classes=["cb-side-sources", "cb-sources"])
    _source_links(sources, book, note.cite)
    side += sources
    if note.terms:
        related = tagged_inline("", tag="span", classes=["cb-side-terms"])
        _related_links(related, book, note.terms)
        side += related
    return side


def notes_list(book, notes, numbers: dict[str, int]) -> nodes.Node:
    """The notes on a chapter's passage, after the article block: for readers without
    JavaScript on narrow screens, and for print. On screen it is hidden wherever the
    notes are shown beside the text or in a sheet, so no note shows twice."""
    box = nodes.container(classes=["cb-notes"])
    box += nodes.paragraph("", "Notes on this passage", classes=["cb-notes-title"])
    listing = nodes.enumerated_list(classes=["cb-notes-list"])
    for note in notes:
        item = nodes.list_item(ids=[f"note-{note.id}"], classes=["cb-note", f"cb-layer-{note.layer}"])
        head = nodes.paragraph(classes=["cb-note-head"])
        head += nodes.strong(text=book.layer_label(note.layer))
        if note.status:
            head += nodes.Text(f" · {STATUS_LABELS[note.status]}")
        head += nodes.Text(f" · ¶{note.paragraph[1:]}: “{note.quote}” is {KIND_LABELS[note.kind]}.")
        item += head
        item += nodes.paragraph(text=note.note, classes=["cb-note-text"])
        if note.claim:
            item += nodes.paragraph(
                "", "", *verdict_nodes(book, note.claim, "Verdict in the claims table: "), classes=["cb-note-verdict"]
            )
        item += sources_paragraph(book, note.cite)
        if note.terms:
            related = nodes.paragraph(classes=["cb-note-terms"])
            _related_links(related, book, note.terms)
            item += related
        listing += item
    box += listing
    return box


def _related_links(box, book, idents) -> None:
    box += nodes.Text("See also: ")
    for n, ident in enumerate(idents):
        if n:
            box += nodes.Text(", ")
        box += nodes.reference("", book.entity_label(ident), refuri=book.entity_link(ident))


def _source_links(box, book, keys) -> None:
    box += nodes.Text("Sources: " if len(keys) > 1 else "Source: ")
    for n, key in enumerate(keys):
        ref = book.references[key]
        if n:
            box += nodes.Text("; ")
        who = ref.author or ref.title
        label = f"{who} ({ref.year}), {ref.title}" if ref.author else f"{who} ({ref.year})"
        # The text's own entry may have no url (printed only on paper): then it is no link.
        box += nodes.reference("", label, refuri=ref.url) if ref.url else nodes.Text(label)


def sources_paragraph(book, keys) -> nodes.paragraph:
    para = nodes.paragraph(classes=["cb-sources"])
    _source_links(para, book, keys)
    return para


def claims_page(book) -> str:
    """The page that shows the claims table (the one whose chapter calls ``{claims}``)."""
    for chapter in book.chapters.values():
        if any(call.kind == "directive" and call.name == "claims" for call in chapter.calls):
            return chapter.id
    return "what-happened-next"


def verdict_nodes(book, claim_id: str, prefix: str = "") -> list[nodes.Node]:
    """A claim's verdict from claims.yaml, linked to its row of the claims table: the one
    place a verdict is written, so a note or the essay can never disagree with the table."""
    claim = book.claims[claim_id]
    link = nodes.reference(
        "",
        VERDICT_LABELS[claim.verdict],
        refuri=links.to_page(claims_page(book), f"claim-{claim_id}"),
        classes=["cb-verdict", "cb-verdict-" + claim.verdict.replace(" ", "-")],
    )
    return [nodes.Text(prefix), link] if prefix else [link]
