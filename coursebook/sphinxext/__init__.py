"""The Sphinx side of the engine: checks before the build, directives, page assets.

Registered in ``_config.yml`` under ``sphinx.extra_extensions``. What it does:

* before anything is read, loads the whole book with :meth:`Book.load`; problems are
  printed as ``file:line: message`` and the build stops, so bad data never yields a
  half-built site;
* makes each page depend on exactly the files of ``seeds/`` and ``data/`` it reads
  (:mod:`.dependencies`), so an edit to one quiz bank rebuilds the pages that show it;
* resolves the engine's links through the builder (:mod:`.linking`), for html and dirhtml;
* provides the directives chapters use (``article``, ``objectives``);
* ships the engine's CSS and the widget host, the host only on pages with widgets;
* removes what would make a page fetch from another host (sphinx-thebe's loader), and
  fixes the theme's accessibility and console errors at their source (template overrides);
* keeps each page light (:mod:`.assets`): one purged stylesheet, a cut-down icon font,
  no script a page does not use, and a meta description.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..book import Book
from ..errors import DataError
from ..paths import find_root
from . import (
    assets,
    bibstyle,
    context,
    dependencies,
    directives,
    instructor,
    lessons,
    linking,
    nodes,
    previews,
    shared,
)

logger = logging.getLogger(__name__)

ENGINE = Path(__file__).resolve().parent.parent
STATIC = ENGINE / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
WIDGET_MARKER = 'data-cb-widget="'
EDITIONS = ("student", "instructor")


def _load_book(app: Sphinx, config: Config) -> None:
    root = find_root(Path(app.srcdir))
    try:
        app.coursebook = Book.load(root)  # type: ignore[attr-defined]
    except DataError as exc:
        sys.stderr.write("\nThe book was not built, because its sources have problems:\n\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {problem}\n")
        sys.stderr.write(f"\n{len(exc.problems)} problem(s). Fix them and build again (`make check` lists them).\n")
        sys.stderr.flush()
        # SystemExit passes through jupyter-book's exception handler, so no traceback
        # is printed and nothing has been written yet.
        raise SystemExit(1) from None


def _edition(app: Sphinx, config: Config) -> None:
    """Student or instructor: the config value ``coursebook_edition`` (``make instructor``
    sets it, see :func:`coursebook.building.command`). Switching re-reads every page."""
    edition = config.coursebook_edition
    if edition not in EDITIONS:
        sys.stderr.write(f"coursebook_edition must be one of {', '.join(EDITIONS)}, not “{edition}”.\n")
        raise SystemExit(1)
    # The notebooks' kernels, which this build starts, inherit it (Book.edition reads it):
    # the config value is the one source, the variable only carries it to them.
    os.environ["COURSEBOOK_EDITION"] = edition
    if edition == "instructor":
        config.html_theme_options["announcement"] = (
            "Instructor edition: it shows answer keys and teaching notes. Publish the student edition to students."
        )


def _theme_fixes(app: Sphinx, config: Config) -> None:
    # Our template overrides (accessible names for two theme buttons) come first.
    config.templates_path.insert(0, str(TEMPLATES))
    # With no default, the theme's script starts in mode "" and logs a console error.
    config.html_context.setdefault("default_mode", "auto")
    # Without an icon, browsers ask the host root for /favicon.ico: a 404 (and a
    # console error) whenever the book is served under a sub-path.
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "coursebook" / "favicon.svg")


def _static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def _unwanted_script(script) -> bool:
    attributes = getattr(script, "attributes", {})
    # sphinx-thebe declares THEBE_JS_URL twice (a SyntaxError on every page) and its
    # loader points at unpkg.com; with no kernel to talk to, neither belongs here.
    if "thebe" in str(getattr(script, "filename", "") or "") or "THEBE_JS_URL" in str(attributes.get("body", "")):
        return True
    # myst-nb embeds the saved widget state for ipywidgets' html-manager, which this
    # book does not use: our widgets carry their own state. Without this, every page
    # with a widget would also carry a copy of the widget's JavaScript source.
    return attributes.get("type") == "application/vnd.jupyter.widget-state+json"


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files", [])
    scripts[:] = [s for s in scripts if not _unwanted_script(s)]
    body = context.get("body", "")
    # docutils marks each citation role="doc-biblioentry" inside a role="list" container;
    # axe (rightly) wants list items there, a critical violation on the references page.
    if 'role="doc-biblioentry"' in body:
        body = context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')
    # Classic deferred scripts, not modules: the book must also work opened from disk.
    if WIDGET_MARKER in body:
        app.add_js_file("coursebook/widgets/host.js", defer="defer")
    if "cb-map" in body:
        app.add_css_file("coursebook/map.css")
    if re.search(r'class="[^"]*\bcb-term\b', body):
        # The term links' previews: named here (with its ?v= checksum) but not run, since
        # type="text/plain"; annotate.js loads it when a reader first points at a term.
        app.add_js_file(previews.PREVIEWS_JS, type="text/plain", id="cb-previews")
    if 'data-cb-widget="progress"' in body:
        app.add_js_file(shared.PROGRESS_JS, type="text/plain", id=shared.PROGRESS_ID)
    if re.search(r'class="[^"]*\bcb-(article|term)\b', body):
        app.add_js_file("coursebook/widgets/annotate.js", defer="defer")


def setup(app: Sphinx) -> dict:
    bibstyle.register(app)
    app.add_config_value("coursebook_edition", "student", "env")
    app.connect("config-inited", _load_book, priority=100)
    app.connect("config-inited", _edition)
    app.connect("config-inited", _theme_fixes)
    app.connect("builder-inited", _static_path)
    app.connect("html-page-context", _page_assets)
    app.add_css_file("coursebook/book.css")
    nodes.register(app)
    directives.register(app)
    context.register(app)
    instructor.register(app)
    lessons.register(app)
    linking.register(app)
    dependencies.register(app)
    previews.register(app)
    shared.register(app)
    assets.register(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
