"""The progress widget: every chapter's questions, the "Think it through" prompts and
the book's answer-key fingerprints, so that the page can grade the student's stored
tries again and export them in the format of :mod:`coursebook.answers`.

With a live kernel the widget's traits carry all of it. The static page carries only the
book's name and where the student's work is stored; the questions, prompts and
fingerprint (:func:`shared_state`, the same values) come from one script the build writes,
``_static/coursebook/progress.js`` (:mod:`coursebook.sphinxext.shared`). So editing a quiz
bank writes that script again and re-reads the page, but does not run its notebook again.
"""

from __future__ import annotations

import traitlets as t

from .. import answers as contract
from .. import inputs, links
from ..book import Book, current_book
from .base import BookWidget, module_path
from .quiz import question_state


def _chapters(book: Book) -> list[dict]:
    out = []
    for chapter_id, questions in book.ordered_quizzes():
        page = book.chapters[chapter_id].page
        placed = book.quiz_files[chapter_id].in_reading
        review = [q.id for q in questions if q.id not in placed]
        rendered = []
        for q in questions:
            state = question_state(book, q)
            state.pop("explanation", None)
            # Named as the chapter's page names it: a review question by its number, a
            # check in the reading by its paragraph.
            label = f"question {review.index(q.id) + 1}" if q.id in review else f"the check after ¶{q.passage[1:]}"
            rendered.append({**state, "label": label, "href": f"{page}#cb-q-{q.id}"})
        out.append({"id": chapter_id, "title": book.chapters[chapter_id].title, "href": page, "questions": rendered})
    return out


def book_title(book: Book) -> str:
    """The book's title (``_config.yml``), or the article's when it has none."""
    import yaml

    try:
        config = yaml.safe_load((book.paths.root / "_config.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    title = config.get("title") if isinstance(config, dict) else None
    return title if isinstance(title, str) and title.strip() else book.article.info.title


def _prompts(book: Book) -> list[dict]:
    out = []
    for chapter in book.reading_order():
        for n, p in enumerate(book.chapter_prompts(chapter), start=1):
            page = book.chapters[chapter].page if chapter in book.chapters else links.to_page(chapter)
            out.append(
                {
                    "id": p.id,
                    "chapter": chapter,
                    "number": n,
                    "text": p.text,
                    "href": f"{page}#cb-think-{chapter}-{p.id}",
                }
            )
    return out


def _models(book: Book) -> dict:
    """Each model's title, the page that shows it, and its settings' labels and units: what
    the page needs to show a saved reading in words."""
    shown = inputs.model_pages(book)
    return {
        ident: {
            "title": model.title,
            "href": links.to_page(shown[ident], f"cb-model-{ident}") if ident in shown else "",
            "parameters": [{"id": p.id, "label": p.label, "unit": p.unit} for p in model.parameters],
        }
        for ident, model in book.models.items()
    }


#: The traits the static page reads from the build's shared script instead of its own state.
SHARED = ("chapters", "prompts", "models", "keys_fingerprint")


def shared_state(book: Book) -> dict:
    """What the progress page needs from every quiz bank, prompt, model and chapter title."""
    keys, _ = contract.book_fingerprints(book)
    return {"chapters": _chapters(book), "prompts": _prompts(book), "models": _models(book), "keys_fingerprint": keys}


class Progress(BookWidget):
    kind = "progress"
    _esm = module_path("progress")
    _css = module_path("progress").with_suffix(".css")
    fallback = "Your progress is shown here when JavaScript is on; it is read from this browser only."

    chapters = t.List().tag(sync=True)
    prompts = t.List().tag(sync=True)
    models = t.Dict().tag(sync=True)
    book = t.Dict().tag(sync=True)
    keys_fingerprint = t.Unicode().tag(sync=True)
    storage_namespace = t.Unicode().tag(sync=True)
    legacy_namespace = t.Unicode().tag(sync=True)

    def __init__(self, book: Book | None = None, **kwargs):
        book = book or current_book()
        super().__init__(
            **shared_state(book),
            book={"id": book.book_id, "title": book_title(book), "edition": book.edition},
            storage_namespace=book.storage_namespace,
            legacy_namespace=book.legacy_namespace,
            **kwargs,
        )

    @property
    def element_id(self) -> str:
        return "cb-progress"

    def static_state(self) -> dict:
        state = super().static_state()
        for name in SHARED:
            del state[name]
        state["shared"] = list(SHARED)  # read these from the page's script#cb-progress-data
        return state


def progress() -> Progress:
    return Progress()
