"""Directives that chapters use to show records from ``seeds/`` and ``data/``.

``{article} <chapter-id>``
    The author's words for that chapter, line by line, from the seed: paragraphs with
    their number and anchor (``#p1``), other lines labelled with their role.
``{objectives} <chapter-id>``
    The chapter's learning objectives from ``data/objectives.yaml``.
``{model-notes} <model-id>``
    A slider model's parameters (default, range, source or "illustrative") and presets.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..timeline import format_date, long_date as _long_date
from . import markup
from .nodes import article_line, article_section, tagged_block


class _BookDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    @property
    def book(self):
        return self.env.app.coursebook

    def choice_arg(self, valid, what: str = "chapter") -> str:
        value = self.arguments[0]
        if value not in valid:
            raise self.error(f"“{value}” is not a {what} id; use one of: {', '.join(valid)}")
        return value


class ArticleDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        book = self.book
        article = book.article
        chapter = self.choice_arg([c.id for c in article.chapters])
        lines = article.chapter_lines(chapter)
        numbers = [line.id[1:] for line in lines if line.role == "paragraph"]
        span = f"¶{numbers[0]}–¶{numbers[-1]}" if len(numbers) > 1 else f"¶{numbers[0]}"
        total = len(article.paragraphs)
        section = article_section(label=f"The article, {span} of {total}", attrs={"data-cb-namespace": book.storage_namespace})
        # Sphinx's smart quotes would "improve" the author's punctuation: not here.
        section["support_smartquotes"] = False
        head = nodes.paragraph(classes=["cb-article-head"])
        head += nodes.strong(text="From the article")
        head += nodes.Text(
            f" · {article.info.author}, “{article.info.title}”, {article.info.outlet}, "
            f"{_long_date(article.info.published)} · {span} of {total}"
        )
        section += head
        std = self.env.get_domain("std")
        terms = markup.term_index(book)
        linked: set[str] = set()
        note_numbers: dict[str, int] = {}
        chapter_notes = []
        for line in lines:
            block = article_line(role=line.role)
            meta = nodes.paragraph(classes=["cb-meta"])
            notes = book.paragraph_annotations(line.id) if line.role == "paragraph" else []
            for note in notes:
                note_numbers[note.id] = len(note_numbers) + 1
                chapter_notes.append(note)
            if line.role == "paragraph":
                block["ids"].append(line.id)
                meta += nodes.reference(
                    "", line.label, refuri=f"#{line.id}", classes=["cb-pnum"], reftitle=f"Link to paragraph {line.id[1:]}"
                )
                std.note_hyperlink_target(line.id, self.env.docname, line.id, f"¶{line.id[1:]}")
            else:
                meta += nodes.inline(text=line.label, classes=["cb-role-label"])
                meta += nodes.inline(text=f" — {line.note}", classes=["cb-role-note"])
            block += meta
            text = nodes.paragraph("", "", classes=["cb-text"])
            line_terms = [] if line.role in markup.UNLINKED_ROLES else terms
            text += markup.line_nodes(book, line.text, notes, note_numbers, line_terms, linked)
            block += text
            if line.role == "paragraph":
                events = book.paragraph_events(line.id)
                if events:
                    block += _events_details(book, line.id, events)
            section += block
        out: list[nodes.Node] = [section]
        if chapter_notes:
            out.append(markup.notes_list(book, chapter_notes, note_numbers))
        return out


def _events_details(book, paragraph: str, events) -> nodes.Node:
    """“In the timeline”: the events behind a paragraph, each a link to its entry."""
    label = f"¶{paragraph[1:]} in the timeline ({len(events)} event{'s' if len(events) > 1 else ''})"
    listing = nodes.bullet_list(classes=["cb-para-events-list"])
    for event in events:
        para = nodes.paragraph()
        para += nodes.reference("", f"{format_date(event.date)}: {event.title}", refuri=f"timeline.html#event-{event.id}")
        listing += nodes.list_item("", para)
    details = tagged_block(tag="details", classes=["cb-para-events"])
    details += tagged_block("", nodes.Text(label), tag="summary")
    details += listing
    return details


class ObjectivesDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        chapter = self.choice_arg(list(self.book.chapters))
        items = [o for o in self.book.objectives.values() if o.chapter == chapter]
        if not items:
            raise self.error(f"data/objectives.yaml has no objectives for chapter “{chapter}”")
        container = nodes.container(classes=["cb-objectives"])
        container += nodes.paragraph(text="By the end of this chapter you should be able to:", classes=["cb-objectives-lead"])
        listing = nodes.bullet_list()
        for objective in items:
            listing += nodes.list_item("", nodes.paragraph(text=objective.text), ids=[f"objective-{objective.id}"])
        container += listing
        return [container]


class ModelNotesDirective(_BookDirective):
    """``{model-notes} deadend``: every parameter's default, range and basis, and every
    preset's reasoning, as static text (readable without JavaScript, and searchable)."""

    def run(self) -> list[nodes.Node]:
        models = self.book.models
        model = self.choice_arg(list(models), "model")
        spec = models[model]
        table, body = _table((22, 14, 16, 48), ["Setting", "Default", "Range", "Where the default comes from"], ["cb-model-notes"])
        for p in spec.parameters:
            basis = nodes.paragraph()
            if p.illustrative:
                basis += nodes.strong(text="Illustrative. ")
            basis += nodes.Text(p.note + " ")
            for n, key in enumerate(p.cite):
                ref = self.book.references[key]
                basis += nodes.Text("Source: " if n == 0 else "; ")
                basis += nodes.reference("", f"{ref.author or ref.title} ({ref.year})", refuri=ref.url)
            body += _row([p.label, f"{p.default:g} {p.unit}", f"{p.min:g} to {p.max:g}", basis])
        presets = nodes.definition_list(classes=["cb-preset-notes"])
        for preset in spec.presets:
            item = nodes.definition_list_item()
            item += nodes.term(text=preset.label)
            item += nodes.definition("", nodes.paragraph(text=preset.reasoning))
            presets += item
        return [table, nodes.paragraph(text="The presets, and the reasoning behind each:"), presets]


def _table(widths, header, classes) -> tuple[nodes.table, nodes.tbody]:
    """A table with a header row; returns it and the body to add rows to."""
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(widths))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(header)
    body = nodes.tbody()
    group += body
    return table, body


def _row(cells) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
        row += entry
    return row


def register(app: Sphinx) -> None:
    app.add_directive("article", ArticleDirective)
    app.add_directive("objectives", ObjectivesDirective)
    app.add_directive("model-notes", ModelNotesDirective)
