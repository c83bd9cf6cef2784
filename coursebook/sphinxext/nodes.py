"""Custom doctree nodes, so the article renders as semantic HTML.

The article is a ``<section>`` with an accessible name; each line of it is a block
that carries its role and, for paragraphs, a stable id (``p1`` …). Children are
ordinary docutils nodes, so Sphinx escapes their text and indexes it for search.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


class article_section(nodes.General, nodes.Element):
    """The article's words for one chapter: ``<section class="cb-article">``."""


class article_line(nodes.General, nodes.Element):
    """One line of the seed in its role: ``<div class="cb-line cb-role-…">``."""


def _visit_section(self, node: article_section) -> None:
    self.body.append(
        self.starttag(node, "section", CLASS="cb-article", **{"aria-label": node["label"]})
    )


def _depart_section(self, node: article_section) -> None:
    self.body.append("</section>\n")


def _visit_line(self, node: article_line) -> None:
    self.body.append(self.starttag(node, "div", CLASS=f"cb-line cb-role-{node['role']}"))


def _depart_line(self, node: article_line) -> None:
    self.body.append("</div>\n")


def _skip(self, node) -> None:
    pass


def register(app: Sphinx) -> None:
    other = (_skip, _skip)
    for node, html in (
        (article_section, (_visit_section, _depart_section)),
        (article_line, (_visit_line, _depart_line)),
    ):
        app.add_node(node, html=html, latex=other, text=other, man=other, texinfo=other)
