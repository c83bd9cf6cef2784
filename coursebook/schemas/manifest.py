"""``seeds/manifest.yaml``: the article's details and the role of every line of the seed."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Date, Id, ParagraphId, Record, Text

Role = Literal[
    "title",
    "standfirst",
    "photo-caption",
    "photo-credit",
    "section-heading",
    "paragraph",
    "pull-quote",
    "related-link",
    "author-bio",
    "disclaimer",
]


class ManifestLine(Record):
    line: int = Field(ge=1)
    role: Role
    chapter: Id
    id: ParagraphId | None = None
    repeats: ParagraphId | None = None
    # Set by `coursebook new`: the role and chapter were guessed, for a person to review.
    inferred: bool = False


class ArticleInfo(Record):
    title: Text
    author: Text
    outlet: Text
    section: Text | None = None
    published: Date
    url: Text | None = None  # where the text was published online, if it was
    cite: Text


class ChapterInfo(Record):
    id: Id
    title: Text


class Manifest(Record):
    seed: Text
    #: A stable id for the book: it names the browser's storage (with the edition) and the
    #: students' exported answers. Without one, the article's citation key is used.
    book_id: Id | None = None
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    article: ArticleInfo
    chapters: list[ChapterInfo] = Field(min_length=1)
    lines: list[ManifestLine] = Field(min_length=1)
