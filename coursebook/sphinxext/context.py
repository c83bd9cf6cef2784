"""Directives for the source context: reference pages, chapter context and sources.

``{entries} glossary|people|organisations|places``
    Every entry of that file, with an anchor (``#term-…``, ``#person-…``, ``#org-…``,
    ``#place-…``), where it appears in the article, related events and its sources.
``{chapter-context} <chapter>``
    The terms, people, places and events one chapter's passage relies on, as links.
``{chapter-sources} <chapter>``
    Every reference the chapter relies on — its notes, questions, events, models and
    its own citations — rendered by sphinxcontrib-bibtex.
``{claims}``
    The article's claims and what happened next, as a table.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxRole

from .. import inputs, links
from ..timeline import format_date
from . import dependencies, markup
from .directives import _BookDirective, _row, _table
from .nodes import tagged_block

COLLECTIONS = ("glossary", "people", "organisations", "places")
ENGINE_ROOT = Path(__file__).resolve().parents[2]


def _appearances(book, ident: str) -> list[str]:
    """Paragraph ids (or line labels) where the entity's words occur."""
    _, record = book.entity(ident)
    found = []
    for line in book.article.lines:
        if any(match in line.text for match in record.matches):
            found.append(line.id or line.role)
    return list(dict.fromkeys(found))


def _where_link(book, where: str) -> nodes.Node:
    if where.startswith("p") and where[1:].isdigit():
        return nodes.reference("", f"¶{where[1:]}", refuri=book.passage_link(where))
    line = next(line for line in book.article.lines if line.role == where)
    return nodes.reference("", line.label.lower(), refuri=book.chapters[line.chapter].page)


def _links(book, idents, prefix: str = "") -> nodes.paragraph:
    para = nodes.paragraph()
    if prefix:
        para += nodes.strong(text=prefix)
    for n, ident in enumerate(idents):
        if n:
            para += nodes.Text(", ")
        para += nodes.reference("", book.entity_label(ident), refuri=book.entity_link(ident))
    return para


def _event_links(book, events) -> nodes.bullet_list:
    listing = nodes.bullet_list(classes=["cb-event-links"])
    for event in events:
        para = nodes.paragraph()
        para += nodes.reference("", f"{format_date(event.date)}: {event.title}", refuri=book.event_link(event.id))
        listing += nodes.list_item("", para)
    return listing


class EntriesDirective(_BookDirective):
    PREFIX = {"glossary": "term", "people": "person", "organisations": "org", "places": "place"}

    def run(self) -> list[nodes.Node]:
        book = self.book
        collection = self.choice_arg(COLLECTIONS, "collection")
        # Its own collection in full; other entries only by name ("See also").
        self.reads(collection, inputs.ENTITY_LINKS, "seeds", "annotations", "events", "references")
        records = getattr(book, collection)
        items = sorted(records.values(), key=lambda r: (getattr(r, "term", None) or r.name).lower())
        out = nodes.container(classes=["cb-entries", f"cb-entries-{collection}"])
        for record in items:
            entry = nodes.container(ids=[f"{self.PREFIX[collection]}-{record.id}"], classes=["cb-entry"])
            title = nodes.paragraph(classes=["cb-entry-title"])
            title += nodes.strong(text=getattr(record, "term", None) or record.name)
            if collection != "glossary":
                title += nodes.Text(f" — {record.role if hasattr(record, 'role') else record.kind}")
            entry += title
            body = record.definition if collection == "glossary" else record.summary
            entry += nodes.paragraph(text=body)
            if getattr(record, "caveat", None):
                caveat = nodes.paragraph(classes=["cb-caveat"])
                caveat += nodes.strong(text="Caveat: ")
                caveat += nodes.Text(record.caveat)
                entry += caveat
            where = _appearances(book, record.id)
            if where:
                para = nodes.paragraph(classes=["cb-entry-where"])
                para += nodes.Text("In the article: ")
                for n, w in enumerate(where):
                    if n:
                        para += nodes.Text(", ")
                    para += _where_link(book, w)
                entry += para
            notes = [a for a in book.annotations.values() if record.id in a.terms]
            if notes:
                para = nodes.paragraph(classes=["cb-entry-notes"])
                para += nodes.Text("Notes that discuss it: ")
                for n, note in enumerate(notes):
                    if n:
                        para += nodes.Text(", ")
                    para += nodes.reference(
                        "",
                        f"¶{note.paragraph[1:]} ({book.layer_label(note.layer).lower()})",
                        refuri=links.to_page(book.article.chapter_of(note.paragraph), f"note-{note.id}"),
                    )
                entry += para
            see = getattr(record, "see", [])
            if see:
                entry += _links(book, see, "See also: ")
            events = sorted(
                (e for e in book.events.values() if record.id in e.actors or e.place == record.id), key=lambda e: e.date
            )
            if events:
                details = nodes.container(classes=["cb-entry-events"])
                details += nodes.paragraph(text=f"In the timeline ({len(events)}):")
                details += _event_links(book, events)
                entry += details
            entry += markup.sources_paragraph(book, record.cite)
            out += entry
        return [out]


class ChapterContextDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        book = self.book
        chapter = self.choice_arg([c.id for c in book.article.chapters])
        self.reads("seeds", inputs.ENTITY_LINKS, "annotations", "events")  # entries by name
        text = "\n".join(line.text for line in book.article.chapter_lines(chapter))
        paragraphs = book.chapter_paragraphs(chapter)
        box = nodes.container(classes=["cb-chapter-context"])
        for collection, label in (
            ("glossary", "Terms"),
            ("people", "People"),
            ("organisations", "Organisations and states"),
            ("places", "Places"),
        ):
            idents = [r.id for r in getattr(book, collection).values() if any(m in text for m in r.matches)]
            idents += [
                t
                for a in book.annotations.values()
                if a.paragraph in paragraphs
                for t in a.terms
                if t in getattr(book, collection) and t not in idents
            ]
            if idents:
                box += _links(book, idents, f"{label}: ")
        events = sorted({e.id: e for p in paragraphs for e in book.paragraph_events(p)}.values(), key=lambda e: e.date)
        if events:
            box += collapsed(
                f"Events this passage refers to or relies on ({len(events)})",
                _event_links(book, events),
                "cb-context-events",
            )
        return [box]


def collapsed(summary: str, content: nodes.Node, cls: str) -> nodes.Node:
    """``<details>`` with ``summary`` (which should give a count) around ``content``."""
    details = tagged_block(tag="details", classes=["cb-collapsed", cls])
    details += tagged_block("", nodes.Text(summary), tag="summary")
    details += content
    return details


def chapter_keys(book, chapter: str) -> list[str]:
    """Every reference a chapter's data relies on, in a stable order."""
    keys: list[str] = [book.article.info.cite]
    paragraphs = set(book.chapter_paragraphs(chapter)) if chapter in {c.id for c in book.article.chapters} else set()
    for note in book.annotations.values():
        if note.paragraph in paragraphs:
            keys += note.cite
    for event in book.events.values():
        if paragraphs.intersection(event.paragraphs):
            keys += event.cite
    for question in book.quizzes.get(chapter, []):
        keys += question.cite
    # A page that shows the claims table ({claims}) cites every claim's sources.
    source = book.chapters[chapter].path.read_text(encoding="utf-8")
    shows_claims = re.search(r"^[`:]{3,}\{claims\}", source, re.M) is not None
    for claim in book.claims.values():
        if shows_claims or claim.paragraph in paragraphs:
            keys += claim.cite
    # The models whose notes the chapter shows ({model-notes} <id>) are its sources too.
    for model in re.findall(r"\{model-notes\}\s+([a-z0-9-]+)", source):
        if model not in book.models:
            continue  # the {model-notes} directive itself reports the unknown model
        spec = book.models[model]
        for p in spec.parameters:
            keys += p.cite
        for p in spec.presets:
            keys += p.cite
        for p in spec.precedents:
            keys += p.cite
    return list(dict.fromkeys(keys))


class ChapterSourcesDirective(_BookDirective):
    """A bullet-list bibliography (so the same source can appear in every chapter
    without clashing with the citation targets on the References page)."""

    def run(self) -> list[nodes.Node]:
        book = self.book
        chapter = self.choice_arg(list(book.chapters))
        keys = chapter_keys(book, chapter)
        self.reads(
            "seeds",
            "annotations",
            "events",
            "claims",
            "models",
            "references",
            *([f"quizzes:{chapter}"] if chapter in book.quizzes else []),
        )
        literal = "{" + ", ".join(repr(k) for k in keys) + "}"
        content = StringList(
            ["```{bibliography}", ":list: bullet", f":filter: docname in docnames or key in {literal}", "```"],
            source=self.env.docname,
        )
        box = nodes.container(classes=["cb-chapter-sources"])
        self.state.nested_parse(content, self.content_offset, box)
        # Reference material starts collapsed, with its count, one click away.
        label = "Show the source" if len(keys) == 1 else f"Show all {len(keys)} sources"
        return [collapsed(label, box, "cb-sources-details")]


class ClaimsDirective(_BookDirective):
    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        book = self.book
        self.reads("claims", "evidence", "events", "seeds", "references")
        table, body = _table(
            (30, 10, 45, 15),
            ["The claim", "Kind", f"What happened from {book.article.info.published[:4]} to today", "Verdict"],
            ["cb-claims"],
        )
        order = {p: n for n, p in enumerate(book.article.paragraphs)}
        for claim in sorted(book.claims.values(), key=lambda c: order[c.paragraph]):
            said = nodes.paragraph()
            said += nodes.reference("", f"¶{claim.paragraph[1:]}", refuri=book.passage_link(claim.paragraph))
            said += nodes.Text(f": “{claim.quote}” — {claim.claim}")
            outcome = nodes.container()
            outcome += nodes.paragraph(text=claim.outcome)
            if claim.caveat:
                caveat = nodes.paragraph(classes=["cb-caveat"])
                caveat += nodes.strong(text="Caveat: ")
                caveat += nodes.Text(claim.caveat)
                outcome += caveat
            outcome += markup.sources_paragraph(book, claim.cite)
            for part in evidence_blocks(book, claim):
                outcome += part
            row = _row(
                [said, claim.type, outcome, markup.VERDICT_LABELS[claim.verdict]],
                ["claim", "kind", "outcome", "verdict"],
            )
            row["ids"].append(f"claim-{claim.id}")
            body += row
        return [table]


EVIDENCE_LABELS = {"for": "Evidence for", "against": "Evidence against"}


def evidence_blocks(book, claim) -> list[nodes.Node]:
    """The events that bear for and against a claim, each collapsed with its count, each
    event linked to its timeline entry, with the sentence saying how it bears."""
    out: list[nodes.Node] = []
    for bears, label in EVIDENCE_LABELS.items():
        links = book.claim_evidence(claim.id, bears)
        if not links:
            continue
        listing = nodes.bullet_list(classes=["cb-evidence-list"])
        for link, event in links:
            para = nodes.paragraph()
            para += nodes.reference("", f"{format_date(event.date)}: {event.title}", refuri=book.event_link(event.id))
            para += nodes.Text(f" — {link.how}")
            listing += nodes.list_item("", para)
        out.append(collapsed(f"{label} ({len(links)})", listing, f"cb-evidence-{bears}"))
    if claim.evidence_note:
        note = nodes.paragraph(classes=["cb-evidence-note"])
        note += nodes.strong(text="On the evidence: ")
        note += nodes.Text(claim.evidence_note)
        out.append(note)
    return out


class VerdictRole(SphinxRole):
    """``{verdict}`claim-id```: the claim's verdict from claims.yaml, linked to its row."""

    def run(self):
        book = self.env.app.coursebook
        ident = self.text.strip()
        if ident not in book.claims:
            message = self.inliner.reporter.error(f"“{ident}” is not a claim in data/claims.yaml", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        dependencies.note(self.env, book, ["claims", "toc"])
        return markup.verdict_nodes(book, ident), []


def register(app) -> None:
    app.add_directive("entries", EntriesDirective)
    app.add_directive("chapter-context", ChapterContextDirective)
    app.add_directive("chapter-sources", ChapterSourcesDirective)
    app.add_directive("claims", ClaimsDirective)
    app.add_role("verdict", VerdictRole())
    register_map(app)


class PlacesMapDirective(_BookDirective):
    """``{places-map}``: the static SVG maps of data/places.yaml that data/maps.yaml
    describes, drawn at build time from Natural Earth shapes (npm ``world-atlas``), so
    the page needs no tiles and no network. A book without maps.yaml draws none."""

    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        from .. import mapping

        book = self.book
        # node_modules sits beside the book, or beside the engine when a copy of the book
        # is built elsewhere (benchmarks, tests).
        candidates = [book.paths.root / mapping.COUNTRIES_FILE, ENGINE_ROOT / mapping.COUNTRIES_FILE]
        shapes = next((path for path in candidates if path.exists()), None)
        if shapes is None:
            raise self.error(f"the country shapes are missing ({candidates[0]}); run `npm ci` (make book does)")
        countries = mapping.load_countries(shapes)
        self.reads("places")
        places = list(book.places.values())
        figures, shown = [], set()
        for spec in book.maps.values():
            inside = [p for p in places if p not in mapping.places_outside(places, spec.bbox)]
            chosen = [book.places[i] for i in spec.also if i in book.places]
            chosen += [p for p in inside if p.id not in shown and p not in chosen]
            shown.update(p.id for p in chosen)
            names = ", ".join(p.label or p.name for p in chosen)
            svg = mapping.draw_map(
                chosen,
                countries,
                bbox=spec.bbox,
                title=spec.title,
                description=f"Places shown: {names}.",
                id_prefix=f"cb-map-{spec.id}",
                focus=spec.focus,
            )
            figure = nodes.container(classes=["cb-map", f"cb-map-{spec.id}"])
            figure += nodes.raw("", svg, format="html")
            note = nodes.paragraph(classes=["cb-map-caption"])
            note += nodes.Text(
                f"{spec.caption} Drawn for this book from Natural Earth country shapes (public domain); "
                "borders are Natural Earth’s, which show Crimea inside Russia’s outline, and are not a statement "
                "about sovereignty. Each place is described, with its sources, in the list below."
            )
            figure += note
            figures.append(figure)
        elsewhere = [p for p in places if p.id not in shown]
        if elsewhere and book.maps:
            named = "; ".join(f"{p.name} ({p.kind})" for p in elsewhere)
            off = nodes.paragraph(classes=["cb-map-elsewhere"])
            off += nodes.Text(
                f"Not on any map, because they lie outside them all: {named}. They are described in the list below."
            )
            figures.append(off)
        return figures


def register_map(app) -> None:
    app.add_directive("places-map", PlacesMapDirective)
