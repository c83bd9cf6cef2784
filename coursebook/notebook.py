"""Helpers for people reading the chapters as notebooks in JupyterLab.

In the built book the ``{article}`` directive prints the author's words. A notebook
front end does not run Sphinx directives, so each chapter also has a cell, removed
from the book, that calls :func:`show_article` to show the same lines here.
"""

from __future__ import annotations

from html import escape

from .book import current_book


class ArticleExcerpt:
    """The seed's lines for one chapter, shown as HTML in a notebook (and as text elsewhere)."""

    def __init__(self, chapter: str):
        book = current_book()
        self.lines = book.article.chapter_lines(chapter)
        if not self.lines:
            raise ValueError(f"“{chapter}” is not an article chapter")

    def _repr_html_(self) -> str:
        parts = ['<section class="cb-article" aria-label="The article">']
        for line in self.lines:
            anchor = f' id="{line.id}"' if line.id else ""
            parts.append(
                f'<div class="cb-line cb-role-{line.role}"{anchor}>'
                f'<p class="cb-meta"><strong>{escape(line.label)}</strong></p>'
                f'<p class="cb-text">{escape(line.text)}</p></div>'
            )
        parts.append("</section>")
        return "\n".join(parts)

    def __repr__(self) -> str:
        return "\n\n".join(f"[{line.label}] {line.text}" for line in self.lines)


def show_article(chapter: str) -> ArticleExcerpt:
    return ArticleExcerpt(chapter)
