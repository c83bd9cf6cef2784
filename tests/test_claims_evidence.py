"""Evidence per claim, one verdict per claim, and sources a fact-checker would accept.

``data/evidence.yaml`` links claims to the events that bear on them; ``claims.yaml`` is
the one place a verdict is written, and notes, questions and the essay refer to it;
a source from a weak site needs a caveat. Each rule is shown working on the real book
and on a broken copy, where it reports ``file:line`` in plain words.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import break_line, edit, line_of, problems

from coursebook.checks.evidence import ENOUGH
from coursebook.checks.references import low_quality
from coursebook.checks.verdicts import questions_leave_the_verdict_to_the_claim, verdict_word
from coursebook.errors import Problems
from coursebook.schemas import Record
from coursebook.schemas.base import attach


def _append(path: Path, text: str) -> int:
    """Append ``text`` to a YAML list file; the line its first entry starts on."""
    body = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(body + "\n" + text, encoding="utf-8")
    return body.count("\n") + 2


# --- what the book promises ------------------------------------------------------------------


def test_every_prediction_has_evidence_both_ways_or_says_why(book):
    predictions = [c for c in book.claims.values() if c.looks_forward]
    assert len(predictions) >= 7
    for claim in predictions:
        counts = {b: len(book.claim_evidence(claim.id, b)) for b in ("for", "against")}
        assert claim.evidence_note or min(counts.values()) >= ENOUGH, (claim.id, counts)
        assert counts["for"] + counts["against"] >= 3, claim.id


def test_each_link_names_a_real_claim_and_event_once(book):
    assert len(book.evidence) >= 30
    pairs = [(link.claim, link.event) for link in book.evidence]
    assert len(pairs) == len(set(pairs))
    for link in book.evidence:
        assert link.claim in book.claims and link.event in book.events
        assert link.how.strip().endswith("."), link


def test_notes_that_judge_a_claim_name_it_and_carry_no_verdict_of_their_own(book):
    judging = [n for n in book.annotations.values() if n.claim]
    assert len(judging) >= 10
    for note in judging:
        assert note.claim in book.claims
        assert verdict_word(note.note) is None, note.id
    forcing = book.annotations["forcing-kremlin-hindsight"]
    assert forcing.claim == "hostage-to-damascus-and-tehran"
    assert "suspended the air-safety memorandum" in " ".join(forcing.note.split())


def test_the_audited_verdicts_are_one_per_claim(book):
    claims = book.claims
    assert "did not fight to save Assad" not in claims["hostage-to-damascus-and-tehran"].outcome
    assert "did not prevent Assad's fall" in claims["hostage-to-damascus-and-tehran"].outcome
    for note_id, claim_id in (
        ("russia-look-for-exit-hindsight", "russia-will-look-for-exit"),
        ("us-keep-moscow-involved-hindsight", "us-will-keep-russia-in-syria"),
    ):
        assert book.annotations[note_id].claim == claim_id


def test_no_file_points_to_a_folder_that_does_not_exist(root):
    assert not (root / "data" / "_incoming").exists()
    for path in [
        *root.joinpath("data").rglob("*.yaml"),
        *root.joinpath("data").rglob("*.md"),
        *root.joinpath("chapters").glob("*.md"),
    ]:
        assert "_incoming/" not in path.read_text(encoding="utf-8"), path


def test_the_essay_reads_verdicts_from_the_table(book, root):
    essay = (root / "chapters" / "what-happened-next.md").read_text(encoding="utf-8")
    part = essay[essay.index("## How well has the argument aged?") : essay.index("## Review")]
    named = set(re.findall(r"\{verdict\}`([^`]+)`", part))
    assert {c.id for c in book.claims.values() if c.looks_forward} <= named
    # The essay does not write verdict words of its own about the claims.
    prose = re.sub(r"\{verdict\}`[^`]+`", "", part)
    assert verdict_word(prose) is None


def test_no_weak_source_without_a_caveat(book):
    for ref in book.references.values():
        assert not low_quality(ref.host) or ref.caveat, ref.key
    hosts = {ref.host for ref in book.references.values()}
    assert not [
        h
        for h in hosts
        if h.endswith(("zerohedge.com", "pravdareport.com", "pravda.ru", "topix.com", "whatthefolly.com"))
    ]


# --- bad input, each at its line -------------------------------------------------------------


def test_a_link_to_an_unknown_claim_or_event(scratch_book):
    path = scratch_book / "data" / "evidence.yaml"
    start = _append(path, "- claim: no-such-claim\n  event: no-such-event\n  bears: for\n  how: It bears.\n")
    found = problems(scratch_book)
    assert f"data/evidence.yaml:{start}: the claim “no-such-claim” is not in data/claims.yaml" in found
    assert f"data/evidence.yaml:{start + 1}: the event “no-such-event” is not in data/events.yaml" in found


def test_a_link_without_a_sentence_or_with_a_wrong_direction(scratch_book):
    path = scratch_book / "data" / "evidence.yaml"
    start = _append(path, '- claim: chances-of-deal-meagre\n  event: trump-elected\n  bears: maybe\n  how: "  "\n')
    found = problems(scratch_book)
    assert any(p.startswith(f"data/evidence.yaml:{start + 2}:") and "for" in p and "against" in p for p in found), found
    assert any(p.startswith(f"data/evidence.yaml:{start + 3}:") for p in found), found


def test_the_same_link_twice(scratch_book):
    path = scratch_book / "data" / "evidence.yaml"
    first = line_of(path, "event: caatsa-signed") - 1
    start = _append(path, "- claim: chances-of-deal-meagre\n  event: caatsa-signed\n  bears: against\n  how: Again.\n")
    assert problems(scratch_book) == [
        f"data/evidence.yaml:{start}: the claim “chances-of-deal-meagre” is linked to the event “caatsa-signed” twice (also at line {first}); keep one link"
    ]


def test_a_prediction_short_of_evidence(scratch_book):
    path = scratch_book / "data" / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    kept = [
        block for block in text.split("\n- ") if "claim: chances-of-deal-meagre" not in block or "bears: for" in block
    ]
    path.write_text("\n- ".join(kept), encoding="utf-8")
    claims = scratch_book / "data" / "claims.yaml"
    line = line_of(claims, "id: chances-of-deal-meagre")
    assert problems(scratch_book) == [
        f"data/claims.yaml:{line}: the prediction “chances-of-deal-meagre” has only 0 against in data/evidence.yaml; "
        "link at least 2 events for it and 2 against it, or say why there are none in “evidence_note”"
    ]
    # Saying why is enough.
    edit(
        claims,
        "  verdict: borne out\n  cite: [dechert2017caatsa",
        "  verdict: borne out\n  evidence_note: No event found weakens it.\n  cite: [dechert2017caatsa",
    )
    from coursebook import Book

    assert Book.load(scratch_book).claims["chances-of-deal-meagre"].evidence_note


def test_an_evidence_note_the_links_have_made_stale(scratch_book):
    # The note says why evidence is missing; with two links each way it contradicts the table.
    claims = scratch_book / "data" / "claims.yaml"
    edit(
        claims,
        "  verdict: borne out\n  cite: [dechert2017caatsa",
        "  verdict: borne out\n  evidence_note: No event found weakens it.\n  cite: [dechert2017caatsa",
    )
    line = line_of(claims, "evidence_note: No event found weakens it.")
    found = problems(scratch_book)
    assert len(found) == 1 and found[0].startswith(
        f"data/claims.yaml:{line}: the claim “chances-of-deal-meagre” now has "
    )
    assert "its “evidence_note” (which explains missing evidence) is out of date" in found[0]


def test_a_missing_evidence_file_is_an_error(scratch_book):
    (scratch_book / "data" / "evidence.yaml").unlink()
    found = problems(scratch_book)
    assert found[0].startswith("data/evidence.yaml:1: the file data/evidence.yaml is missing")


def test_a_note_that_gives_its_own_verdict_on_claimed_words(scratch_book):
    path = scratch_book / "data" / "annotations.yaml"
    edit(path, "  claim: cooperation-increasingly-illusory\n", "")
    edit(path, "This is the author's judgement, and the record since is mixed.", "This judgement was partly borne out.")
    line = line_of(path, "This judgement was partly borne out.") - 1
    assert problems(scratch_book) == [
        f"data/annotations.yaml:{line}: this note gives a verdict (“partly borne out”) on words that data/claims.yaml judges; "
        "name the claim with “claim:” and let the page show its verdict"
    ]


# Each row changes one text and names the one problem loading the book reports: (file, the
# text, what it becomes, where the report is relative to the changed line, the message
# after ``file:line: ``). A note's text is folded below its “note: >-” key, the line above.
VERDICTS = [
    pytest.param(
        "data/annotations.yaml",
        "This is the author's judgement, and the record since is mixed.",
        "Not borne out.",
        -1,
        "this note names the claim “cooperation-increasingly-illusory”, whose verdict the page shows; drop its own verdict (“Not borne out”)",
        id="a-note-that-names-its-claim-and-still-gives-a-verdict",
    ),
    pytest.param(
        "data/annotations.yaml",
        "  claim: cooperation-increasingly-illusory\n",
        "  claim: cooperation-illusory\n",
        0,
        "the claim “cooperation-illusory” is not in data/claims.yaml (did you mean “cooperation-increasingly-illusory”?)",
        id="a-note-naming-an-unknown-claim",
    ),
    pytest.param(
        "chapters/what-happened-next.md",
        "{verdict}`russia-will-look-for-exit`",
        "{verdict}`russia-will-leave`",
        0,
        "the {verdict} role names “russia-will-leave”, which is not a claim in data/claims.yaml (did you mean “russia-will-look-for-exit”?)",
        id="an-unknown-claim-in-the-verdict-role",
    ),
]


@pytest.mark.parametrize(("rel", "old", "new", "offset", "message"), VERDICTS)
def test_a_verdict_or_claim_name_out_of_place(scratch_book, rel, old, new, offset, message):
    line = break_line(scratch_book, rel, old, new)
    assert problems(scratch_book) == [f"{rel}:{line + offset}: {message}"]


def test_a_zerohedge_source_needs_a_caveat(scratch_book):
    path = scratch_book / "data" / "references.bib"
    entry = (
        "\n@online{weak2017source,\n  title = {A story},\n  organization = {ZeroHedge},\n  year = {2017},\n"
        "  url = {https://www.zerohedge.com/news/a-story},\n  urldate = {2026-12-02}\n}\n"
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text + entry, encoding="utf-8")
    edit(
        scratch_book / "data" / "claims.yaml",
        "cite: [sputnik2017pushkov]",
        "cite: [sputnik2017pushkov, weak2017source]",
    )
    line = text.count("\n") + 2
    assert problems(scratch_book) == [
        f"data/references.bib:{line}: the reference “weak2017source” is from www.zerohedge.com, a partisan blog; "
        "cite the original report or official text, or add a “caveat” field saying why this source is kept"
    ]
    path.write_text(text + entry.replace("urldate", "caveat = {Only this site has it.},\n  urldate"), encoding="utf-8")
    from coursebook import Book

    assert Book.load(scratch_book).references["weak2017source"].caveat == "Only this site has it."


def test_low_quality_matches_sites_and_their_subdomains_only():
    assert low_quality("en.m.wikipedia.org") and low_quality("wikipedia.org") and low_quality("fr.sputniknews.com")
    assert low_quality("www.dechert.com") is None  # ends in "rt.com" letters, but is not rt.com
    assert low_quality("notwikipedia.org") is None


def test_verdict_words():
    assert verdict_word("The prediction was mostly not borne out.") == "mostly not borne out"
    assert verdict_word("Partly. Putin ordered a withdrawal") == "Partly"
    assert verdict_word("Hard to check: it concerns intentions") == "Hard to check"
    assert verdict_word("The author's forecast proved right.") == "proved right"
    assert verdict_word("Its force comes partly from placing opinions next to facts") is None


class _Question(Record):
    passage: str
    prompt: str
    claim: str | None = None


def test_a_question_giving_its_own_verdict_is_reported_once_questions_can_name_claims(book):
    raw = {"passage": "p4", "prompt": "Was it borne out?"}
    question = _Question(**raw)
    attach(question, SimpleNamespace(line=7, key_lines={"prompt": 9}), Path("data/quizzes/x.yaml"))
    named = _Question(passage="p4", prompt="Was it borne out?", claim="russia-will-look-for-exit")
    fake = SimpleNamespace(claims=book.claims, questions=lambda: [question, named])
    report = Problems()
    questions_leave_the_verdict_to_the_claim(fake, report)
    assert [str(p) for p in report.items] == [
        "data/quizzes/x.yaml:9: this question gives a verdict (“borne out”) on ¶4, which data/claims.yaml judges; "
        "name the claim with “claim:” so that it cannot disagree with the table"
    ]


# --- what the page shows ---------------------------------------------------------------------


def test_the_claims_table_shows_evidence_collapsed_with_links_to_the_timeline(site, book):
    html = (site / "chapters" / "what-happened-next.html").read_text(encoding="utf-8")
    row = html[html.index('id="claim-russia-will-look-for-exit"') :]
    row = row[: row.index("</tr>")]
    opened = re.findall(r"<details[^>]*cb-evidence-(for|against)[^>]*>", row)
    assert opened == ["for", "against"]
    assert not re.search(r"<details[^>]*cb-evidence[^>]*\bopen\b", row)
    for bears in ("for", "against"):
        links = book.claim_evidence("russia-will-look-for-exit", bears)
        assert f"Evidence {bears} ({len(links)})" in row
        for _, event in links:
            assert f'href="timeline.html#event-{event.id}"' in row
    assert "11 December 2017: Putin visits Hmeimim" in row


def test_notes_and_essay_print_the_verdict_of_the_table(site, book):
    essay = (site / "chapters" / "what-happened-next.html").read_text(encoding="utf-8")
    assert 'href="#claim-russia-will-look-for-exit"' in essay  # the table is on the essay's own page
    label = {"borne out": "✓ borne out", "partly borne out": "◐ partly borne out", "not borne out": "✗ not borne out"}
    assert label[book.claims["russia-will-look-for-exit"].verdict] in essay
    chapter = (site / "chapters" / "two-decades-of-distrust.html").read_text(encoding="utf-8")
    note = chapter[chapter.index('id="note-forcing-kremlin-hindsight"') :]
    assert "Verdict in the claims table:" in note[:4000]
    assert 'href="what-happened-next.html#claim-' in note[:4000]  # from another page, the table's page
    assert label[book.claims["hostage-to-damascus-and-tehran"].verdict] in note[:4000]
