"""The report's figures, each a function of :class:`ClassData` that returns a DataFrame.

- ``completion``: per student and chapter, the share of the chapter's questions tried.
- ``question_stats``: per question, the share right at the first try (difficulty, p),
  the point-biserial discrimination (below), the wrong choice made most often and the
  share of students who asked to see the answer.
- ``mastery`` and ``mastery_by_student``: per learning objective, the share of its
  questions right at the first try.
- ``written_answers``: the written answers, grouped by prompt.

Discrimination is the **point-biserial correlation, item–rest**: over the students
who tried the question, the Pearson correlation between right-at-first-try (1 or 0)
and the number of *other* questions the student got right at the first try. It is
left empty when fewer than three students tried the question or when everyone (or
no one) got it right, since a correlation is then undefined.
"""

from __future__ import annotations

import math

import pandas as pd

from .classdata import ClassData, book_prompts, question_index


def completion(data: ClassData) -> pd.DataFrame:
    """Students × chapters (reading order): share of the chapter's questions tried."""
    index = question_index(data.book)
    totals = pd.Series([chapter for chapter, _ in index.values()]).value_counts()
    chapters = list(dict.fromkeys(chapter for chapter, _ in index.values()))
    tried = data.records[data.records["tries"] > 0]
    counts = tried.groupby(["student", "chapter"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=data.students["student"], columns=chapters, fill_value=0)
    share = counts / totals.reindex(chapters)
    share.index.name, share.columns.name = "student", "chapter"
    return share.astype(float)


def _point_biserial(x: pd.Series, y: pd.Series) -> float:
    if len(x) < 3 or x.nunique() < 2 or y.nunique() < 2:
        return math.nan
    return float(x.astype(float).corr(y.astype(float)))


def first_try_scores(data: ClassData) -> pd.Series:
    """Per student: questions right at the first try (questions not tried count 0)."""
    scores = data.records.groupby("student")["first_correct"].apply(lambda s: int((s == True).sum()))  # noqa: E712
    return scores.reindex(data.students["student"], fill_value=0)


def wrong_choices(question, raw) -> list[str]:
    """The wrong parts of one wrong response, as a reader would name them."""
    kind = question.type
    if kind in ("single", "true-false"):
        return [question.options[raw].text]
    if kind == "multiple":
        return [question.options[i].text for i in sorted(set(raw)) if not question.options[i].correct]
    if kind == "numeric":
        return [f"{raw:g} {question.unit}".strip()]
    if kind == "order":
        return [" → ".join(question.items[i].text for i in raw)]
    return [
        f"{question.pairs[left].left} → {question.pairs[chosen].right}"
        for left, chosen in enumerate(raw)
        if chosen is not None and chosen != left
    ]


def _most_chosen_wrong(data: ClassData, qid: str, question) -> tuple[str, int]:
    """The wrong choice in the most wrong tries (all tries; a tie goes to the first alphabetically)."""
    wrong = data.tries[(data.tries["question"] == qid) & (~data.tries["correct"].astype(bool))]
    counts = pd.Series([c for raw in wrong["raw"] for c in wrong_choices(question, raw)], dtype=object).value_counts()
    if counts.empty:
        return "", 0
    top = counts[counts == counts.max()].sort_index()
    return str(top.index[0]), int(top.iloc[0])


def question_stats(data: ClassData) -> pd.DataFrame:
    """One row per question of the book, in reading order."""
    scores = first_try_scores(data)
    rows = []
    for qid, (chapter, question) in question_index(data.book).items():
        records = data.records[data.records["question"] == qid]
        tried = records[records["tries"] > 0]
        right = (tried["first_correct"] == True).astype(int)  # noqa: E712
        rest = scores.reindex(tried["student"]).to_numpy() - right.to_numpy()
        wrong, count = _most_chosen_wrong(data, qid, question)
        rows.append(
            {
                "question": qid,
                "chapter": chapter,
                "type": question.type,
                "objective": question.objective,
                "prompt": question.prompt,
                "students": len(records),
                "tried": len(tried),
                "first_try_correct": right.mean() if len(tried) else math.nan,
                "discrimination": _point_biserial(right.reset_index(drop=True), pd.Series(rest)),
                "most_chosen_wrong": wrong,
                "most_chosen_wrong_count": count,
                "asked_share": records["asked"].mean() if len(records) else math.nan,
                "mean_tries": tried["tries"].mean() if len(tried) else math.nan,
            }
        )
    return pd.DataFrame(rows).set_index("question")


def mastery_by_student(data: ClassData) -> pd.DataFrame:
    """Students × objectives: share of the objective's tried questions right at the first try."""
    tried = data.records[data.records["tries"] > 0].assign(right=lambda f: (f["first_correct"] == True).astype(float))  # noqa: E712
    table = tried.pivot_table(index="student", columns="objective", values="right", aggfunc="mean")
    objectives = [
        o for o in data.book.objectives if o in set(q.objective for _, q in question_index(data.book).values())
    ]
    return table.reindex(index=data.students["student"], columns=objectives)


def mastery(data: ClassData) -> pd.DataFrame:
    """One row per objective that has questions: the students' mean mastery, and how many."""
    table = mastery_by_student(data)
    counts = pd.Series([q.objective for _, q in question_index(data.book).values()]).value_counts()
    rows = [
        {
            "objective": objective,
            "chapter": data.book.objectives[objective].chapter,
            "text": data.book.objectives[objective].text,
            "questions": int(counts.get(objective, 0)),
            "students": int(table[objective].notna().sum()),
            "mastery": table[objective].mean(),
        }
        for objective in table.columns
    ]
    return pd.DataFrame(rows).set_index("objective")


def written_answers(data: ClassData) -> pd.DataFrame:
    """The written answers, grouped by prompt (in the book's order), then by student."""
    prompts = book_prompts(data.book)
    texts = {pid: text for pid, _, text in prompts}
    order = {pid: n for n, (pid, _, _) in enumerate(prompts)}
    frame = data.written.copy()
    frame["prompt_text"] = frame["prompt"].map(lambda p: texts.get(p, p))
    frame["_order"] = frame["prompt"].map(lambda p: order.get(p, len(order)))
    frame["_student"] = frame["student"].str.casefold()
    frame = frame.sort_values(["_order", "prompt", "_student"], kind="stable")
    return frame.drop(columns=["_order", "_student"]).reset_index(drop=True)
