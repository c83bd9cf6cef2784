"""The "Think it through" widget: a chapter's prompts from ``data/prompts.yaml``, each
with a text box. What a student writes is kept (in the browser, or in ``written`` with
a live kernel) and exported with their answers; it is not graded.

The static book draws it with the ``{think-it-through} <chapter>`` directive
(:func:`prompts_html`): without JavaScript the prompts still show, as a list. In a
notebook, ``Prompts("hope-of-a-deal")`` shows the same boxes, live.
"""

from __future__ import annotations

from html import escape

import traitlets as t

from ..book import Book, current_book
from .base import BookWidget, module_path, widget_html


def prompts_state(book: Book, chapter: str) -> list[dict]:
    return [{"id": p.id, "number": n, "text": p.text} for n, p in enumerate(book.chapter_prompts(chapter), start=1)]


def _fallback(prompts: list[dict]) -> str:
    items = "".join(f"<li>{escape(p['text'])}</li>" for p in prompts)
    return f'<ul class="cb-widget-fallback cb-think-fallback">{items}</ul>'


def prompts_html(book: Book, chapter: str) -> str:
    prompts = prompts_state(book, chapter)
    state = {
        "chapter": chapter,
        "prompts": prompts,
        "persist": True,
        "written": {},
        "storage_namespace": book.storage_namespace,
    }
    return widget_html("prompts", f"cb-think-{chapter}", state, "", _fallback(prompts))


class Prompts(BookWidget):
    kind = "prompts"
    _esm = module_path("prompts")
    _css = module_path("prompts").with_suffix(".css")

    chapter = t.Unicode().tag(sync=True)
    prompts = t.List().tag(sync=True)
    written = t.Dict().tag(sync=True)
    persist = t.Bool(False).tag(sync=True)
    storage_namespace = t.Unicode().tag(sync=True)

    def __init__(self, chapter: str, book: Book | None = None, **kwargs):
        book = book or current_book()
        if not book.chapter_prompts(chapter):
            raise KeyError(f"data/prompts.yaml has no prompts for chapter “{chapter}”")
        super().__init__(
            chapter=chapter, prompts=prompts_state(book, chapter), storage_namespace=book.storage_namespace, **kwargs
        )

    @property
    def element_id(self) -> str:
        return f"cb-think-{self.chapter}"

    def static_html(self) -> str:
        state = self.static_state()
        state["written"] = {}
        return widget_html(self.kind, self.element_id, state, "", _fallback(self.prompts))
