"""Inline SVG bar charts for the class report: no script, no font files, no other host.

Every label and title is escaped; each chart has a <title> and is named by it
(``role="img"``), and the page puts a table with the same figures beside it.
"""

from __future__ import annotations

import math
from html import escape

ROW = 22
LABEL = 230
BAR = 260


def _label(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(title: str, rows: list[tuple[str, float]], chart_id: str) -> str:
    """Horizontal bars for shares from 0 to 1, one per (label, share); empty shares show as "—"."""
    height = ROW * len(rows) + 30
    width = LABEL + BAR + 50
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for tick in (0, 0.5, 1):
        x = LABEL + tick * BAR
        parts.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 22}" class="grid"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" class="tick">{tick:.0%}</text>')
    for n, (label, value) in enumerate(rows):
        y = 6 + n * ROW
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + 13}" text-anchor="end" class="label">{escape(_label(label))}</text>'
        )
        if value is None or (isinstance(value, float) and math.isnan(value)):
            parts.append(f'<text x="{LABEL + 4}" y="{y + 13}" class="value">—</text>')
            continue
        length = max(0.0, min(1.0, float(value))) * BAR
        parts.append(f'<rect x="{LABEL}" y="{y + 2}" width="{length:.1f}" height="{ROW - 8}" class="bar"/>')
        parts.append(f'<text x="{LABEL + length + 4:.1f}" y="{y + 13}" class="value">{value:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)
