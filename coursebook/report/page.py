"""The class report as one self-contained HTML page: inline CSS, inline SVG charts each
with a table beside it, no script and no request to any host. Every text that comes
from a student's file or the book is escaped.
"""

from __future__ import annotations

import math
from html import escape

from . import figures
from .classdata import ClassData
from .svg import bar_chart

CSS = """
body{font:16px/1.5 system-ui,sans-serif;color:#1d1d1f;margin:0 auto;max-width:1180px;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #d0d7de;padding-bottom:.2rem}
.pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.pair>*{flex:1 1 420px;min-width:0}.pair>svg{flex:0 0 auto}
.scroll{overflow-x:auto}.scroll:focus-visible{outline:3px solid #1f5f99;outline-offset:2px}table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}thead th{background:#f3f5f7}
.chart{max-width:100%;height:auto}.chart .bar{fill:#2f6f9f}.chart .grid{stroke:#c8ced6}.chart text{font:12px system-ui,sans-serif;fill:#1d1d1f}
.notes li{margin:.3rem 0}.problem{color:#8a1c1c}.warning{color:#6b4a00}
blockquote{margin:.3rem 0 .8rem;padding:.2rem .8rem;border-left:3px solid #c8ced6;white-space:pre-wrap}
.muted{color:#57606a}
"""


def pct(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0%}"


def num(value, digits: int = 2) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def _table(caption: str, head: list[str], rows: list[list[tuple[str, bool]]], attrs: list[str] | None = None) -> str:
    """A table; each cell is (already escaped html, numeric?)."""
    # A scrolling table is a region a keyboard can reach (and scroll).
    out = [
        f'<div class="scroll" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f"<table><caption>{escape(caption)}</caption><thead><tr>"
    ]
    out += [f'<th scope="col">{escape(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(rows):
        out.append(f"<tr{attrs[n] if attrs else ''}>")
        for k, (cell, numeric) in enumerate(row):
            tag = 'th scope="row"' if k == 0 else "td"
            out.append(f"<{tag}{' class=num' if numeric else ''}>{cell}</{tag.split()[0]}>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _notes(data: ClassData) -> str:
    if not data.problems and not data.warnings:
        return ""
    items = [f'<li class="problem">{escape(p)}</li>' for p in data.problems]
    items += [f'<li class="warning">{escape(w)}</li>' for w in data.warnings]
    return f'<section id="notes"><h2>Before you read the figures</h2><ul class="notes">{"".join(items)}</ul></section>'


def _completion(data: ClassData) -> str:
    share = figures.completion(data)
    titles = {c: data.book.chapters[c].title for c in share.columns if c in data.book.chapters}
    means = share.mean()
    chart = bar_chart(
        "Mean completion per chapter", [(titles.get(c, c), means[c]) for c in share.columns], "completion"
    )
    side = _table(
        "Mean completion per chapter",
        ["Chapter", "Completion"],
        [[(escape(titles.get(c, c)), False), (pct(means[c]), True)] for c in share.columns],
    )
    full = _table(
        "Share of each chapter's questions tried, per student",
        ["Student", *[titles.get(c, c) for c in share.columns]],
        [[(escape(s), False), *[(pct(v), True) for v in share.loc[s]]] for s in share.index],
        [f' data-student="{escape(s)}"' for s in share.index],
    )
    return f'<section id="completion"><h2>Completion</h2><div class="pair">{chart}{side}</div>{full}</section>'


def _question_table(stats, short: dict[str, str]) -> str:
    """Every figure per question, one row each (``data-question`` holds its id)."""
    rows, attrs = [], []
    for q, s in stats.iterrows():
        wrong = (
            f'{escape(s["most_chosen_wrong"])} <span class="muted">({s["most_chosen_wrong_count"]}×)</span>'
            if s["most_chosen_wrong"]
            else "—"
        )
        rows.append(
            [
                (f'{escape(short[q])}<br><span class="muted">{escape(s["prompt"])}</span>', False),
                (escape(s["type"]), False),
                (str(s["tried"]), True),
                (pct(s["first_try_correct"]), True),
                (num(s["discrimination"]), True),
                (wrong, False),
                (pct(s["asked_share"]), True),
            ]
        )
        attrs.append(f' data-question="{escape(q)}"')
    return _table(
        "Per question: every figure",
        [
            "Question",
            "Type",
            "Tried",
            "Right at first try",
            "Discrimination",
            "Wrong choice made most often",
            "Asked to see the answer",
        ],
        rows,
        attrs,
    )


def _questions(data: ClassData) -> str:
    stats = figures.question_stats(data)
    short = {q: q.split("/", 1)[1] for q in stats.index}
    chart = bar_chart(
        "Right at the first try, per question",
        [(short[q], stats.at[q, "first_try_correct"]) for q in stats.index],
        "difficulty",
    )
    side = _table(
        "Right at the first try, per question",
        ["Question", "Tried", "Right at first try"],
        [
            [(escape(short[q]), False), (str(s["tried"]), True), (pct(s["first_try_correct"]), True)]
            for q, s in stats.iterrows()
        ],
    )
    table = _question_table(stats, short)
    return (
        f'<section id="questions"><h2>Questions</h2><p>“Right at first try” is the difficulty index (p). '
        f"Discrimination is the point-biserial correlation (item–rest): over the students who tried the question, "
        f"between being right at the first try and the number of other questions right at the first try; “—” when it "
        f"is undefined (fewer than three students, or all alike). The wrong choice counts every wrong try. “Asked to "
        f"see the answer” is over the students who tried the question or asked for its answer, leaving out answers "
        f'the page showed by itself after two wrong tries.</p><div class="pair">{chart}{side}</div>{table}</section>'
    )


def _mastery(data: ClassData) -> str:
    table = figures.mastery(data)
    chart = bar_chart("Mastery per learning objective", [(o, table.at[o, "mastery"]) for o in table.index], "mastery")
    rows = [
        [
            (f'{escape(o)}<br><span class="muted">{escape(r["text"])}</span>', False),
            (str(r["questions"]), True),
            (str(r["students"]), True),
            (pct(r["mastery"]), True),
        ]
        for o, r in table.iterrows()
    ]
    side = _table(
        "Mastery per learning objective",
        ["Objective", "Questions", "Students", "Mastery"],
        rows,
        [f' data-objective="{escape(o)}"' for o in table.index],
    )
    return (
        f'<section id="mastery"><h2>Mastery per learning objective</h2><p>For each student, the share of the '
        f"objective’s questions they tried that were right at the first try; the figure is the mean over the "
        f'students who tried at least one.</p><div class="pair">{chart}{side}</div></section>'
    )


def _written(data: ClassData) -> str:
    frame = figures.written_answers(data)
    if frame.empty:
        return '<section id="written"><h2>Written answers</h2><p>No written answers were handed in.</p></section>'
    out = ['<section id="written"><h2>Written answers</h2>']
    for (prompt, text), group in frame.groupby(["prompt", "prompt_text"], sort=False):
        out.append(f'<section class="prompt" data-prompt="{escape(prompt)}"><h3>{escape(text)}</h3>')
        out += [
            f"<p><strong>{escape(r.student)}</strong></p><blockquote>{escape(r.text)}</blockquote>"
            for r in group.itertuples()
        ]
        out.append("</section>")
    out.append("</section>")
    return "".join(out)


def _students(data: ClassData) -> str:
    rows = [
        [(escape(r.student), False), (escape(r.source), False), (escape(r.exported), False)]
        for r in data.students.itertuples()
    ]
    return (
        f'<section id="students"><h2>Students and files</h2>'
        f"{_table('The file used for each student', ['Student', 'File', 'Exported'], rows)}</section>"
    )


def render(data: ClassData, files: int) -> str:
    title = f"Class results: {data.book.article.info.title}"
    summary = (
        f"{len(data.students)} student(s), from {files} file(s) given; {len(data.problems)} file(s) could not be used. "
        "Every try was graded again against the current answer keys; the verdicts stored in the files are not used."
    )
    body = "".join([_notes(data), _completion(data), _questions(data), _mastery(data), _written(data), _students(data)])
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body><main><h1>{escape(title)}</h1><p>{escape(summary)}</p>{body}</main></body></html>\n"
    )
