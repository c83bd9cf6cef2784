"""The references' style: pybtex's ``plain``, with two changes for a course book whose
sources are web pages.

* Each entry names where it was published: the site or publisher (``organization``, or
  ``journaltitle``), then what kind of piece it is (``note``, e.g. “Opinion”).
* Titles keep the capitals they were published with. ``plain`` lower-cases every title
  but its first letter, which turned “Russia's Putin” into “Russia's putin”.

Registered as the pybtex style ``coursebook`` (``bibtex_default_style`` in ``_config.yml``).
"""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.formatting.unsrt import date
from pybtex.style.template import field, first_of, optional, sentence, tag


class BookStyle(Plain):
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


def register() -> None:
    register_plugin("pybtex.style.formatting", "coursebook", BookStyle)
