"""References: read ``data/references.bib`` with the line of every entry.

pybtex does the parsing (it is what sphinxcontrib-bibtex uses, so what passes
here renders there); a light scan of the file supplies line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pybtex.database import parse_string
from pybtex.scanner import PybtexError

from . import yamlio
from .errors import Problems

_ENTRY = re.compile(r"^[ \t]*@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@dataclass(frozen=True)
class Reference:
    key: str
    line: int
    type: str
    title: str
    url: str
    year: str
    author: str
    #: Why a weak or state-run source is kept (the ``caveat`` field), shown with the entry.
    caveat: str = ""

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


def load(path: Path, problems: Problems, own: str = "") -> dict[str, Reference]:
    """The references; ``own`` is the key of the text's own entry, which may lack a url
    (a text printed only on paper): the book holds that text itself, in seeds/."""
    if not path.is_file():
        problems.add(path, 1, "the references file is missing; every source the book cites is listed there")
        return {}
    text = yamlio.read_text(path, problems)
    if text is None:
        return {}
    if not text.strip():
        problems.add(path, 1, "the references file is empty; it must hold at least the article’s own entry")
        return {}
    lines = _entry_lines(path, text, problems)
    try:
        database = parse_string(text, "bibtex")
    except (PybtexError, ValueError, TypeError, IndexError, KeyError) as exc:
        if "repeated bibliography entry" not in str(exc):  # already reported, with both lines
            problems.add(path, _line_of_error(exc, text), f"this is not valid BibTeX ({exc})")
        return {}
    refs: dict[str, Reference] = {}
    for key, entry in database.entries.items():
        line = lines.get(key.lower(), 1)
        _check_entry(path, line, key, entry, own, problems)
        fields = entry.fields
        author = plain(
            " and ".join(str(p) for p in entry.persons.get("author", []))
            or fields.get("organization", fields.get("publisher", ""))
        )
        refs[key] = Reference(
            key=key,
            line=line,
            type=entry.type,
            title=plain(fields.get("title", "")),
            url=fields.get("url", ""),
            year=fields.get("year", ""),
            author=author,
            caveat=fields.get("caveat", "").strip(),
        )
    return refs


def _entry_lines(path: Path, text: str, problems: Problems) -> dict[str, int]:
    """Each key's line (keys compared ignoring case, as BibTeX does); a key used twice is
    reported with both lines."""
    lines: dict[str, int] = {}
    for match in _ENTRY.finditer(text):
        key = match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if key.lower() in lines:
            problems.add(path, line, f"the reference key “{key}” is used twice (first on line {lines[key.lower()]})")
        lines.setdefault(key.lower(), line)
    return lines


def _check_entry(path: Path, line: int, key: str, entry, own: str, problems: Problems) -> None:
    """The fields every entry needs: a well-formed url (except the text's own entry), a
    title, and an author or organisation the bibliography style can print."""
    fields = entry.fields
    url = fields.get("url", "")
    if not url and key != own:
        problems.add(path, line, f"the reference “{key}” needs a “url” field with a web address")
    elif url and not well_formed_url(url):
        problems.add(
            path,
            line,
            f"the reference “{key}” has a “url” that is not a web address: “{url[:80]}” (write https://…)",
        )
    if not fields.get("title"):
        problems.add(path, line, f"the reference “{key}” needs a “title”")
    if entry.type not in ("online", "misc") and not entry.persons.get("author"):
        # The bibliography style cannot print such an entry without an author.
        problems.add(
            path,
            line,
            f"the reference “{key}” is an @{entry.type} and needs an “author” (or make it an @online with an “organization”)",
        )
    elif not entry.persons.get("author") and not fields.get("organization"):
        problems.add(path, line, f"the reference “{key}” needs an “author” or an “organization”")


_MARKUP = re.compile(r"\\([%&_$#{}])|[{}]")


def plain(text: str) -> str:
    """BibTeX text as a reader sees it: case-protecting braces dropped, ``\\%`` made ``%``."""
    return _MARKUP.sub(lambda m: m.group(1) or "", text)


def well_formed_url(url: str) -> bool:
    """An absolute http(s) address with a host name and no spaces."""
    if any(c.isspace() for c in url) or any(ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "." in host and not host.startswith(".") and not host.endswith(".")


def _line_of_error(exc: PybtexError, text: str) -> int:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else 1
