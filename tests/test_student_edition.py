"""The student edition publishes no teaching note: not in a page, not in a copy of a page's
source (Sphinx's ``_sources/``), not in any other file of the built site."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

OPEN = re.compile(r"^(:{3,})\{instructor\}\s*$")
# Plain words only: a phrase made of them reads the same in Markdown, HTML and plain text.
WORD = re.compile(r"^[A-Za-z][a-z]*[,.;]?$")
PHRASE = 7


def teaching_notes(source: str) -> list[str]:
    """The text of every ``:::{instructor}`` block in a chapter's source."""
    notes, body, fence = [], None, ""
    for line in source.split("\n"):
        if body is None:
            match = OPEN.match(line)
            if match:
                body, fence = [], match.group(1)
        elif line.strip() == fence:
            notes.append("\n".join(body))
            body = None
        else:
            body.append(line)
    return notes


def phrases(note: str) -> list[str]:
    """Runs of seven plain words (no markup, no quotes), one per paragraph of the note."""
    found = []
    for paragraph in re.split(r"\n\s*\n", note):
        words = paragraph.split()
        for start in range(len(words) - PHRASE + 1):
            window = words[start : start + PHRASE]
            if all(WORD.match(w) for w in window):
                found.append(" ".join(window))
                break
    return found


def note_phrases() -> dict[str, list[str]]:
    out = {}
    for path in sorted((ROOT / "chapters").glob("*.md")):
        for note in teaching_notes(path.read_text(encoding="utf-8")):
            out.setdefault(path.name, []).extend(phrases(note))
    return out


def test_the_phrases_are_found_where_the_notes_are(tmp_path: Path):
    """The search below can fail: every phrase is found in a copy of its own chapter."""
    notes = note_phrases()
    assert sum(len(p) for p in notes.values()) >= 10, notes
    for name, found in notes.items():
        text = " ".join((ROOT / "chapters" / name).read_text(encoding="utf-8").split())
        for phrase in found:
            assert phrase in text


def test_no_file_of_the_student_edition_holds_a_teaching_note(site: Path):
    assert not (site / "_sources").exists(), "the student edition publishes the chapters' sources"
    wanted = {phrase: name for name, found in note_phrases().items() for phrase in found}
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix in {".woff2", ".png", ".jpg", ".ico", ".pdf"}:
            continue
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
        leaks += [f"{path.relative_to(site)}: “{p}” (a teaching note in {n})" for p, n in wanted.items() if p in text]
    assert not leaks, "\n".join(leaks[:20])
