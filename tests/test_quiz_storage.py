"""Nothing lost in the browser: keys namespaced by book and edition, answers from an
older build migrated (never deleted), and a full storage quota reported to the student
(in the page and through a live region) while the answer stays on screen."""

from __future__ import annotations

import json

import pytest
from browserkit import wait_for_widgets
from quizdriver import answer, card, open_page, shown_result

from coursebook.grading import correct_response, grade, wrong_responses

pytestmark = pytest.mark.browser

# Fills localStorage until the browser refuses, with keys of another site's making.
FILL = """() => {
  const chunk = "x".repeat(256 * 1024);
  let n = 0, size = chunk.length;
  while (size >= 16) {
    try { localStorage.setItem(`filler-${n}`, chunk.slice(0, size)); n += 1; }
    catch (e) { size = Math.floor(size / 2); }
  }
  try { localStorage.setItem("probe-after-fill", "y".repeat(64)); return -1; } catch (e) { return n; }
}"""


def test_full_storage_namespacing_and_migration(book, context, server):
    chapter = "two-decades-of-distrust"
    q_old, q_new, q_full = [q for q in book.quizzes[chapter] if q.id not in book.quiz_files[chapter].in_reading][:3]
    assert (
        book.storage_namespace == f"coursebook:{book.book_id}:{book.edition}" == "coursebook:dead-end-in-syria:student"
    )
    legacy = book.legacy_namespace
    page, log = open_page(context, server, f"{chapter}.html")

    # 1. An answer an older build stored (old key, old format) is migrated, not deleted.
    old_key = f"{legacy}:quiz:{q_old.id}"
    old_value = {"response": wrong_responses(q_old)[0], "correct": False, "at": "2026-01-05T10:00:00Z"}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [old_key, json.dumps(old_value)])
    page.reload(wait_until="networkidle")
    wait_for_widgets(page)
    assert shown_result(page, q_old)[0] == "wrong"
    migrated = json.loads(
        page.evaluate("k => localStorage.getItem(k)", f"{book.storage_namespace}:quiz:{chapter}/{q_old.id}")
    )
    assert migrated == {"tries": [{"time": "2026-01-05T10:00:00Z", "raw": old_value["response"]}], "shown": False}
    assert page.evaluate("k => localStorage.getItem(k)", old_key) is None  # moved, once its copy was written

    # 2. Every key the book writes is namespaced by book and edition.
    answer(page, q_new, correct_response(q_new))
    ours = page.evaluate("() => Object.keys(localStorage)")
    assert f"{book.storage_namespace}:quiz:{chapter}/{q_new.id}" in ours
    assert [k for k in ours if k.startswith("coursebook:") and not k.startswith(book.storage_namespace + ":")] == []

    # 3. Storage full: the student is told, in the page and in a live region; the answer stays.
    warning = page.locator(".cb-quiz:not(.cb-quiz-inline) .cb-storage-warning")
    assert warning.is_hidden()
    filled = page.evaluate(FILL)
    assert filled > 0, "the quota could not be filled"
    response = correct_response(q_full)
    answer(page, q_full, response)
    assert warning.is_visible()
    assert "not saving your answers" in warning.inner_text()
    assert warning.get_attribute("aria-live") == "assertive" and warning.get_attribute("role") == "alert"
    assert shown_result(page, q_full) == ("correct", grade(q_full, response).feedback)
    assert card(page, q_full).get_attribute("data-tries") == "1"
    stored = page.evaluate("k => localStorage.getItem(k)", f"{book.storage_namespace}:quiz:{chapter}/{q_full.id}")
    assert stored is None  # indeed not saved: the message told the truth
    # Written answers say so too.
    box = page.locator(f"#cb-think-{chapter}-{book.chapter_prompts(chapter)[0].id}")
    box.fill("My answer, which this browser cannot keep.")
    box.blur()
    assert page.locator(".cb-think-root .cb-storage-warning").is_visible()
    assert box.input_value() == "My answer, which this browser cannot keep."
    page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))"
    )
    assert log.problems() == []
