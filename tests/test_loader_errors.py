"""Bad input gets a clear error: ``file:line: plain sentence``, never a traceback.

Each test breaks one thing in a copy of the book and checks the exact place and
wording of what the loader reports.
"""

from __future__ import annotations

import pytest
from conftest import edit, line_of

from coursebook import Book, DataError


def problems(root) -> list[str]:
    with pytest.raises(DataError) as info:
        Book.load(root)
    return [str(p) for p in info.value.problems]


def test_the_real_book_loads(book):
    assert book.article.info.author == "Leonid Issaev"


def test_broken_yaml_names_the_line(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    line = line_of(path, "id: explain-the-hope")
    edit(path, "id: explain-the-hope", "id: explain-the-hope\n  text: [unclosed")
    found = problems(book_copy)
    assert len(found) == 1
    assert found[0].startswith(f"data/objectives.yaml:{line + 1}: this is not valid YAML")


def test_a_colon_in_a_value_gets_a_hint(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    line = line_of(path, "id: explain-the-hope")
    edit(path, "id: explain-the-hope", "id: explain: the hope")
    found = problems(book_copy)
    assert found == [
        f"data/objectives.yaml:{line}: this is not valid YAML (a colon inside a value confuses YAML; put the whole value in quotes)"
    ]


def test_a_changed_seed_stops_everything(book_copy):
    seed = next((book_copy / "seeds").glob("*.txt"))
    edit(seed, "meagre", "meager")
    found = problems(book_copy)
    assert found == [
        f"seeds/{seed.name}:1: the article’s text has changed: its SHA-256 no longer matches the manifest. "
        "The seed must stay byte-identical to the published article."
    ]


def test_a_line_missing_from_the_manifest_is_named(book_copy):
    manifest = book_copy / "seeds" / "manifest.yaml"
    edit(manifest, "  - {line: 43, role: related-link, chapter: iran-bargaining-chip}\n", "")
    found = problems(book_copy)
    assert len(found) == 1
    assert "line 43 of the seed is not in the manifest: “OPINION: Where next for Russia in Syria?”" in found[0]


def test_an_unknown_role_lists_the_allowed_ones(book_copy):
    manifest = book_copy / "seeds" / "manifest.yaml"
    line = line_of(manifest, "{line: 43, role: related-link")
    edit(manifest, "role: related-link", "role: related-links")
    found = problems(book_copy)
    assert found[0].startswith(
        f"seeds/manifest.yaml:{line}: “related-links” is not allowed for “role”; use one of: title, standfirst"
    )


def test_a_duplicate_id_names_both_places(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    first = line_of(path, "id: explain-the-hope")
    second = line_of(path, "id: hope-distinguish-fact-opinion")
    edit(path, "id: hope-distinguish-fact-opinion", "id: explain-the-hope")
    found = problems(book_copy)
    assert (
        f"data/objectives.yaml:{second}: the id “explain-the-hope” is used twice (also at line {first}); ids must be unique"
        in found
    )


def test_a_misspelt_field_suggests_the_right_one(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    line = line_of(path, "id: explain-the-hope")
    edit(path, "  chapter: hope-of-a-deal\n", "  chaptr: hope-of-a-deal\n")
    found = problems(book_copy)
    assert f"data/objectives.yaml:{line + 1}: “chaptr” is not a field here; did you mean “chapter”?" in found
    assert f"data/objectives.yaml:{line}: “chapter” is missing" in found


def test_an_unknown_chapter_is_named(book_copy):
    path = book_copy / "data" / "objectives.yaml"
    line = line_of(path, "id: explain-the-hope") + 1
    edit(path, "  chapter: hope-of-a-deal\n", "  chapter: hope-of-a-dael\n")
    found = problems(book_copy)
    assert found == [
        f"data/objectives.yaml:{line}: there is no chapter “hope-of-a-dael” (no file chapters/hope-of-a-dael.md) (did you mean “hope-of-a-deal”?)"
    ]


def test_a_reference_without_url_is_refused(book_copy):
    bib = book_copy / "data" / "references.bib"
    line = line_of(bib, "@online{rollcall2017sworn")
    edit(bib, "  url = {https://rollcall.com/2017/01/20/trump-sworn-in-as-45th-president/},\n", "")
    assert problems(book_copy) == [
        f"data/references.bib:{line}: the reference “rollcall2017sworn” needs a “url” field with a web address"
    ]
