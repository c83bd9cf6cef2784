"""The answer-key fingerprint changes with what decides a grade, and only with that."""

from coursebook import answers
from coursebook.schemas.quiz import SingleQuestion


def _question(**changes):
    data = {
        "id": "q1",
        "type": "single",
        "prompt": "Which?",
        "explanation": "Because.",
        "passage": "p1",
        "objective": "o1",
        "level": "understand",
        "options": [
            {"text": "A", "correct": True, "feedback": "Yes."},
            {"text": "B", "feedback": "Re-read ¶1."},
        ],
    }
    data.update(changes)
    return SingleQuestion.model_validate(data)


def test_feedback_wording_does_not_change_the_fingerprint():
    reworded = _question(explanation="Because, in other words.")
    assert answers.question_fingerprint(reworded) == answers.question_fingerprint(_question())


def test_moving_the_key_changes_the_fingerprint():
    moved = _question(
        options=[
            {"text": "A", "feedback": "No."},
            {"text": "B", "correct": True, "feedback": "Yes."},
        ]
    )
    assert answers.question_fingerprint(moved) != answers.question_fingerprint(_question())
    before = answers.keys_fingerprint([("ch", _question())])
    assert answers.keys_fingerprint([("ch", moved)]) != before
