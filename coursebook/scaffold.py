"""``python -m coursebook new``: a complete course book for another article.

ARTICLE is plain text: the title on the first line, then blocks separated by blank lines.
The new book gets a byte-identical copy of it in ``seeds/`` and a manifest whose roles
are *inferred* (:func:`infer_roles`), each marked ``inferred: true`` for the instructor
to review; chapters (:func:`split_chapters`); the front page, "Read the article", one
page per chapter, the reference pages, the progress page and the instructors' page; a
``data/`` folder of valid files with commented examples; and its own README, Jupyter
Book configuration, Makefile and ``.ci/run``. The words come from the templates in
``coursebook/templates/book/``; this module only decides what goes where.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: A line at most this long, not ending with a full stop, reads as a section heading.
HEADING_MAX = 80
#: Chapters without headings take this many paragraphs (the last may take fewer or more).
CHUNK = 4
#: Pages every book has, written from the templates; a chapter id must not take one of these names.
RESERVED = (
    "index",
    "read-the-article",
    "glossary",
    "people",
    "places",
    "timeline",
    "references",
    "progress",
    "instructors",
)
#: The files of data/ every new book gets (besides the quiz banks and references.bib).
DATA_FILES = "objectives annotations layers glossary people organisations places events claims evidence prompts periods eras maps".split()
_CLOSERS = "\"'”’»)]"


class ScaffoldError(Exception):
    """Why the book cannot be created, in one sentence."""


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    published: str  # YYYY-MM-DD
    publisher: str
    url: str | None = None

    @property
    def cite(self) -> str:
        surname = re.sub(r"[^a-z]", "", self.author.split()[-1].lower()) or "article"
        word = next((w for w in slug(self.title).split("-") if len(w) > 3), "article")
        return f"{surname}{self.published[:4]}{word}"


@dataclass
class Block:
    """One non-empty line of the seed and what it is taken to be."""

    line: int  # 1-based
    text: str
    role: str = "paragraph"
    id: str | None = None
    repeats: str | None = None
    chapter: str = ""


@dataclass
class ChapterPlan:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b.id for b in self.blocks if b.role == "paragraph" and b.id]

    @property
    def span(self) -> str:
        first, last = self.paragraphs[0][1:], self.paragraphs[-1][1:]
        return f"¶{first}" if first == last else f"¶{first}–¶{last}"


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    return "-".join(words[:6])


def is_heading(text: str) -> bool:
    """Short, and no final full stop (closing quotes and brackets aside)."""
    stripped = text.strip().rstrip(_CLOSERS)
    return len(text.strip()) <= HEADING_MAX and not stripped.endswith((".", "…"))


def infer_roles(text: str) -> list[Block]:
    """The title, section headings, pull quotes (a repeat of an earlier paragraph) and
    paragraphs, numbered p1, p2, … in order."""
    blocks = [Block(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not blocks:
        raise ScaffoldError("the article is empty: its first line must be the title")
    blocks[0].role = "title"
    seen: dict[str, str] = {}
    number = 0
    for block in blocks[1:]:
        key = block.text.strip()
        if key in seen:
            block.role, block.repeats = "pull-quote", seen[key]
        elif is_heading(block.text):
            block.role = "section-heading"
        else:
            number += 1
            block.id = f"p{number}"
            seen[key] = block.id
    if not number:
        raise ScaffoldError("the article has no paragraph: after the title, every block reads as a heading")
    return blocks


def wrapped(text: str) -> list[int]:
    """The first line of each block that runs over several lines (hard-wrapped text): each
    of its lines becomes a paragraph of its own, which the instructor should know."""
    starts, previous = [], ""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() and previous.strip() and (not starts or starts[-1][1] != number - 1):
            starts.append((number - 1, number))
        elif line.strip() and previous.strip():
            starts[-1] = (starts[-1][0], number)
        previous = line
    return [start for start, _ in starts]


def _sections(blocks: list[Block]) -> list[tuple[str | None, list[Block]]]:
    """Runs of blocks, each starting at a section heading (the first may have none)."""
    runs: list[tuple[str | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.role == "section-heading":
            runs.append((block.text.strip().rstrip(":").strip(), []))
        runs[-1][1].append(block)
    return [run for run in runs if run[1]]


def _chunks(blocks: list[Block]) -> list[list[Block]]:
    """Split a run into pieces of three or four paragraphs; other lines go with the
    paragraph after them (or before them, at the end)."""
    count = sum(b.role == "paragraph" for b in blocks)
    pieces = max(1, -(-count // CHUNK))
    sizes = [count // pieces + (i < count % pieces) for i in range(pieces)]
    out: list[list[Block]] = [[]]
    taken = 0
    for block in blocks:
        if block.role == "paragraph" and taken == sizes[len(out) - 1]:
            out.append([])
            taken = 0
        out[-1].append(block)
        taken += block.role == "paragraph"
    return out


def split_chapters(blocks: list[Block]) -> list[ChapterPlan]:
    """Chapters at section headings, and every three or four paragraphs within a longer
    run; a run without a paragraph joins the next chapter (or the last)."""
    plans: list[ChapterPlan] = []
    pending: list[Block] = []
    for heading, run in _sections(blocks):
        for n, piece in enumerate(_chunks(pending + run)):
            pending = []
            if not any(b.role == "paragraph" for b in piece):
                pending = piece
                continue
            title = heading if heading and n == 0 else (f"{heading} ({n + 1})" if heading else "")
            plans.append(ChapterPlan("", title, piece))
    if pending:
        plans[-1].blocks += pending
    used = set(RESERVED)
    for number, plan in enumerate(plans, start=1):
        base = slug(plan.title) or f"part-{number}"
        plan.title = plan.title or f"Part {number} ({plan.span})"
        ident = base if base not in used else f"{base}-{number}"
        used.add(ident)
        plan.id = ident
        for block in plan.blocks:
            block.chapter = ident
    return plans


# --- writing the book ------------------------------------------------------------------------


def template(name: str) -> str:
    return resources.files("coursebook").joinpath("templates", "book", name).read_text(encoding="utf-8")


def fill(text: str, values: dict[str, str]) -> str:
    """``{{name}}`` → ``values[name]``; an unknown name is a bug in the templates."""
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], text)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _md(text: str) -> str:
    """Text safe inside Markdown (a heading, a table cell or a link's text)."""
    return re.sub(r"([\\`*_\[\]<>|#{}$])", r"\\\1", text.strip())


def manifest_text(meta: Meta, seed: str, digest: str, plans: list[ChapterPlan]) -> str:
    out = [
        *template("seeds/manifest-head.yaml").splitlines(),
        f"seed: {_q(seed)}",
        f"sha256: {digest}",
        "article:",
        f"  title: {_q(meta.title)}",
        f"  author: {_q(meta.author)}",
        f"  outlet: {_q(meta.publisher)}",
        f"  published: {meta.published}",
        *([f"  url: {_q(meta.url)}"] if meta.url else []),
        f"  cite: {meta.cite}",
        "",
        "chapters:",
    ]
    for plan in plans:
        out += [f"  - id: {plan.id}", f"    title: {_q(plan.title)}"]
    out += ["", "lines:"]
    for plan in plans:
        for b in plan.blocks:
            extra = (f", id: {b.id}" if b.id else "") + (f", repeats: {b.repeats}" if b.repeats else "")
            out.append(f"  - {{line: {b.line}, role: {b.role}{extra}, chapter: {b.chapter}, inferred: true}}")
    return "\n".join(out) + "\n"


def toc_text(plans: list[ChapterPlan]) -> str:
    def part(caption: str, files: list[str], numbered: bool = False) -> list[str]:
        lines = [f"  - caption: {caption}", *(["    numbered: true"] if numbered else []), "    chapters:"]
        return lines + [f"      - file: chapters/{name}" for name in files]

    out = [
        "# Reading order. Chapter ids are in seeds/manifest.yaml.",
        "format: jb-book",
        "root: chapters/index",
        "parts:",
    ]
    out += part("Read first", ["read-the-article"])
    out += part("The article", [p.id for p in plans], numbered=True)
    out += part("Reference", ["glossary", "people", "places", "timeline", "references", "progress"])
    out += part("For instructors", ["instructors"])
    return "\n".join(out) + "\n"


def bib_entry(meta: Meta) -> str:
    """The text's own entry in references.bib (braces in the fields are dropped)."""

    def clean(text: str) -> str:
        return text.replace("{", "").replace("}", "")

    fields = [
        f"  author = {{{clean(meta.author)}}}",
        f"  title = {{{{{clean(meta.title)}}}}}",
        f"  organization = {{{clean(meta.publisher)}}}",
        f"  date = {{{meta.published}}}",
        f"  year = {{{meta.published[:4]}}}",
    ]
    if meta.url:
        fields.append(f"  url = {{{meta.url}}}")
    return f"@online{{{meta.cite},\n" + ",\n".join(fields) + ",\n}\n"


def _values(meta: Meta, plans: list[ChapterPlan], seed: str) -> dict[str, str]:
    import datetime

    first = plans[0]
    rows = [f"| [{_md(p.title)}]({p.id}.md) | {p.span} |" for p in plans]
    return {
        "title": _md(meta.title),
        "title_yaml": meta.title.replace("\\", "\\\\").replace('"', '\\"'),
        "author": _md(meta.author),
        "publisher": _md(meta.publisher),
        "published": meta.published,
        "published_long": datetime.date.fromisoformat(meta.published).strftime("%-d %B %Y"),
        "cite": meta.cite,
        "seed": seed,
        "python": sys.executable,
        "author_id": slug(meta.author) or "the-author",
        "first_id": first.id,
        "first_title": _md(first.title),
        "chapter_rows": "\n".join(rows),
        "article_entry": bib_entry(meta),
        "year": str(datetime.date.today().year),
    }


def _chapter_values(plan: ChapterPlan, values: dict[str, str]) -> dict[str, str]:
    return {
        **values,
        "id": plan.id,
        "chapter_title": _md(plan.title),
        "span": plan.span,
        "first_paragraph": f"¶{plan.paragraphs[0][1:]}",
        "first_paragraph_id": plan.paragraphs[0],
    }


def _files(meta: Meta, plans: list[ChapterPlan], seed: str, manifest: str) -> dict[str, str]:
    """Every file of the new book but the seed: path -> text."""
    values = _values(meta, plans, seed)
    header = template("chapters/_header.md")
    # Only pages with code cells are notebooks: the others would start a kernel for nothing.
    files = {f"chapters/{name}.md": fill(template(f"chapters/{name}.md"), values) for name in RESERVED}
    files = {rel: (header + text if "{code-cell}" in text else text) for rel, text in files.items()}
    for plan in plans:
        chapter = _chapter_values(plan, values)
        files[f"chapters/{plan.id}.md"] = header + fill(template("chapters/chapter.md"), chapter)
        files[f"data/quizzes/{plan.id}.yaml"] = fill(template("data/quiz.yaml"), chapter)
    for name in DATA_FILES:
        files[f"data/{name}.yaml"] = fill(template(f"data/{name}.yaml"), values)
    files["data/references.bib"] = fill(template("data/references.bib"), values)
    for name in ("README.md", "_config.yml", "Makefile"):
        files[name] = fill(template(name), values)
    files[".ci/run"] = template("ci-run")
    files["_toc.yml"] = toc_text(plans)
    files["seeds/manifest.yaml"] = manifest
    return files


def create(article: Path, dest: Path, meta: Meta) -> list[Path]:
    """Write the new book into ``dest`` (which must not exist, or be empty); return its files."""
    _check_meta(meta)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ScaffoldError(f"{dest} already exists and is not empty: choose a new folder")
    try:
        data = article.read_bytes()
        text = data.decode("utf-8")
    except OSError as exc:
        raise ScaffoldError(f"cannot read {article} ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ScaffoldError(f"{article} is not UTF-8 text (byte {exc.start}): save it as UTF-8") from None
    if "\r" in text:
        raise ScaffoldError(f"{article} has Windows line endings (CR LF): save it with plain LF line endings")
    blocks = infer_roles(text)
    plans = split_chapters(blocks)
    seed = slug(f"{meta.author.split()[-1]} {meta.published[:4]} {meta.title}") + ".txt"
    manifest = manifest_text(meta, seed, hashlib.sha256(data).hexdigest(), plans)
    written = []
    for rel, content in {**_files(meta, plans, seed, manifest)}.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    (dest / ".ci" / "run").chmod(0o755)
    (dest / "seeds" / seed).write_bytes(data)  # byte-identical
    return [*written, dest / "seeds" / seed]


def _check_meta(meta: Meta) -> None:
    import datetime

    from .bib import well_formed_url

    for name in ("title", "author", "publisher"):
        if not getattr(meta, name).strip():
            raise ScaffoldError(f"--{name} must not be empty")
    try:
        datetime.date.fromisoformat(meta.published)
    except ValueError:
        raise ScaffoldError(f"--published must be a date written YYYY-MM-DD, not “{meta.published}”") from None
    if meta.url is not None and not well_formed_url(meta.url):
        raise ScaffoldError(f"--url must be a web address (https://…), not “{meta.url}”")
