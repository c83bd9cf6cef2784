"""The author's words: the seed file and the manifest that gives each line its role.

Nothing here edits the text. :class:`Article` reads the seed as bytes, checks its
hash against the manifest, and hands out lines exactly as written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import schemas, yamlio
from .errors import Problems

ROLE_LABELS = {
    "title": "Headline",
    "standfirst": "Standfirst",
    "photo-caption": "Photo caption",
    "photo-credit": "Caption and photo credit",
    "section-heading": "Section heading",
    "paragraph": "Paragraph",
    "pull-quote": "Pull quote",
    "related-link": "Related link",
    "author-bio": "About the author",
    "disclaimer": "Publisher’s disclaimer",
}

ROLE_NOTES = {
    "title": "The headline, as published.",
    "standfirst": "The one-sentence summary printed under the headline.",
    "photo-caption": "A description of the lead photograph (the photograph itself is not reproduced).",
    "photo-credit": "The caption printed under the photograph; the credit is in square brackets.",
    "section-heading": "A crosshead that the outlet printed inside the article.",
    "pull-quote": (
        "A display quote: the page repeats a sentence from elsewhere in the article, here {repeats}, "
        "in large type. It is not a new paragraph of the argument."
    ),
    "related-link": "A link to another opinion piece that the outlet inserted into the text.",
    "author-bio": "The outlet’s note on the author.",
    "disclaimer": "The outlet’s standard note under every opinion piece.",
}


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the seed
    text: str
    role: str
    chapter: str
    id: str | None = None  # p1 ... for paragraphs
    repeats: str | None = None  # for the pull quote

    @property
    def label(self) -> str:
        if self.role == "paragraph":
            return f"¶{self.id[1:]}"
        return ROLE_LABELS[self.role]

    @property
    def note(self) -> str:
        if self.role == "paragraph":
            return ""
        return ROLE_NOTES[self.role].format(repeats=f"¶{self.repeats[1:]}" if self.repeats else "")


class Article:
    def __init__(self, manifest: schemas.Manifest, seed_path: Path, lines: list[Line]):
        self.manifest = manifest
        self.info = manifest.article
        self.seed_path = seed_path
        self.lines = lines
        self.chapters = manifest.chapters
        self.paragraphs = {line.id: line for line in lines if line.role == "paragraph"}

    def chapter_lines(self, chapter: str) -> list[Line]:
        return [line for line in self.lines if line.chapter == chapter]

    def chapter_of(self, paragraph: str) -> str:
        return self.paragraphs[paragraph].chapter

    @classmethod
    def load(cls, seeds_dir: Path, problems: Problems) -> Article | None:
        manifest_path = seeds_dir / "manifest.yaml"
        if not manifest_path.exists():
            problems.add(manifest_path, 1, "the manifest is missing")
            return None
        raw = yamlio.load(manifest_path, problems)
        if raw is None:
            if not problems.failed(manifest_path):
                problems.add(
                    manifest_path,
                    1,
                    "the manifest is empty; it must give the seed, the article’s details and its lines",
                )
            return None
        manifest = schemas.validate(schemas.Manifest, raw, path=manifest_path, problems=problems)
        if manifest is None:
            return None
        seed_path = seeds_dir / manifest.seed
        if not seed_path.is_file():
            problems.add(manifest_path, raw.line_of("seed"), f"the seed file “{manifest.seed}” does not exist")
            return None
        data = seed_path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != manifest.sha256:
            problems.add(
                seed_path,
                1,
                "the article’s text has changed: its SHA-256 no longer matches the manifest. "
                "The seed must stay byte-identical to the published article.",
            )
        text = yamlio.read_text(seed_path, problems)
        if text is None:
            return None
        text_lines = text.split("\n")
        lines = _check_lines(manifest, raw, text_lines, manifest_path, problems)
        return cls(manifest, seed_path, lines)


def _check_lines(manifest, raw, text_lines, path, problems: Problems) -> list[Line]:
    raw_lines = raw["lines"]
    chapter_ids = [c.id for c in manifest.chapters]
    listed = {entry.line for entry in manifest.lines}
    lines: list[Line] = []
    previous = 0
    seen_ids: set[str] = set()
    for index, entry in enumerate(manifest.lines):
        where = raw_lines.line_of(index)
        if entry.line <= previous:
            problems.add(path, where, f"line {entry.line} is listed out of order or twice")
        previous = max(previous, entry.line)
        if entry.line > len(text_lines) or not text_lines[entry.line - 1].strip():
            problems.add(path, where, f"line {entry.line} of the seed is empty or does not exist")
            continue
        if entry.chapter not in chapter_ids:
            problems.add(path, where, f"chapter “{entry.chapter}” is not in the manifest’s list of chapters")
        if entry.role == "paragraph":
            if not entry.id:
                problems.add(path, where, "a paragraph needs an “id” (p1, p2, …)")
            elif entry.id in seen_ids:
                problems.add(path, where, f"the paragraph id “{entry.id}” is used twice")
            seen_ids.add(entry.id or "")
        elif entry.id:
            problems.add(path, where, f"only paragraphs have an id; this line is a {entry.role}")
        if entry.role == "pull-quote" and not entry.repeats:
            problems.add(path, where, "a pull quote must say which paragraph it “repeats”")
        lines.append(Line(entry.line, text_lines[entry.line - 1], entry.role, entry.chapter, entry.id, entry.repeats))
    for number, text in enumerate(text_lines, start=1):
        if text.strip() and number not in listed:
            problems.add(path, raw_lines.line, f"line {number} of the seed is not in the manifest: “{text[:60]}”")
    expected = [f"p{n}" for n in range(1, len(seen_ids) + 1)]
    numbered = [line.id for line in lines if line.role == "paragraph"]
    if numbered != expected[: len(numbered)]:
        problems.add(path, raw_lines.line, "paragraph ids must run p1, p2, p3, … in the order of the text")
    by_id = {line.id: line for line in lines if line.id}
    for index, line in enumerate(lines):
        if line.repeats:
            target = by_id.get(line.repeats)
            if target is None:
                problems.add(
                    path, raw_lines.line_of(index), f"the pull quote repeats “{line.repeats}”, which does not exist"
                )
            elif target.text != line.text:
                problems.add(path, raw_lines.line_of(index), f"the pull quote’s text differs from {line.repeats}")
    order = [line.chapter for line in lines]
    runs = [c for i, c in enumerate(order) if i == 0 or order[i - 1] != c]
    if runs != [c for c in chapter_ids if c in order]:
        problems.add(
            path, raw_lines.line, "each chapter’s lines must be one unbroken run, in the order of the chapter list"
        )
    return lines
