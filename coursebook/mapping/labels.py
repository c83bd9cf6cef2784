"""Where each place's name goes on the map: beside its dot, inside the frame and clear of
the other labels and dots, found without randomness."""

from __future__ import annotations

from typing import Any

from .geometry import BBox, _tenths
from .places import _label

_DOT = 3.5  # radius of a place's circle
_FONT = 11.0  # label size; the label layout below estimates text width from it
_EDGE = 2.0  # labels keep this far from the frame


def _layout_labels(dots: list[tuple[Any, int, int]], width: float, height: float) -> list[tuple[int, int, str]]:
    """Where each label goes: beside its dot, inside the frame and, as far as can be, clear
    of other labels and dots. Each label has a few candidate spots, each scored (covering a
    dot is the worst, then covering a label, then being pushed off its spot by the frame);
    a first greedy pass in the places' order is improved by a few passes that move each
    label to its best spot given all the others. No randomness: ties go to the first spot."""
    options = [_label_options(_label(place), tx / 10, ty / 10, width, height) for place, tx, ty in dots]
    r = _DOT + 1
    dot_boxes = [(tx / 10 - r, ty / 10 - r, tx / 10 + r, ty / 10 + r) for _, tx, ty in dots]

    def score(i: int, option, chosen: list) -> float:
        box = option[1]
        labels = sum(_overlap(box, options[j][c][1]) for j, c in enumerate(chosen) if j != i and c is not None)
        covered = sum(_overlap(box, other) for other in dot_boxes)
        return 30 * covered + 10 * labels + option[0]

    chosen: list = [None] * len(dots)
    for _sweep in range(4):
        changed = False
        for i in range(len(dots)):
            scores = [score(i, option, chosen) for option in options[i]]
            best = scores.index(min(scores))
            if best != chosen[i]:
                chosen[i], changed = best, True
        if not changed:
            break
    return [options[i][c][2] for i, c in enumerate(chosen)]


def _label_options(text: str, x: float, y: float, width: float, height: float) -> list:
    """A label's candidate spots around its dot at (x, y): (cost, box, (x, y, anchor) in tenths)."""
    r, f = _DOT, _FONT
    text_width = _text_width(text)
    spots = (  # (dx, dy of the baseline, anchor), best first
        (r + 3, 0.35 * f, "start"),
        (-(r + 3), 0.35 * f, "end"),
        (r + 1, -(r + 1), "start"),
        (r + 1, r + 1 + 0.75 * f, "start"),
        (-(r + 1), -(r + 1), "end"),
        (-(r + 1), r + 1 + 0.75 * f, "end"),
        (0, -(r + 3), "middle"),
        (0, r + 3 + 0.75 * f, "middle"),
        # Half a line further up or down: still read as this dot's label in a crowd.
        (r + 1, -(r + 1) - 0.6 * f, "start"),
        (r + 1, r + 1 + 1.35 * f, "start"),
        (-(r + 1), -(r + 1) - 0.6 * f, "end"),
        (-(r + 1), r + 1 + 1.35 * f, "end"),
    )
    options = []
    for order, (dx, dy, anchor) in enumerate(spots):
        bx, by = x + dx, y + dy
        left = {"start": bx, "end": bx - text_width, "middle": bx - text_width / 2}[anchor]
        box = (left, by - 0.75 * f, left + text_width, by + 0.25 * f)
        # Nudge the label back inside the frame; the distance moved is a cost.
        shift_x = max(0.0, _EDGE - box[0]) - max(0.0, box[2] - (width - _EDGE))
        shift_y = max(0.0, _EDGE - box[1]) - max(0.0, box[3] - (height - _EDGE))
        box = (box[0] + shift_x, box[1] + shift_y, box[2] + shift_x, box[3] + shift_y)
        cost = 10 * (abs(shift_x) + abs(shift_y)) + 0.5 * order
        options.append((cost, box, (_tenths(bx + shift_x), _tenths(by + shift_y), anchor)))
    return options


def _text_width(text: str) -> float:
    """A generous guess of a label's width (no font metrics offline), fitted to DejaVu Sans,
    one of the widest sans-serif fonts a reader's system may pick."""
    narrow, wide = set("fijlrtI.,:;'’()[]/|! -"), set("mwMW")
    em = sum(0.35 if c in narrow else 0.92 if c in wide else 0.72 if c.isupper() else 0.61 for c in text)
    return em * _FONT


def _overlap(a: BBox, b: BBox) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
