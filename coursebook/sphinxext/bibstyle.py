"""The references' style: pybtex's ``plain``, with two changes for a course book whose
sources are web pages.

* Each entry names where it was published: the site or publisher (``organization``, or
  ``journaltitle``), then what kind of piece it is (``note``, e.g. “Opinion”).
* Titles keep the capitals they were published with. ``plain`` lower-cases every title
  but its first letter, which turned “Russia's Putin” into “Russia's putin”.

Registered as the pybtex style ``coursebook`` (``bibtex_default_style`` in ``_config.yml``).

sphinxcontrib-bibtex formats every bibliography again at every build, even when no page
was read: the references page, each chapter's sources and their tooltips name the same
entries some four times over. Each entry is therefore formatted once (its text does not
depend on the label, which is added afterwards), and the formatted texts are kept beside
the doctrees for the next build, keyed on each entry's content and on the engine's code.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from pybtex.plugin import register_plugin
from pybtex.style import FormattedEntry
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.formatting.unsrt import date
from pybtex.style.template import field, first_of, optional, sentence, tag

#: An entry's content -> its formatted text; what this build used, to keep for the next.
_FORMATTED: dict[tuple, object] = {}
_USED: set[tuple] = set()
CACHE = "coursebook-references.pickle"


def _content(entry) -> tuple:
    fields = tuple(sorted((name, str(value)) for name, value in entry.fields.items()))
    persons = tuple((role, tuple(str(p) for p in people)) for role, people in sorted(entry.persons.items()))
    return entry.key, entry.type, fields, persons


class BookStyle(Plain):
    def format_entry(self, label, entry, bib_data=None):
        key = _content(entry)
        _USED.add(key)
        if key not in _FORMATTED or bib_data is not None:
            _FORMATTED[key] = super().format_entry(label, entry, bib_data).text
        return FormattedEntry(entry.key, _FORMATTED[key], label)

    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)
        return sentence[title] if as_sentence else title

    def get_online_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            self.format_title(e, "title"),
            sentence[
                first_of[optional[tag("em")[field("organization")]], optional[tag("em")[field("journaltitle")]]],
                optional[field("note")],
                optional[date],
                optional[field("caveat")],
            ],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        return self.get_online_template(e)


def _load(app) -> None:
    try:
        saved = pickle.loads((Path(app.doctreedir) / CACHE).read_bytes())
    except Exception:  # noqa: BLE001 - no cache, or one from another version: format afresh
        return
    if isinstance(saved, dict) and saved.get("engine") == app.config.coursebook_engine:
        _FORMATTED.update(saved.get("entries", {}))


def _save(app, exception) -> None:
    if exception is not None:
        return
    entries = {key: _FORMATTED[key] for key in _USED if key in _FORMATTED}
    try:
        (Path(app.doctreedir) / CACHE).write_bytes(
            pickle.dumps({"engine": app.config.coursebook_engine, "entries": entries})
        )
    except (OSError, pickle.PicklingError):
        pass  # the next build formats the entries again


def register(app=None) -> None:
    register_plugin("pybtex.style.formatting", "coursebook", BookStyle)
    if app is not None:
        app.connect("builder-inited", _load)
        app.connect("build-finished", _save)
