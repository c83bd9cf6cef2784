"""The manifest gives every non-empty line of the seed a role, and agrees with the seed."""

from __future__ import annotations

import hashlib

import yaml

from coursebook.article import ROLE_LABELS


def load_manifest(root):
    return yaml.safe_load((root / "seeds" / "manifest.yaml").read_text(encoding="utf-8"))


def test_seed_is_the_published_text(root):
    manifest = load_manifest(root)
    seed = root / "seeds" / manifest["seed"]
    assert hashlib.sha256(seed.read_bytes()).hexdigest() == manifest["sha256"]
    # The copy in seeds/ is the one the project was given, byte for byte.
    assert manifest["sha256"] == "66cd30083436d074dc1fdc7b41746e91fd84547b83a99357ac81265c48571606"


def test_every_non_empty_line_has_exactly_one_role(root):
    manifest = load_manifest(root)
    text = (root / "seeds" / manifest["seed"]).read_text(encoding="utf-8").split("\n")
    non_empty = [n for n, line in enumerate(text, start=1) if line.strip()]
    listed = [entry["line"] for entry in manifest["lines"]]
    assert listed == non_empty
    assert all(entry["role"] in ROLE_LABELS for entry in manifest["lines"])


def test_roles_match_the_published_layout(root):
    manifest = load_manifest(root)
    text = (root / "seeds" / manifest["seed"]).read_text(encoding="utf-8").split("\n")
    by_role = {}
    for entry in manifest["lines"]:
        by_role.setdefault(entry["role"], []).append(text[entry["line"] - 1])
    assert by_role["title"] == ["Russia is at a dead-end in Syria"]
    assert by_role["standfirst"][0].startswith("Russia is struggling")
    assert by_role["photo-caption"][0].startswith("Russian President Putin chairs meeting")
    assert by_role["photo-credit"][0].endswith("[Alexei Nikolsky/Reuters]")
    assert by_role["section-heading"] == ["Seeking a way out", "Iran as a bargaining chip?"]
    assert by_role["related-link"] == ["OPINION: Where next for Russia in Syria?"]
    assert by_role["author-bio"][0].startswith("Leonid Issaev is\xa0a lecturer")  # sic: a no-break space
    assert by_role["disclaimer"][0].startswith("The views expressed in this article")
    assert len(by_role["paragraph"]) == 17
    # The pull quote is a paragraph printed twice: its text is also a paragraph's.
    assert len(by_role["pull-quote"]) == 1
    assert by_role["pull-quote"][0] in by_role["paragraph"]


def test_paragraphs_are_numbered_in_order_and_pull_quote_names_its_source(root):
    manifest = load_manifest(root)
    text = (root / "seeds" / manifest["seed"]).read_text(encoding="utf-8").split("\n")
    ids = [e["id"] for e in manifest["lines"] if e["role"] == "paragraph"]
    assert ids == [f"p{n}" for n in range(1, 18)]
    pull = next(e for e in manifest["lines"] if e["role"] == "pull-quote")
    source = next(e for e in manifest["lines"] if e.get("id") == pull["repeats"])
    assert text[pull["line"] - 1] == text[source["line"] - 1]


def test_chapters_cover_the_article_in_order(root):
    manifest = load_manifest(root)
    order = [c["id"] for c in manifest["chapters"]]
    seen = []
    for entry in manifest["lines"]:
        if not seen or seen[-1] != entry["chapter"]:
            seen.append(entry["chapter"])
    assert seen == order
    for chapter in order:
        assert (root / "chapters" / f"{chapter}.md").exists()


def test_the_loader_accepts_the_manifest(book):
    assert len(book.article.paragraphs) == 17
    assert book.article.paragraphs["p13"].text.startswith("First, in 1995")
