"""Links between the book's pages, written before anyone knows how the pages are built.

The html builder writes ``chapters/timeline.html``; dirhtml writes ``chapters/timeline/``
(``index.html`` inside). A link written by hand as ``timeline.html#event-x`` therefore
breaks under one of them. So the engine never writes a page's address itself: it writes
a *book link*, ``cb-link:chapters/timeline#event-x`` (a Sphinx document name and an
anchor), in directives' nodes and in the widgets' state alike. At write time
:mod:`coursebook.sphinxext.linking` turns each one into the address the builder gives
(``Builder.get_relative_uri``), relative to the page that holds it.

This module has no Sphinx in it: the widgets, which run in a kernel, use it too.
"""

from __future__ import annotations

import re

PREFIX = "cb-link:"
#: Where the pages live: a page id ``timeline`` is the document ``chapters/timeline``.
PAGES = "chapters"
#: A book link inside any text (HTML attributes, JSON): document name, then an optional anchor.
PATTERN = re.compile(r"cb-link:([A-Za-z0-9_][A-Za-z0-9_./-]*)(?:#([A-Za-z0-9_][A-Za-z0-9_.:-]*))?")


def to_page(page: str, anchor: str = "") -> str:
    """A book link to the page ``chapters/<page>`` (and an anchor on it)."""
    return f"{PREFIX}{PAGES}/{page}" + (f"#{anchor}" if anchor else "")


def is_link(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def parse(value: str) -> tuple[str, str]:
    """(document name, anchor) of a book link; ValueError for anything else."""
    match = PATTERN.fullmatch(value)
    if match is None:
        raise ValueError(f"not a book link: {value!r}")
    return match.group(1), match.group(2) or ""
