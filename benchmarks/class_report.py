"""Print the class report's figures for the 30 simulated students next to the ones worked
out by hand (tests/classfigures.py): completion per chapter, per question the first-try
difficulty, the point-biserial discrimination, the wrong choice made most often and the
share who asked to see the answer, and mastery per objective. Asserts nothing
(tests/test_class_report.py does).

    .venv/bin/python benchmarks/class_report.py
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT / "tests"))

from classfigures import expected_completion, expected_mastery, expected_question, questions, same  # noqa: E402

from coursebook import Book  # noqa: E402
from coursebook.report import completion, load_class, mastery, question_stats  # noqa: E402
from coursebook.report.simulate import simulate  # noqa: E402


def fmt(value) -> str:
    return "—" if isinstance(value, float) and math.isnan(value) else f"{value:.3f}"


def main() -> None:
    book = Book.load(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        truth = simulate(book, Path(folder))
        data = load_class(truth.files, book)
    table, want = completion(data), expected_completion(truth, book)
    print("Completion, class mean per chapter: report | by hand")
    for chapter in table.columns:
        by_hand = sum(want[(s, chapter)] for s in truth.records) / len(truth.records)
        print(f"  {chapter:28} {table[chapter].mean():.3f} | {by_hand:.3f}")
    stats, equal = question_stats(data), 0
    print(
        "\nPer question (report | by hand): tried, right at first try, discrimination, most-chosen wrong (count), asked"
    )
    for qid, _, question in questions(book):
        w, g = expected_question(truth, qid, question), stats.loc[qid]
        equal += g["tried"] == w["tried"] and same(g["first_try_correct"], w["p"]) and same(g["discrimination"], w["r"])
        wrong = f"{g['most_chosen_wrong'][:36]} ({g['most_chosen_wrong_count']} | {w['wrong'][1]})"
        print(
            f"  {qid.split('/')[1]:34} {g['tried']:>2} | {w['tried']:>2}  {fmt(g['first_try_correct'])} | {fmt(w['p'])}"
            f"  {fmt(g['discrimination'])} | {fmt(w['r'])}  {wrong:48}  {fmt(g['asked_share'])} | {fmt(w['asked'])}"
        )
    print(f"  tried, difficulty and discrimination equal for {equal} of {len(stats)} questions")
    levels, by_hand = mastery(data), expected_mastery(truth, book)
    print("\nMastery per objective: report | by hand")
    for objective in levels.index:
        print(f"  {objective:36} {levels.at[objective, 'mastery']:.3f} | {by_hand[objective]:.3f}")


if __name__ == "__main__":
    main()
