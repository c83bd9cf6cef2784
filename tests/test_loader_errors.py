"""Bad input gets a clear error: ``file:line: plain sentence``, never a traceback.

Each test breaks one thing in a copy of the fixture book (tests/books/mini) and checks
the exact place and wording of what the loader reports; the real book's content is not
needed for that, only that it loads.
"""

from __future__ import annotations

from conftest import break_line, edit, line_of, problems


def test_the_real_book_loads(book):
    assert book.article.info.author == "Leonid Issaev"


def test_broken_yaml_names_the_line(mini_copy):
    line = break_line(mini_copy, "data/objectives.yaml", "id: read-the-test", "id: read-the-test\n  text: [unclosed")
    found = problems(mini_copy)
    assert len(found) == 1
    assert found[0].startswith(f"data/objectives.yaml:{line + 1}: this is not valid YAML")


def test_a_colon_in_a_value_gets_a_hint(mini_copy):
    line = break_line(mini_copy, "data/objectives.yaml", "id: read-the-test", "id: read: the test")
    assert problems(mini_copy) == [
        f"data/objectives.yaml:{line}: this is not valid YAML (a colon inside a value confuses YAML; put the whole value in quotes)"
    ]


def test_a_changed_seed_stops_everything(mini_copy):
    seed = next((mini_copy / "seeds").glob("*.txt"))
    edit(seed, "made-up", "made up")
    found = problems(mini_copy)
    assert found == [
        f"seeds/{seed.name}:1: the article’s text has changed: its SHA-256 no longer matches the manifest. "
        "The seed must stay byte-identical to the published article."
    ]


def test_a_line_missing_from_the_manifest_is_named(mini_copy):
    manifest = mini_copy / "seeds" / "manifest.yaml"
    edit(manifest, "  - {line: 1, role: title, chapter: reading}\n", "")
    found = problems(mini_copy)
    assert len(found) == 1
    assert "line 1 of the seed is not in the manifest: “A test article”" in found[0]


def test_an_unknown_role_lists_the_allowed_ones(mini_copy):
    line = break_line(mini_copy, "seeds/manifest.yaml", "{line: 1, role: title", "{line: 1, role: titles")
    found = problems(mini_copy)
    assert found[0].startswith(
        f"seeds/manifest.yaml:{line}: “titles” is not allowed for “role”; use one of: title, standfirst"
    )


def test_a_duplicate_id_names_both_places(mini_copy):
    path = mini_copy / "data" / "objectives.yaml"
    first = line_of(path, "id: read-the-test")
    path.write_text(path.read_text(encoding="utf-8") + "- id: read-again\n  chapter: reading\n  text: Read it twice.\n")
    second = line_of(path, "id: read-again")
    edit(path, "id: read-again", "id: read-the-test")
    found = problems(mini_copy)
    assert (
        f"data/objectives.yaml:{second}: the id “read-the-test” is used twice (also at line {first}); ids must be unique"
        in found
    )


def test_a_misspelt_field_suggests_the_right_one(mini_copy):
    entry = line_of(mini_copy / "data" / "objectives.yaml", "id: read-the-test")
    line = break_line(mini_copy, "data/objectives.yaml", "  chapter: reading\n", "  chaptr: reading\n")
    found = problems(mini_copy)
    assert f"data/objectives.yaml:{line}: “chaptr” is not a field here; did you mean “chapter”?" in found
    assert f"data/objectives.yaml:{entry}: “chapter” is missing" in found


def test_an_unknown_chapter_is_named(mini_copy):
    line = break_line(mini_copy, "data/objectives.yaml", "  chapter: reading\n", "  chapter: readign\n")
    found = problems(mini_copy)
    lesson = line_of(mini_copy / "data" / "lessons.yaml", "read-the-test")
    assert found == [
        f"data/lessons.yaml:{lesson}: the objective “read-the-test” belongs to chapter “readign”, not “reading”",
        f"data/objectives.yaml:{line}: there is no chapter “readign” (no file chapters/readign.md) (did you mean “reading”?)",
    ]


def test_a_reference_without_url_is_refused(mini_copy):
    bib = mini_copy / "data" / "references.bib"
    entry = "@online{other2026page,\n  title = {Another page},\n  organization = {Elsewhere},\n  year = {2026},\n  urldate = {2026-11-25}\n}\n"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + entry, encoding="utf-8")
    line = line_of(bib, "@online{other2026page")
    assert problems(mini_copy) == [
        f"data/references.bib:{line}: the reference “other2026page” needs a “url” field with a web address"
    ]
