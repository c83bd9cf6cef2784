"""The progress widget: every chapter's quiz score, read from the student's browser."""

from __future__ import annotations

import traitlets as t

from ..book import Book, current_book
from .base import BookWidget, module_path


class Progress(BookWidget):
    kind = "progress"
    _esm = module_path("progress")
    _css = module_path("progress").with_suffix(".css")
    fallback = "Your progress is shown here when JavaScript is on; it is read from this browser only."

    chapters = t.List().tag(sync=True)
    storage_namespace = t.Unicode().tag(sync=True)

    def __init__(self, book: Book | None = None, **kwargs):
        book = book or current_book()
        chapters = [
            {
                "id": chapter_id,
                "title": book.chapters[chapter_id].title,
                "href": book.chapters[chapter_id].page,
                "questions": [{"id": q.id, "number": n} for n, q in enumerate(questions, start=1)],
            }
            for chapter_id, questions in book.ordered_quizzes()
        ]
        super().__init__(chapters=chapters, storage_namespace=book.storage_namespace, **kwargs)

    @property
    def element_id(self) -> str:
        return "cb-progress"


def progress() -> Progress:
    return Progress()
