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

from .nodes import article_line, article_section


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
        article = self.book.article
        chapter = self.choice_arg([c.id for c in article.chapters])
        lines = article.chapter_lines(chapter)
        numbers = [line.id[1:] for line in lines if line.role == "paragraph"]
        span = f"¶{numbers[0]}–¶{numbers[-1]}" if len(numbers) > 1 else f"¶{numbers[0]}"
        total = len(article.paragraphs)
        section = article_section(label=f"The article, {span} of {total}")
        head = nodes.paragraph(classes=["cb-article-head"])
        head += nodes.strong(text="From the article")
        head += nodes.Text(
            f" · {article.info.author}, “{article.info.title}”, {article.info.outlet}, "
            f"{_long_date(article.info.published)} · {span} of {total}"
        )
        section += head
        std = self.env.get_domain("std")
        for line in lines:
            block = article_line(role=line.role)
            meta = nodes.paragraph(classes=["cb-meta"])
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
            block += nodes.paragraph(line.text, line.text, classes=["cb-text"])
            section += block
        return [section]


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
        table = nodes.table(classes=["cb-model-notes"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (22, 14, 16, 48):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += _row(["Setting", "Default", "Range", "Where the default comes from"], header=True)
        body = nodes.tbody()
        group += body
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


def _row(cells, header: bool = False) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
        row += entry
    return row


def _long_date(iso: str) -> str:
    import datetime

    return datetime.date.fromisoformat(iso).strftime("%-d %B %Y")


def register(app: Sphinx) -> None:
    app.add_directive("article", ArticleDirective)
    app.add_directive("objectives", ObjectivesDirective)
    app.add_directive("model-notes", ModelNotesDirective)
