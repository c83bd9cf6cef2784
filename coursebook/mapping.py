"""Static SVG maps of the book's places, drawn in Python and shipped inside the page.

The book must work offline, so a map is not a tile layer: it is one ``<svg>`` string
made here from Natural Earth country shapes (public domain), which the npm package
``world-atlas`` ships as TopoJSON (``node_modules/world-atlas/countries-50m.json``,
installed by ``npm ci``). We decode the TopoJSON ourselves, a few lines, rather than add
a Python dependency.

``load_countries(path)`` gives the countries (cached per process);
``draw_map(places, countries, bbox=..., title=..., description=..., id_prefix=...)``
gives the SVG. Places are the records of ``data/places.yaml``: dicts or objects with
``id``, ``name``, ``lat`` and ``lon`` (an optional ``label`` replaces the name on the
map). ``places_outside(places, bbox)`` lists those a map leaves out, so the page can say
so. The colours live in ``static/coursebook/map.css``; the SVG carries light-mode
colours as plain attributes only as a fallback (a notebook, a file opened on its own).

Everything is deterministic, so a rebuild gives byte-identical pages: no randomness,
no set iteration, and every coordinate rounded to a tenth of a pixel.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

#: Where the country shapes are, relative to the book's folder (see ``paths.find_root``).
COUNTRIES_FILE = Path("node_modules") / "world-atlas" / "countries-50m.json"

Point = tuple[float, float]
BBox = tuple[float, float, float, float]

# Drawing sizes, in SVG user units (pixels at the nominal width).
_TOLERANCE = 0.5  # Douglas–Peucker: a border may move this far, which nobody can see
_CLIP_MARGIN = 3.0  # shapes are cut a little outside the frame; the clipPath hides the cut
_MIN_AREA = 0.5  # islands smaller than this many square pixels are invisible: dropped
_DOT = 3.5  # radius of a place's circle
_FONT = 11.0  # label size; the label layout below estimates text width from it
_EDGE = 2.0  # labels keep this far from the frame

# Light-mode colours written into the SVG as presentation attributes. map.css overrides
# them (and switches to dark mode); they only matter where that CSS is not loaded.
_INK = {
    "sea": "#d6e6f2", "land": "#efe9dc", "border": "#8c8273", "focus": "#f2d68f", "focus_border": "#7a5c12",
    "place": "#b3261e", "place_ring": "#ffffff", "label": "#1b1b1b", "halo": "#ffffff",
}


@dataclass(frozen=True)
class Country:
    """One country of Natural Earth: its short name and its rings of (lon, lat).

    Rings are closed (last point = first). ``joints`` holds, per ring, the indexes where
    the TopoJSON arcs meet: a stretch between two joints is shared, point for point,
    with the neighbour across it, and simplifying each stretch on its own keeps the two
    countries' borders identical (no slivers of sea between them)."""

    name: str
    rings: tuple[tuple[Point, ...], ...]
    joints: tuple[tuple[int, ...], ...]


# --- loading ----------------------------------------------------------------------------


def load_countries(path: Path) -> list[Country]:
    """The countries of a world-atlas TopoJSON file, read once per process and path."""
    return list(_load_countries(str(Path(path).resolve())))


@lru_cache(maxsize=4)
def _load_countries(path: str) -> tuple[Country, ...]:
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError(
            f"{file} is missing: the map's country shapes come from the npm package world-atlas; "
            "run `npm ci` (or `make setup`) in the book's folder"
        )
    try:
        topo = json.loads(file.read_text(encoding="utf-8"))
        arcs = _decode_arcs(topo)
        geometries = topo["objects"]["countries"]["geometries"]
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise ValueError(
            f"{file} is not world-atlas's TopoJSON of countries (no objects.countries with arcs): {error}"
        ) from None
    countries = []
    for geometry in geometries:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:  # a country without a shape at this scale
            continue
        rings, joints = [], []
        for polygon in polygons:
            for ring_arcs in polygon:
                ring, ring_joints = _ring(ring_arcs, arcs)
                rings.append(ring)
                joints.append(ring_joints)
        name = (geometry.get("properties") or {}).get("name") or str(geometry.get("id", "?"))
        countries.append(Country(name, tuple(rings), tuple(joints)))
    return tuple(countries)


def _decode_arcs(topo: dict) -> list[list[Point]]:
    """TopoJSON arcs in (lon, lat): positions are quantised integers, each a delta from the last."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for position in arc:
            x += position[0]
            y += position[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs: list[list[Point]]) -> tuple[tuple[Point, ...], tuple[int, ...]]:
    """Join a ring's arcs; ``~i`` (a negative index) means arc ``i`` walked backwards."""
    points: list[Point] = []
    joints = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        if points:
            points.pop()  # an arc starts where the previous one ended
        joints.append(len(points))
        points.extend(arc)
    return tuple(points), tuple(joints)


# --- drawing ------------------------------------------------------------------------------


def places_outside(places: Iterable[Any], bbox: BBox) -> list[Any]:
    """The places a map of ``bbox`` leaves out, in their given order."""
    lon_min, lat_min, lon_max, lat_max = _check_bbox(bbox)
    outside = []
    for place in places:
        lat, lon = _coords(place)
        if not (lon_min <= lon <= lon_max and lat_min <= lat <= lat_max):
            outside.append(place)
    return outside


def draw_map(
    places: Iterable[Any],
    countries: Sequence[Country],
    *,
    bbox: BBox,
    width: int = 640,
    title: str,
    description: str,
    id_prefix: str,
    focus: Iterable[str] = (),
) -> str:
    """One ``<svg>``: the countries in ``bbox`` (lon_min, lat_min, lon_max, lat_max; a
    book's maps are in ``data/maps.yaml``), those named in ``focus`` highlighted, and each
    place inside the box as a labelled dot.

    Places outside the box are not drawn; ``places_outside`` lists them. ``title`` and
    ``description`` become the SVG's ``<title>`` and ``<desc>``, which screen readers
    announce (``role="img"``): the description should say in words what the map shows.
    ``id_prefix`` makes the SVG's ids unique in its page.
    """
    lon_min, lat_min, lon_max, lat_max = _check_bbox(bbox)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", id_prefix or ""):
        raise ValueError(f"id_prefix “{id_prefix}” must start with a letter and hold only letters, digits, - and _")
    if width <= 0:
        raise ValueError(f"width must be a positive number of pixels, not {width}")
    places = list(places)
    skipped = {id(p) for p in places_outside(places, bbox)}
    shown = [p for p in places if id(p) not in skipped]

    # Equirectangular, with longitudes shrunk by cos(mid-latitude) so shapes keep their
    # proportions near the middle of the map: x is then linear in lon, y in lat.
    scale = width / (lon_max - lon_min)
    height = (lat_max - lat_min) * scale / math.cos(math.radians((lat_min + lat_max) / 2))
    y_scale = height / (lat_max - lat_min)

    def project(lon: float, lat: float) -> Point:
        return ((lon - lon_min) * scale, (lat_max - lat) * y_scale)

    w, h = _tenths(width), _tenths(height)
    ids = {k: f"{id_prefix}-{k}" for k in ("title", "desc", "clip")}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cb-map" viewBox="0 0 {_fmt(w)} {_fmt(h)}" '
        f'width="{_fmt(w)}" height="{_fmt(h)}" role="img" aria-labelledby="{ids["title"]} {ids["desc"]}">',
        f'<title id="{ids["title"]}">{_esc(title)}</title>',
        f'<desc id="{ids["desc"]}">{_esc(description)}</desc>',
        f'<defs><clipPath id="{ids["clip"]}"><rect width="{_fmt(w)}" height="{_fmt(h)}"/></clipPath></defs>',
        f'<rect class="cb-map-sea" width="{_fmt(w)}" height="{_fmt(h)}" fill="{_INK["sea"]}"/>',
        f'<g clip-path="url(#{ids["clip"]})" fill="{_INK["land"]}" stroke="{_INK["border"]}" stroke-width="0.6" '
        'stroke-linejoin="round" fill-rule="evenodd">',
    ]
    frame = (-_CLIP_MARGIN, -_CLIP_MARGIN, width + _CLIP_MARGIN, height + _CLIP_MARGIN)
    margin_lon, margin_lat = _CLIP_MARGIN / scale, _CLIP_MARGIN / y_scale
    focus = set(focus)
    drawn = []
    for country in countries:
        d = _country_path(country, project, frame, (lon_min - margin_lon, lat_min - margin_lat,
                                                     lon_max + margin_lon, lat_max + margin_lat))
        if d:
            drawn.append((country.name in focus, country.name, d))
    # Highlighted countries last, so their outline is not covered by a neighbour's fill.
    for is_focus, name, d in sorted(drawn, key=lambda item: item[0]):
        if is_focus:
            out.append(f'<path class="cb-map-land cb-map-border cb-map-focus" data-country="{_esc(name)}" '
                       f'fill="{_INK["focus"]}" stroke="{_INK["focus_border"]}" stroke-width="1.2" d="{d}"/>')
        else:
            out.append(f'<path class="cb-map-land cb-map-border" data-country="{_esc(name)}" d="{d}"/>')
    out.append("</g>")

    dots = [(p, *_snap(project(lon, lat))) for p in shown for lat, lon in [_coords(p)]]
    out.append(f'<g class="cb-map-places" fill="{_INK["place"]}" stroke="{_INK["place_ring"]}" stroke-width="1">')
    for place, x, y in dots:
        out.append(f'<circle class="cb-map-place" data-place="{_esc(_field(place, "id"))}" '
                   f'cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_DOT}"/>')
    out.append("</g>")
    out.append(f'<g class="cb-map-labels" font-size="{_fmt(_tenths(_FONT))}" font-family="system-ui, sans-serif" '
               f'fill="{_INK["label"]}" stroke="{_INK["halo"]}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">')
    for (place, _, _), (x, y, anchor) in zip(dots, _layout_labels(dots, width, height)):
        anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
        out.append(f'<text class="cb-map-label" data-place="{_esc(_field(place, "id"))}" '
                   f'x="{_fmt(x)}" y="{_fmt(y)}"{anchor_attr}>{_esc(_label(place))}</text>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _country_path(country: Country, project, frame: BBox, box: BBox) -> str:
    """The SVG path data of a country's rings that reach the box, or "" if none does."""
    parts = []
    for ring, joints in zip(country.rings, country.joints):
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        if max(lons) < box[0] or min(lons) > box[2] or max(lats) < box[1] or min(lats) > box[3]:
            continue
        projected = [project(lon, lat) for lon, lat in ring]
        simple = _simplify_ring(projected, joints)
        clipped = _clip(simple[:-1], frame)
        snapped = _dedupe([_snap(p) for p in clipped])
        if len(snapped) >= 3 and abs(_area(snapped)) >= _MIN_AREA * 100:  # tenths squared
            parts.append(_path(snapped))
    return "".join(parts)


def _simplify_ring(points: list[Point], joints: tuple[int, ...]) -> list[Point]:
    """Douglas–Peucker on each stretch between joints, so shared borders simplify alike."""
    cuts = list(joints) + [len(points) - 1]
    result = [points[0]]
    for start, end in zip(cuts, cuts[1:]):
        stretch = points[start:end + 1]
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


# --- labels ---------------------------------------------------------------------------------


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
    for sweep in range(4):
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


# --- small helpers ----------------------------------------------------------------------------


def _check_bbox(bbox: BBox) -> BBox:
    try:
        lon_min, lat_min, lon_max, lat_max = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise ValueError(f"bbox must be four numbers (lon_min, lat_min, lon_max, lat_max), not {bbox!r}") from None
    if not (-180 <= lon_min < lon_max <= 180 and -90 <= lat_min < lat_max <= 90):
        raise ValueError(
            f"bbox {bbox!r} is not a box on the globe: it must be (lon_min, lat_min, lon_max, lat_max) "
            "with west < east within ±180 and south < north within ±90"
        )
    return lon_min, lat_min, lon_max, lat_max


def _field(place: Any, key: str, default: Any = None) -> Any:
    if isinstance(place, dict):
        return place.get(key, default)
    return getattr(place, key, default)


def _label(place: Any) -> str:
    return str(_field(place, "label") or _field(place, "name") or _field(place, "id"))


def _coords(place: Any) -> tuple[float, float]:
    lat, lon = _field(place, "lat"), _field(place, "lon")
    try:
        return float(lat), float(lon)
    except (TypeError, ValueError):
        raise ValueError(
            f"the place “{_field(place, 'id', '?')}” needs numeric lat and lon in decimal degrees (has lat={lat!r}, lon={lon!r})"
        ) from None


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


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
