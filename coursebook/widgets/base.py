"""One widget, two hosts.

Every widget is an ``anywidget.AnyWidget`` whose front end is one bundled ES module
(``coursebook/static/coursebook/widgets/<kind>.js``, built from ``js/widgets/``):

* with a live kernel, anywidget loads that module and syncs the traits both ways;
* in the static book, ``_repr_mimebundle_`` also returns ``text/html``: a container
  with the widget's state as escaped JSON. The book picks that output (see
  ``nb_mime_priority_overrides`` in ``_config.yml``), and the page host
  (``host.js``) loads the *same* sources, bundled as a classic script so that a book
  opened from disk works too, and calls its ``render`` with a stand-in
  model. No require.js, no html-manager, no CDN.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any, ClassVar

import anywidget

WIDGETS = Path(__file__).resolve().parent.parent / "static" / "coursebook" / "widgets"

# Traits every ipywidget has that are not part of a widget's own state.
_FRAMEWORK_TRAITS = {"layout", "tabbable", "tooltip", "comm", "keys", "log"}


def module_path(kind: str) -> Path:
    path = WIDGETS / f"{kind}.js"
    if not path.exists():
        raise FileNotFoundError(
            f"the {kind} widget's JavaScript has not been built ({path}); run `make book` or `npm run build`"
        )
    return path


def embed_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``</script>``,
    no ``<!--``, no HTML entities can break out, whatever the data contains."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def widget_html(kind: str, element_id: str, state: dict, fallback: str, fallback_html: str = "") -> str:
    """A widget for the static page: its state as escaped JSON, and what shows without
    JavaScript (``fallback`` as escaped text, or ``fallback_html`` already escaped)."""
    shown = fallback_html or f'<p class="cb-widget-fallback">{escape(fallback)}</p>'
    return (
        f'<div class="cb-widget" data-cb-widget="{escape(kind)}" id="{escape(element_id)}">'
        f'<script type="application/json">{embed_json(state)}</script>{shown}</div>'
    )


class BookWidget(anywidget.AnyWidget):
    """Base class: subclasses set ``kind`` and ``_esm``/``_css`` and declare synced traits."""

    kind: ClassVar[str] = ""
    fallback: ClassVar[str] = "This interactive exercise needs JavaScript in your browser."

    @property
    def element_id(self) -> str:
        """A deterministic id, so pages and snapshots do not churn between builds."""
        raise NotImplementedError

    def state(self) -> dict:
        """The synced traits that make up the widget's own state."""
        names = [
            name for name in self.trait_names(sync=True) if not name.startswith("_") and name not in _FRAMEWORK_TRAITS
        ]
        return {name: _plain(getattr(self, name)) for name in sorted(names)}

    def static_state(self) -> dict:
        """The state for a page with no kernel (subclasses may add to it). A widget that
        can keep a student's work (a ``persist`` trait) keeps it in localStorage there."""
        state = self.state()
        if "persist" in state:
            state["persist"] = True
        return state

    def static_html(self) -> str:
        return widget_html(self.kind, self.element_id, self.static_state(), self.fallback)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        data = dict(data)
        data["text/html"] = self.static_html()
        return data, metadata


def _plain(value: Any) -> Any:
    """Traitlets containers to plain JSON-ready Python values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
