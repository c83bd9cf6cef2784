"""Resolve the engine's book links (:mod:`coursebook.links`) through the builder.

Directives and widgets write ``cb-link:<document>#<anchor>``; this post-transform,
which Sphinx runs on each page's doctree as it writes that page, replaces every one with
``builder.get_relative_uri(page, document)`` plus the anchor. So the same doctree gives
``timeline.html#event-x`` under the html builder and ``../timeline/#event-x`` under
dirhtml, and a link to a page the book does not have is a warning (an error under -W)
at the place that made it. Three places hold book links: a reference's ``refuri``, a
tagged inline's ``href`` attribute, and raw HTML (a widget's JSON state).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .. import links
from .nodes import tagged_inline

logger = logging.getLogger(__name__)


class ResolveBookLinks(SphinxPostTransform):
    """``cb-link:`` → the builder's relative address, on the page being written."""

    default_priority = 10

    def run(self, **kwargs) -> None:
        for ref in self.document.findall(nodes.reference):
            if links.is_link(ref.get("refuri")):
                ref["refuri"] = self.address(ref["refuri"], ref)
                ref["internal"] = True
        for inline in self.document.findall(tagged_inline):
            attrs = inline.get("attrs", {})
            if links.is_link(attrs.get("href")):
                inline["attrs"] = {**attrs, "href": self.address(attrs["href"], inline)}
        for raw in list(self.document.findall(nodes.raw)):
            text = raw.astext()
            if links.PREFIX in text:
                resolved = links.PATTERN.sub(lambda m, node=raw: self.address(m.group(0), node), text)
                raw.replace(raw[0], nodes.Text(resolved))

    def address(self, link: str, node: nodes.Node) -> str:
        document, anchor = links.parse(link)
        here = self.env.docname
        hash_part = f"#{anchor}" if anchor else ""
        if document not in self.env.all_docs:
            logger.warning(
                f"a link to the page “{document}”, which is not in this book (is it in _toc.yml?)",
                location=node,
                type="coursebook",
                subtype="link",
            )
            return hash_part or "#"
        if document == here and anchor:
            return hash_part
        return self.app.builder.get_relative_uri(here, document) + hash_part


def register(app: Sphinx) -> None:
    app.add_post_transform(ResolveBookLinks)
