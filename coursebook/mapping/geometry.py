"""Shapes: Douglas–Peucker simplification, clipping to the frame, and SVG path data written
in exact tenths of a pixel (so a rebuild gives byte-identical pages)."""

from __future__ import annotations

import math
from collections.abc import Iterable

Point = tuple[float, float]
BBox = tuple[float, float, float, float]

_TOLERANCE = 0.5  # Douglas–Peucker: a border may move this far, which nobody can see


def _simplify_ring(points: list[Point], joints: tuple[int, ...]) -> list[Point]:
    """Douglas–Peucker on each stretch between joints, so shared borders simplify alike."""
    cuts = list(joints) + [len(points) - 1]
    result = [points[0]]
    for start, end in zip(cuts, cuts[1:]):
        stretch = points[start : end + 1]
        # Walk every stretch in one canonical direction: a neighbour walks it backwards.
        backwards = stretch[::-1] < stretch
        kept = _douglas_peucker(stretch[::-1] if backwards else stretch, _TOLERANCE)
        result.extend((kept[::-1] if backwards else kept)[1:])
    return result


def _douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        dx, dy = points[last][0] - ax, points[last][1] - ay
        length = math.hypot(dx, dy)
        farthest, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i][0] - ax, points[i][1] - ay
            d = abs(dy * px - dx * py) / length if length else math.hypot(px, py)
            if d > farthest:
                farthest, index = d, i
        if farthest > tolerance:
            keep[index] = True
            stack.append((index, last))
            stack.append((first, index))
    return [p for p, k in zip(points, keep) if k]


def _clip(points: list[Point], box: BBox) -> list[Point]:
    """Sutherland–Hodgman: a polygon cut to a rectangle (edges along the cut fall outside the frame)."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: _cross_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _cross_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _cross_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _cross_y(p, q, y1)),
    )
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _cross_x(p: Point, q: Point, x: float) -> Point:
    return (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))


def _cross_y(p: Point, q: Point, y: float) -> Point:
    return (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)


def _tenths(value: float) -> int:
    return round(value * 10)


def _snap(point: Point) -> tuple[int, int]:
    return _tenths(point[0]), _tenths(point[1])


def _fmt(tenths: int) -> str:
    """A number given in tenths, written short: 125 → "12.5", 120 → "12", -5 → "-.5"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _dedupe(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    while len(result) > 1 and result[-1] == result[0]:
        result.pop()
    return result


def _area(points: list[tuple[int, int]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1])) / 2


def _path(points: list[tuple[int, int]]) -> str:
    """A closed subpath: an absolute move, then relative lines (shorter), all in exact tenths."""
    (x, y), steps = points[0], []
    for px, py in points[1:]:
        steps += [px - x, py - y]
        x, y = px, py
    return f"M{_numbers(points[0])}l{_numbers(steps)}z"


def _numbers(tenths: Iterable[int]) -> str:
    """Numbers for path data: a space between two, none before a minus sign."""
    out = []
    for value in tenths:
        text = _fmt(value)
        if out and not text.startswith("-"):
            out.append(" ")
        out.append(text)
    return "".join(out)
