"""Directives that chapters use to show records from ``seeds/`` and ``data/``.

``{article} <chapter-id>``
    The author's words for that chapter, line by line, from the seed: paragraphs with
    their number and anchor (``#p1``), other lines labelled with their role.
``{whole-article}``
    Every line of the article, in order, for a first uninterrupted read; each ¶ links to
    its chapter, and the notes start switched off.
``{objectives} <chapter-id>``
    The chapter's learning objectives from ``data/objectives.yaml``.
``{model-notes} <model-id>``
    A slider model's parameters (default, range, source or "illustrative") and presets.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import inputs
from ..timeline import format_date
from ..timeline import long_date as _long_date
from . import dependencies, markup
from .nodes import article_line, article_section, tagged_block


class _BookDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    @property
    def book(self):
        return self.env.app.coursebook

    def reads(self, *names: str) -> None:
        """The page depends on these inputs (:mod:`coursebook.inputs`): it is read again
        when one of their files changes, and only then."""
        dependencies.note(self.env, self.book, names)

    def choice_arg(self, valid, what: str = "chapter") -> str:
        value = self.arguments[0]
        if value not in valid:
            raise self.error(f"“{value}” is not a {what} id; use one of: {', '.join(valid)}")
        return value


class ArticleDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        article = self.book.article
        chapter = self.choice_arg([c.id for c in article.chapters])
        return render_article(self, article.chapter_lines(chapter), reading=False, chapter=chapter)


class WholeArticleDirective(_BookDirective):
    """``{whole-article}``: every line of the article in order, for one uninterrupted
    first read. Each ¶ number links to the chapter that reads it closely; the notes are
    there but start switched off; no term links, timeline links or list of notes."""

    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        return render_article(self, self.book.article.lines, reading=True)


def placed_questions(book, chapter: str | None) -> dict[str, list[str]]:
    """Paragraph id -> the questions the chapter's bank places right after it."""
    quiz = book.quiz_files.get(chapter) if chapter else None
    if quiz is None:
        return {}
    placed: dict[str, list[str]] = {}
    for q in quiz.questions:
        if q.id in quiz.in_reading:
            placed.setdefault(q.passage, []).append(q.id)
    return placed


def check_as_you_go(book, chapter: str, question_ids: list[str]) -> nodes.Node:
    """Questions on the paragraph just read, in reading order (so Tab reaches them next)."""
    from ..widgets.quiz import inline_html

    html = "".join(inline_html(book, chapter, qid) for qid in question_ids)
    return nodes.raw("", f'<div class="cb-check-as-you-go">{html}</div>\n', format="html")


def render_article(directive: _BookDirective, lines, reading: bool, chapter: str | None = None) -> list[nodes.Node]:
    book = directive.book
    directive.reads(*inputs.ARTICLE)
    placed = {} if reading else placed_questions(book, chapter)
    if placed:
        directive.reads(f"quizzes:{chapter}", "objectives")
    article = book.article
    numbers = [line.id[1:] for line in lines if line.role == "paragraph"]
    span = f"¶{numbers[0]}–¶{numbers[-1]}" if len(numbers) > 1 else f"¶{numbers[0]}"
    total = len(article.paragraphs)
    label = "The whole article" if reading else f"The article, {span} of {total}"
    attrs = {"data-cb-namespace": book.storage_namespace}
    if reading:
        attrs["data-cb-layers"] = "off"
    section = article_section(label=label, attrs=attrs)
    if reading:
        section["classes"].append("cb-reading")
    # Sphinx's smart quotes would "improve" the author's punctuation: not here.
    section["support_smartquotes"] = False
    head = nodes.paragraph(classes=["cb-article-head"])
    head += nodes.strong(text="The article" if reading else "From the article")
    head += nodes.Text(
        f" · {article.info.author}, “{article.info.title}”, {article.info.outlet}, "
        f"{_long_date(article.info.published)} · "
        + (f"all {total} paragraphs, as published" if reading else f"{span} of {total}")
    )
    section += head
    terms = [] if reading else markup.term_index(book)
    linked: set[str] = set()
    note_numbers: dict[str, int] = {}
    chapter_notes = []
    for line in lines:
        block = article_line(role=line.role)
        notes = book.paragraph_annotations(line.id) if line.role == "paragraph" else []
        for note in notes:
            note_numbers[note.id] = len(note_numbers) + 1
            chapter_notes.append(note)
        if line.role == "paragraph":
            block["ids"].append(line.id)
        block += _line_meta(directive, line, reading)
        text = nodes.paragraph("", "", classes=["cb-text"])
        line_terms = [] if line.role in markup.UNLINKED_ROLES else terms
        text += markup.line_nodes(book, line.text, notes, note_numbers, line_terms, linked, listed=not reading)
        block += text
        if line.role == "paragraph" and not reading:
            events = book.paragraph_events(line.id)
            if events:
                block += _events_details(book, line.id, events)
        section += block
        if line.role == "paragraph" and line.id in placed:
            section += check_as_you_go(book, chapter, placed[line.id])
    out: list[nodes.Node] = [layer_bar(book, chapter_notes, reading), section] if chapter_notes else [section]
    if chapter_notes and not reading:
        out.append(markup.notes_list(book, chapter_notes, note_numbers))
    return out


def _line_meta(directive: _BookDirective, line, reading: bool) -> nodes.paragraph:
    """A line's label: a paragraph's number (a link to itself, or on the whole article to
    the chapter that reads it closely), or the name of its role."""
    book = directive.book
    meta = nodes.paragraph(classes=["cb-meta"])
    if line.role != "paragraph":
        meta += nodes.inline(text=line.label, classes=["cb-role-label"])
        if not reading:
            meta += nodes.inline(text=f" — {line.note}", classes=["cb-role-note"])
        return meta
    number = line.id[1:]
    if reading:
        chapter = book.chapters[book.article.chapter_of(line.id)].title
        meta += nodes.reference(
            "",
            line.label,
            refuri=book.passage_link(line.id),
            classes=["cb-pnum"],
            reftitle=f"Read ¶{number} closely in “{chapter}”",
        )
    else:
        meta += nodes.reference(
            "", line.label, refuri=f"#{line.id}", classes=["cb-pnum"], reftitle=f"Link to paragraph {number}"
        )
        std = directive.env.get_domain("std")
        std.note_hyperlink_target(line.id, directive.env.docname, line.id, f"¶{number}")
    return meta


def layer_bar(book, notes, reading: bool) -> nodes.Node:
    """The switches for the notes' layers, written into the page so that it does not shift
    when the page's script wires them (``pst-js-only``: hidden without JavaScript). The
    bar carries the book's whole list of layers (``data-layers``, from data/layers.yaml),
    which is the one list the page's script uses."""
    labels = {layer.id: layer.label for layer in book.layers.values()}
    counts = {layer: sum(1 for n in notes if n.layer == layer) for layer in labels}
    legend = "Notes (off for a first read)" if reading else "Notes to show in the article"
    choices = "".join(
        f'<span class="cb-layer-choice cb-layer-{layer}"><input type="checkbox" id="cb-layer-{layer}" data-layer="{layer}"'
        f'{"" if reading else " checked"}><label for="cb-layer-{layer}">{escape(label)} ({counts[layer]})</label></span>'
        for layer, label in labels.items()
        if counts[layer]
    )
    every = escape(" ".join(labels), quote=True)
    html = f'<fieldset class="cb-layer-bar pst-js-only" data-layers="{every}"><legend>{escape(legend)}</legend>{choices}</fieldset>\n'
    return nodes.raw("", html, format="html")


def _events_details(book, paragraph: str, events) -> nodes.Node:
    """“In the timeline”: the events behind a paragraph, each a link to its entry."""
    label = f"¶{paragraph[1:]} in the timeline ({len(events)} event{'s' if len(events) > 1 else ''})"
    listing = nodes.bullet_list(classes=["cb-para-events-list"])
    for event in events:
        para = nodes.paragraph()
        para += nodes.reference("", f"{format_date(event.date)}: {event.title}", refuri=book.event_link(event.id))
        listing += nodes.list_item("", para)
    details = tagged_block(tag="details", classes=["cb-para-events"])
    details += tagged_block("", nodes.Text(label), tag="summary")
    details += listing
    return details


class ObjectivesDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        chapter = self.choice_arg(list(self.book.chapters))
        self.reads("objectives")
        items = [o for o in self.book.objectives.values() if o.chapter == chapter]
        if not items:
            raise self.error(f"data/objectives.yaml has no objectives for chapter “{chapter}”")
        # Short above the passage: the objectives are one click away.
        container = tagged_block(tag="details", classes=["cb-objectives"])
        container += tagged_block(
            "",
            nodes.Text(f"What you should be able to do after this chapter ({len(items)} objectives)"),
            tag="summary",
            classes=["cb-objectives-lead"],
        )
        listing = nodes.bullet_list()
        for objective in items:
            listing += nodes.list_item("", nodes.paragraph(text=objective.text), ids=[f"objective-{objective.id}"])
        container += listing
        return [container]


class ThinkItThroughDirective(_BookDirective):
    """``{think-it-through} <chapter>``: the chapter's prompts from data/prompts.yaml, each
    with a text box whose answer the browser keeps (a list of prompts without JavaScript)."""

    def run(self) -> list[nodes.Node]:
        from ..widgets.prompts import prompts_html

        chapter = self.choice_arg(sorted({p.chapter for p in self.book.prompts.values()}), "chapter with prompts")
        self.env.note_dependency(str(self.book.paths.root / "data" / "prompts.yaml"))
        return [nodes.raw("", prompts_html(self.book, chapter) + "\n", format="html")]


class ModelNotesDirective(_BookDirective):
    """``{model-notes} deadend``: every parameter's default, range and basis, and every
    preset's reasoning, as static text (readable without JavaScript, and searchable)."""

    def run(self) -> list[nodes.Node]:
        models = self.book.models
        model = self.choice_arg(list(models), "model")
        self.reads(f"models:{model}", "references")
        spec = models[model]
        table, body = _table(
            (22, 14, 16, 48), ["Setting", "Default", "Range", "Where the default comes from"], ["cb-model-notes"]
        )
        for p in spec.parameters:
            basis = nodes.paragraph()
            if p.illustrative:
                basis += nodes.strong(text="Illustrative. ")
            basis += nodes.Text(p.note + " ")
            for n, key in enumerate(p.cite):
                ref = self.book.references[key]
                basis += nodes.Text("Source: " if n == 0 else "; ")
                basis += nodes.reference("", f"{ref.author or ref.title} ({ref.year})", refuri=ref.url)
            body += _row(
                [p.label, f"{p.default:g} {p.unit}", f"{p.min:g} to {p.max:g}", basis],
                ["setting", "default", "range", "basis"],
            )
        presets = nodes.definition_list(classes=["cb-preset-notes"])
        for preset in spec.presets:
            item = nodes.definition_list_item()
            item += nodes.term(text=preset.label)
            item += nodes.definition("", nodes.paragraph(text=preset.reasoning))
            presets += item
        box = tagged_block(tag="details", classes=["cb-collapsed", "cb-model-notes-details"])
        box += tagged_block(
            "",
            nodes.Text(f"Where each setting comes from ({len(spec.parameters)} settings, {len(spec.presets)} presets)"),
            tag="summary",
        )
        box += [table, nodes.paragraph(text="The presets, and the reasoning behind each:"), presets]
        return [box]


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


def _row(cells, columns=None) -> nodes.row:
    """A table row; ``columns`` names each cell (``cb-col-<name>``), so narrow screens can
    show the row as a card with each cell labelled."""
    row = nodes.row()
    for n, cell in enumerate(cells):
        entry = nodes.entry(classes=[f"cb-col-{columns[n]}"] if columns else [])
        entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
        row += entry
    return row


def register(app: Sphinx) -> None:
    app.add_directive("article", ArticleDirective)
    app.add_directive("whole-article", WholeArticleDirective)
    app.add_directive("objectives", ObjectivesDirective)
    app.add_directive("model-notes", ModelNotesDirective)
    app.add_directive("think-it-through", ThinkItThroughDirective)
