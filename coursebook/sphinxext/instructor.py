"""The instructor edition: answer keys and teaching notes, absent from the student book.

``:::{instructor}`` … ``:::``
    Teaching notes, written in the chapter. Rendered only in the instructor edition
    (``make instructor``); the student edition contains nothing of them.
``{answer-key} <chapter>``
    Every question of the chapter with its correct answer, explanation, objective and
    passage. Instructor edition only.

The student edition also publishes no page sources: Sphinx's ``_sources/`` copies of
``chapters/*.md`` hold the teaching notes verbatim, so it copies none, deletes any that an
earlier build left in the kept staging folder, and the theme's download menu offers only
"print to PDF".
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes

from ..grading import correct_response
from .directives import _BookDirective, _row, _table


def _instructor(directive) -> bool:
    return directive.env.config.coursebook_edition == "instructor"


class InstructorDirective(_BookDirective):
    required_arguments = 0
    has_content = True

    def run(self) -> list[nodes.Node]:
        if not _instructor(self):
            return []
        box = nodes.container(classes=["cb-instructor"])
        box += nodes.paragraph("", "For instructors", classes=["cb-instructor-title"])
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


def answer_text(question) -> str:
    """The correct answer, in words."""
    response = correct_response(question)
    if question.type in ("single", "true-false"):
        return question.options[response].text
    if question.type == "multiple":
        return "; ".join(question.options[i].text for i in response)
    if question.type == "numeric":
        tolerance = f" (±{question.tolerance:g})" if question.tolerance else ""
        return f"{question.answer:g}{tolerance} {question.unit}".strip()
    if question.type == "order":
        return " → ".join(item.text for item in question.items)
    return "; ".join(f"{pair.left} — {pair.right}" for pair in question.pairs)


def _key_cell(question) -> nodes.Node:
    """Choice questions: every option in file order (students see them shuffled), the
    key marked; other types: the answer in words."""
    if question.type not in ("single", "true-false", "multiple"):
        return nodes.paragraph(text=answer_text(question))
    listing = nodes.enumerated_list(classes=["cb-key-options"])
    for option in question.options:
        para = nodes.paragraph()
        if option.correct:
            para += nodes.strong(text=f"✓ {option.text} (key)")
        else:
            para += nodes.Text(option.text)
        listing += nodes.list_item("", para)
    return listing


class AnswerKeyDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        if not _instructor(self):
            return []
        book = self.book
        chapter = self.choice_arg(list(book.quizzes), "quiz")
        table, body = _table((30, 25, 30, 15), ["Question", "Answer", "Why", "Checks"], ["cb-answer-key"])
        for n, q in enumerate(book.quizzes[chapter], start=1):
            checks = nodes.paragraph()
            checks += nodes.Text(f"{q.level}; ")
            checks += nodes.reference("", f"¶{q.passage[1:]}", refuri=book.passage_link(q.passage))
            checks += nodes.Text(f"; {book.objectives[q.objective].text}")
            body += _row([f"{n}. {q.prompt} ({q.type})", _key_cell(q), q.explanation, checks])
        box = nodes.container(classes=["cb-instructor"])
        box += nodes.paragraph("", "Answer key (instructor edition only)", classes=["cb-instructor-title"])
        box += table
        return [box]


def _copy_source(app, config) -> None:
    config.html_copy_source = config.coursebook_edition == "instructor"


def _source_buttons(app, pagename, templatename, context, doctree) -> None:
    """Drop the theme's links into ``_sources/`` (.md, .ipynb) when there are none."""
    if app.config.html_copy_source:
        return
    kept = []
    for button in context.get("header_buttons", []):
        if button.get("type") == "group":
            button["buttons"] = [b for b in button["buttons"] if "_sources" not in str(b.get("url", ""))]
            if not button["buttons"]:
                continue
        kept.append(button)
    context["header_buttons"] = kept


def _remove_sources(app, exception) -> None:
    if exception is None and not app.config.html_copy_source:
        shutil.rmtree(Path(app.outdir) / "_sources", ignore_errors=True)


def register(app) -> None:
    app.add_directive("instructor", InstructorDirective)
    app.add_directive("answer-key", AnswerKeyDirective)
    app.connect("config-inited", _copy_source, priority=600)  # after the edition is known
    app.connect("html-page-context", _source_buttons, priority=600)  # after the theme's buttons
    app.connect("build-finished", _remove_sources)
