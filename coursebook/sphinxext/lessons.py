"""Lesson plans and the course outline, from ``data/lessons.yaml``: instructor edition only.

``{lesson-plan} <chapter>``
    The chapter's 50-minute plan: objectives, reading before class, a run sheet with the
    clock (opening question, activities with links to the model, timeline events, claims
    and places they use, the "Think it through" prompts with their likely misreadings, the
    exit ticket's questions with their answers). Placed inside the chapter's
    ``{instructor}`` notes; the student edition renders nothing.
``{course-outline}``
    The sessions week by week, each with its reading, what it practises and the shape of
    the class, linked to its plan. It belongs on a page listed in the config value
    ``coursebook_instructor_pages``: the student edition leaves those pages out of the
    book and its table of contents, so students never see an empty page.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import inputs, links
from ..lessons import PART_LABELS, TOOLS
from ..timeline import format_date
from .directives import _BookDirective
from .instructor import _instructor, answer_text
from .nodes import tagged_block

INSTRUCTOR_STATIC = Path(__file__).resolve().parent.parent / "instructor_static"


def _plans(directive):
    lessons = directive.book.lessons
    if lessons is None:
        raise directive.error("there is no data/lessons.yaml, so there are no lesson plans to show")
    # Plans name objectives, models, events, claims and places, and find the pages that
    # show them; the outline names each session's page.
    directive.reads(
        "lessons",
        "objectives",
        "models",
        "events",
        "claims",
        inputs.ENTITY_LINKS,  # places, by name
        "seeds",
        "toc",
        *(f"page:{page}" for page in directive.book.chapters),
    )
    return lessons


def _heading(directive, text: str, ids=(), extra: int = 1) -> nodes.Node:
    """A heading one level below the section the directive sits in (h3 under an h2)."""
    level = min(6, directive.state.memo.section_level + extra)
    return tagged_block("", nodes.Text(text), tag=f"h{level}", ids=list(ids), classes=["cb-lesson-heading"])


def _labelled(label: str, *content) -> nodes.paragraph:
    para = nodes.paragraph()
    para += nodes.strong(text=f"{label}: ")
    for item in content:
        para += item if isinstance(item, nodes.Node) else nodes.Text(item)
    return para


def _page_showing(book, pattern: str) -> str | None:
    """A book link to the page whose source contains a directive call, if any."""
    for chapter in book.chapters.values():
        if re.search(pattern, chapter.path.read_text(encoding="utf-8")):
            return chapter.page
    return None


def _links_list(items, classes) -> nodes.bullet_list:
    listing = nodes.bullet_list(classes=classes)
    for content in items:
        listing += nodes.list_item("", content)
    return listing


def _link(text: str, uri: str | None) -> nodes.Node:
    return nodes.reference("", text, refuri=uri) if uri else nodes.Text(text)


class LessonPlanDirective(_BookDirective):
    def run(self) -> list[nodes.Node]:
        if not _instructor(self):
            return []
        book = self.book
        lessons = _plans(self)
        chapter = self.choice_arg(list(book.chapters))
        lesson = lessons.lesson(chapter)
        if lesson is None:
            raise self.error(f"data/lessons.yaml has no lesson plan for chapter “{chapter}”")
        box = nodes.container(ids=["lesson-plan"], classes=["cb-lesson-plan"])
        number = lessons.session_number(chapter)
        total = sum(len(week.sessions) for week in lessons.outline)
        where = f"session {number} of {total}, " if number else ""
        box += _heading(self, f"Lesson plan: {where}{lessons.session_minutes} minutes")
        box += _labelled("Practises", lesson.practises)
        box += nodes.paragraph(text="Objectives this session works on:", classes=["cb-lesson-label"])
        box += _links_list(
            [nodes.paragraph("", "", _link(book.objectives[o].text, f"#objective-{o}")) for o in lesson.objectives],
            ["cb-lesson-objectives"],
        )
        box += _labelled("Before class", lesson.before_class)
        box += nodes.paragraph(text="In class (minutes from the start):", classes=["cb-lesson-label"])
        steps = nodes.bullet_list(classes=["cb-lesson-steps"])
        clock = 0
        for step in lesson.steps:
            steps += self.step(lesson, step, clock)
            clock += step.minutes
        box += steps
        if lesson.after_class:
            box += _labelled("After class", lesson.after_class)
        return [box]

    def step(self, lesson, step, start: int) -> nodes.list_item:
        item = nodes.list_item(classes=["cb-lesson-step", f"cb-part-{step.part}"])
        head = nodes.paragraph(classes=["cb-lesson-step-head"])
        head += nodes.inline(text=f"{start}–{start + step.minutes} min", classes=["cb-lesson-time"])
        head += nodes.Text(" ")
        head += nodes.strong(text=PART_LABELS[step.part])
        head += nodes.Text(f": {step.title}")
        item += head
        if step.question:
            item += _labelled("Ask", f"“{step.question}”")
        if step.say:
            item += _labelled("Say", f"“{step.say}”")
        if step.do:
            item += nodes.paragraph(text=step.do)
        if step.part == "activity":
            item += self.activity(lesson, step)
        elif step.part == "discussion":
            item += self.discussion(lesson, step)
        elif step.part == "exit-ticket":
            item += self.exit_ticket(lesson, step)
        return item

    def activity(self, lesson, step) -> list[nodes.Node]:
        book = self.book
        tools = []
        for tool in step.uses:
            if tool in book.models:
                page = _page_showing(book, r"\{model-notes\}\s+" + re.escape(tool) + r"\b")
                here = page == book.chapters[lesson.chapter].page
                label = f"the model “{book.models[tool].title}”" + (" on this page" if here else "")
                tools.append(_link(label, None if here else page))
            elif tool == "claims":
                tools.append(_link(TOOLS[tool], _page_showing(book, r"\{claims\}")))
            else:
                tools.append(_link(TOOLS[tool], links.to_page(tool)))
        out: list[nodes.Node] = [_labelled("Uses", *_joined(tools))]
        if step.presets:
            labels = {p.id: p.label for m in step.uses if m in book.models for p in book.models[m].presets}
            out.append(_labelled("Presets", "; ".join(f"“{labels[p]}”" for p in step.presets)))
        if step.events:
            events = sorted((book.events[e] for e in step.events), key=lambda e: e.date)
            out.append(nodes.paragraph(text="Events in the timeline:", classes=["cb-lesson-label"]))
            out.append(
                _links_list(
                    [
                        nodes.paragraph("", "", _link(f"{format_date(e.date)}: {e.title}", book.event_link(e.id)))
                        for e in events
                    ],
                    ["cb-lesson-events"],
                )
            )
        if step.claims:
            page = _page_showing(book, r"\{claims\}")
            rows = []
            order = {p: n for n, p in enumerate(book.article.paragraphs)}
            for claim in sorted((book.claims[c] for c in step.claims), key=lambda c: order[c.paragraph]):
                ident = claim.id
                para = nodes.paragraph()
                para += _link(f"¶{claim.paragraph[1:]}: {claim.claim}", f"{page}#claim-{ident}" if page else None)
                para += nodes.Text(f" (the book’s verdict: {claim.verdict})")
                rows.append(para)
            out.append(nodes.paragraph(text="Rows of the claims table:", classes=["cb-lesson-label"]))
            out.append(_links_list(rows, ["cb-lesson-claims"]))
        if step.places:
            places = [_link(book.places[p].name, book.entity_link(p)) for p in step.places]
            out.append(_labelled("Places", *_joined(places)))
        return out

    def discussion(self, lesson, step) -> list[nodes.Node]:
        prompts = [p.text for p in self.book.chapter_prompts(lesson.chapter)]
        listing = nodes.bullet_list(classes=["cb-lesson-prompts"])
        for item in step.prompts:
            entry = nodes.list_item()
            lead = nodes.paragraph(classes=["cb-lesson-prompt"])
            if item.prompt is not None:
                lead += nodes.strong(text=f"“Think it through”, prompt {item.prompt}: ")
                text_nodes, messages = self.state.inline_text(prompts[item.prompt - 1], self.lineno)
                lead += text_nodes
                entry += messages
            else:
                lead += nodes.strong(text="Ask: ")
                lead += nodes.Text(item.ask)
            entry += lead
            entry += _labelled("Likely misreading", item.misreading)
            entry += _labelled("How to respond", item.response)
            listing += entry
        return [listing]

    def exit_ticket(self, lesson, step) -> list[nodes.Node]:
        book = self.book
        bank = {q.id: q for q in book.quizzes[lesson.chapter]}
        self.reads(f"quizzes:{lesson.chapter}")
        listing = nodes.bullet_list(classes=["cb-lesson-ticket"])
        for qid in step.questions:
            q = bank[qid]
            entry = nodes.list_item()
            entry += nodes.paragraph("", "", _link(q.prompt, f"#cb-q-{qid}"))
            entry += _labelled("Answer", answer_text(q))
            entry += _labelled("Checks", f"{book.objectives[q.objective].text} ({q.level})")
            listing += entry
        return [listing]


def _joined(items) -> list:
    out: list = []
    for n, item in enumerate(items):
        if n:
            out.append(nodes.Text(", " if n < len(items) - 1 else " and "))
        out.append(item)
    return out


class CourseOutlineDirective(_BookDirective):
    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        if not _instructor(self):
            raise self.error(
                "the course outline is for the instructor edition only: list this page in "
                "coursebook_instructor_pages (in _config.yml) so the student edition leaves it out"
            )
        lessons = _plans(self)
        sessions = sum(len(week.sessions) for week in lessons.outline)
        out: list[nodes.Node] = [
            nodes.paragraph(
                text=f"{sessions} sessions of {lessons.session_minutes} minutes over {len(lessons.outline)} weeks.",
                classes=["cb-outline-summary"],
            )
        ]
        number = 0
        for w, week in enumerate(lessons.outline, start=1):
            out.append(_heading(self, f"Week {w}: {week.title}", ids=[f"week-{w}"]))
            listing = nodes.bullet_list(classes=["cb-outline-sessions"])
            for chapter in week.sessions:
                number += 1
                listing += self.session(number, lessons.lesson(chapter))
            out.append(listing)
        return out

    def session(self, number: int, lesson) -> nodes.list_item:
        book = self.book
        chapter = book.chapters[lesson.chapter]
        item = nodes.list_item(ids=[f"session-{number}"], classes=["cb-outline-session"])
        head = nodes.paragraph(classes=["cb-outline-head"])
        head += nodes.strong(text=f"Session {number}: ")
        head += _link(chapter.title, f"{chapter.page}#lesson-plan")
        paragraphs = (
            book.chapter_paragraphs(lesson.chapter) if lesson.chapter in {c.id for c in book.article.chapters} else []
        )
        if paragraphs:
            span = f"¶{paragraphs[0][1:]}–¶{paragraphs[-1][1:]}" if len(paragraphs) > 1 else f"¶{paragraphs[0][1:]}"
            head += nodes.Text(f" ({span})")
        item += head
        item += _labelled("Before class", lesson.before_class)
        item += _labelled("Practises", lesson.practises)
        shape: list[list] = []  # [part, minutes], consecutive steps of one part merged
        for step in lesson.steps:
            if shape and shape[-1][0] == step.part:
                shape[-1][1] += step.minutes
            else:
                shape.append([step.part, step.minutes])
        shape_text = " · ".join(f"{part.replace('-', ' ')} {minutes}" for part, minutes in shape)
        item += _labelled("In class, in minutes", shape_text)
        return item


# --- the student edition leaves instructor-only pages out ------------------------------


def _leave_out_instructor_pages(app: Sphinx, config: Config) -> None:
    """Runs after sphinx-external-toc has read ``_toc.yml`` (priority 900)."""
    pages = [str(Path(p).with_suffix("")) for p in config.coursebook_instructor_pages]
    site_map = getattr(config, "external_site_map", None)
    if not pages or site_map is None or config.coursebook_edition == "instructor":
        return
    for page in pages:
        if page not in site_map:
            sys.stderr.write(f"_config.yml: coursebook_instructor_pages names “{page}”, which is not in _toc.yml.\n")
            raise SystemExit(1)
        for doc in site_map.values():
            for tree in doc.subtrees:
                tree.items = [item for item in tree.items if str(item) != page]
            doc.subtrees = [tree for tree in doc.subtrees if tree.items]
        del site_map[page]
    config.exclude_patterns = list(config.exclude_patterns) + [f"{page}.*" for page in pages]


def _instructor_static(app: Sphinx) -> None:
    """The plans' stylesheet ships with the instructor edition only."""
    if app.config.coursebook_edition == "instructor":
        app.config.html_static_path.append(str(INSTRUCTOR_STATIC))


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if 'class="cb-lesson' in context.get("body", "") or "cb-outline-" in context.get("body", ""):
        app.add_css_file("coursebook/lessons.css")


def register(app: Sphinx) -> None:
    app.add_config_value("coursebook_instructor_pages", [], "env")
    app.connect("config-inited", _leave_out_instructor_pages, priority=950)
    app.connect("builder-inited", _instructor_static)
    app.connect("html-page-context", _page_assets)
    app.add_directive("lesson-plan", LessonPlanDirective)
    app.add_directive("course-outline", CourseOutlineDirective)
