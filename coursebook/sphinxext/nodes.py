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


class tagged_inline(nodes.Inline, nodes.TextElement):
    """An inline element with a chosen tag and attributes (``mark``, ``a``, ``sup``):
    ``tagged_inline(tag="mark", attrs={"data-note": "note-x"}, classes=[...])``.
    Attribute values are escaped by the HTML writer."""


class tagged_block(nodes.General, nodes.Element):
    """A block element with a chosen tag (``details``, ``summary``, ``figure`` …)."""


def _visit_tagged(self, node) -> None:
    self.body.append(self.starttag(node, node["tag"], suffix="", **node.get("attrs", {})))


def _depart_tagged(self, node) -> None:
    self.body.append(f"</{node['tag']}>")


def _visit_section(self, node: article_section) -> None:
    self.body.append(
        self.starttag(node, "section", CLASS="cb-article", **{"aria-label": node["label"], **node.get("attrs", {})})
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
        (tagged_inline, (_visit_tagged, _depart_tagged)),
        (tagged_block, (_visit_tagged, _depart_tagged)),
    ):
        app.add_node(node, html=html, latex=other, text=other, man=other, texinfo=other)
