"""The class report's figures worked out by hand, in plain Python, from what the simulated
students really did (``coursebook.report.simulate.Truth``): no pandas, none of the
report's code. ``tests/test_class_report.py`` compares the report with them, and
``benchmarks/class_report.py`` prints both side by side.
"""

from __future__ import annotations

import math

from coursebook.answers import qualified_id


def questions(book):
    return [(qualified_id(c, q.id), c, q) for c in book.reading_order() if c in book.quizzes for q in book.quizzes[c]]


def expected_completion(truth, book):
    totals = {c: len(qs) for c, qs in book.quizzes.items()}
    table = {}
    for student, records in truth.records.items():
        for chapter, total in totals.items():
            tried = sum(1 for qid, r in records.items() if qid.startswith(chapter + "/") and r["raws"])
            table[(student, chapter)] = tried / total
    return table


def _scores(truth):
    return {
        s: sum(1 for r in records.values() if r["raws"] and r["correct"][0]) for s, records in truth.records.items()
    }


def _pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def _wrong_names(question, raw):
    if question.type in ("single", "true-false"):
        return [question.options[raw].text]
    if question.type == "multiple":
        return [question.options[i].text for i in set(raw) if not question.options[i].correct]
    if question.type == "numeric":
        return [f"{raw:g} {question.unit}".strip()]
    if question.type == "order":
        return [" → ".join(question.items[i].text for i in raw)]
    return [f"{question.pairs[a].left} → {question.pairs[b].right}" for a, b in enumerate(raw) if a != b]


def expected_question(truth, qid, question):
    scores = _scores(truth)
    seen = {s: r[qid] for s, r in truth.records.items() if qid in r}
    tried = {s: r for s, r in seen.items() if r["raws"]}
    xs = [1 if r["correct"][0] else 0 for r in tried.values()]
    ys = [scores[s] - x for s, x in zip(tried, xs)]
    counts: dict[str, int] = {}
    for r in seen.values():
        for raw, ok in zip(r["raws"], r["correct"]):
            if not ok:
                for name in _wrong_names(question, raw):
                    counts[name] = counts.get(name, 0) + 1
    top = min(counts.items(), key=lambda kv: (-kv[1], kv[0])) if counts else ("", 0)
    defined = len(xs) >= 3 and len(set(xs)) > 1 and len(set(ys)) > 1
    return {
        "tried": len(tried),
        "p": sum(xs) / len(xs) if xs else math.nan,
        "r": _pearson(xs, ys) if defined else math.nan,
        "wrong": top,
        "asked": sum(1 for r in seen.values() if r["asked"]) / len(seen) if seen else math.nan,
    }


def expected_mastery(truth, book):
    per_objective: dict[str, list[float]] = {}
    for records in truth.records.values():
        mine: dict[str, list[int]] = {}
        for qid, _, q in questions(book):
            if qid in records and records[qid]["raws"]:
                mine.setdefault(q.objective, []).append(1 if records[qid]["correct"][0] else 0)
        for objective, results in mine.items():
            per_objective.setdefault(objective, []).append(sum(results) / len(results))
    return {o: sum(v) / len(v) for o, v in per_objective.items()}


def same(a, b) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
