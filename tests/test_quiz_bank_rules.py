"""The checker's rules on the question banks' wording: no length tell, wrong-option
feedback that keeps the answer back, and questions that point at a claim by its id."""

from __future__ import annotations

from dataclasses import replace

from conftest import edit, line_of, problems

from coursebook.checks import run
from coursebook.checks.quizzes import keyed_longest, no_length_tell, wrong_feedback_keeps_the_key

PAD = " and so on, at some length"


def _with_longest(question, key_longest: bool):
    """A copy of ``question`` whose keyed option is (or is not) the strictly longest."""
    longest = max(len(o.text) for o in question.options)
    options = []
    for index, option in enumerate(question.options):
        wanted = option.correct if key_longest else (index == _first_wrong(question))
        text = option.text + PAD * (1 + longest // len(PAD)) if wanted else option.text
        options.append(option.model_copy(update={"text": text}))
    return question.model_copy(update={"options": options})


def _first_wrong(question) -> int:
    return next(i for i, o in enumerate(question.options) if not o.correct)


def _bank_with(book, chapter: str, longest_in: int):
    """The book with ``chapter``'s bank rewritten so that the key is longest in ``longest_in``
    of its single-answer questions."""
    quiz = book.quiz_files[chapter]
    questions, made = [], 0
    for question in quiz.questions:
        if question.type == "single":
            question = _with_longest(question, made < longest_in)
            made += 1
        questions.append(question)
    quiz = quiz.model_copy(update={"questions": questions})
    return replace(book, quiz_files={**book.quiz_files, chapter: quiz}, quizzes={**book.quizzes, chapter: questions})


def _length_problems(book) -> list[str]:
    return [str(p) for p in run(book, rules=[no_length_tell]).items]


def test_a_bank_where_the_longest_option_is_mostly_right(book):
    broken = _bank_with(book, "seeking-a-way-out", 3)  # 3 of 5: 60 %
    found = _length_problems(broken)
    assert len(found) == 1
    assert found[0].startswith(
        "data/quizzes/seeking-a-way-out.yaml:1: in 3 of the 5 single-answer questions the right answer is the longest option"
    )
    assert "scores 60 %" in found[0]


def test_forty_percent_is_still_allowed(book):
    assert _length_problems(_bank_with(book, "seeking-a-way-out", 2)) == []  # 2 of 5: 40 %
    assert len(_length_problems(_bank_with(book, "hope-of-a-deal", 3))) == 1  # 3 of 6: 50 %


def test_a_tie_for_longest_is_no_tell(book):
    question = next(q for q in book.quizzes["hope-of-a-deal"] if q.type == "single")
    key = next(o for o in question.options if o.correct)
    options = [o.model_copy(update={"text": "x" * len(key.text)}) if not o.correct else o for o in question.options]
    assert not keyed_longest(question.model_copy(update={"options": options}))


def test_the_real_banks_keep_the_longest_option_right_at_most_a_third_of_the_time(book):
    for chapter, questions in book.quizzes.items():
        singles = [q for q in questions if q.type == "single"]
        longest = [q.id for q in singles if keyed_longest(q)]
        assert 3 * len(longest) <= len(singles), (chapter, longest)


def test_wrong_feedback_that_repeats_the_key(book):
    question = next(q for q in book.quizzes["hope-of-a-deal"] if q.id == "hope-what-raised-hopes")
    key = next(o for o in question.options if o.correct)
    wrong = question.options[_first_wrong(question)]
    told = wrong.model_copy(update={"feedback": f"No: the answer is “{key.text}”."})
    options = [told if o is wrong else o for o in question.options]
    questions = [
        question.model_copy(update={"options": options}) if q is question else q for q in book.quizzes["hope-of-a-deal"]
    ]
    broken = replace(book, quizzes={**book.quizzes, "hope-of-a-deal": questions})
    found = [str(p) for p in run(broken, rules=[wrong_feedback_keeps_the_key]).items]
    assert found == [
        f"data/quizzes/hope-of-a-deal.yaml:{wrong.line_of('feedback')}: the feedback of the wrong option “{wrong.text}” "
        f"repeats the right answer “{key.text}”; say why this option is wrong and which ¶ to re-read, and leave the answer to the explanation"
    ]
    assert run(book, rules=[wrong_feedback_keeps_the_key]).items == []


def _break_bank(root, chapter: str, old: str, new: str) -> tuple[list[str], str]:
    """Replace ``old`` in a bank of a scratch copy; the problems, and ``file:line`` of the edit."""
    path = root / "data" / "quizzes" / f"{chapter}.yaml"
    where = f"data/quizzes/{chapter}.yaml:{line_of(path, old)}"
    edit(path, old, new)
    return problems(root), where


def test_a_question_naming_an_unknown_claim(scratch_book):
    found, where = _break_bank(
        scratch_book, "what-happened-next", "claim: russia-will-look-for-exit", "claim: russia-will-look-for-exits"
    )
    assert found == [
        f"{where}: the claim “russia-will-look-for-exits” is not in data/claims.yaml (did you mean “russia-will-look-for-exit”?)"
    ]


def test_the_closing_bank_has_six_questions_that_weigh_evidence_on_a_claim(book):
    weighing = [q for q in book.quizzes["what-happened-next"] if q.objective == "next-weigh-evidence"]
    assert len(weighing) >= 6
    for question in weighing:
        assert question.claim in book.claims, question.id
        assert book.claims[question.claim].paragraph == question.passage, question.id
        assert all(option.feedback.strip() for option in question.options), question.id


def test_questions_that_name_a_claim_link_to_its_paragraph(book):
    named = [q for q in book.questions() if q.claim]
    assert named
    assert [q.id for q in named if book.claims[q.claim].paragraph != q.passage] == []


def test_numeric_feedback_that_gives_the_answer(scratch_book):
    found, where = _break_bank(
        scratch_book,
        "iran-bargaining-chip",
        "low: Too low. Re-read ¶13 for the experts' estimate.",
        "low: Too low. ¶13 gives $4bn.",
    )
    assert found == [
        f"{where}: the “low” feedback gives the answer 4; say which ¶ or event to look at instead, and leave the answer to the explanation"
    ]


def test_numeric_feedback_may_name_other_numbers(book):
    from coursebook.checks.quizzes import numeric_hints_keep_the_answer

    assert run(book, rules=[numeric_hints_keep_the_answer]).items == []
    question = next(q for q in book.questions() if q.id == "next-assad-fall-year")
    assert "2017" in question.feedback.low  # a year that is not the answer is no give-away
