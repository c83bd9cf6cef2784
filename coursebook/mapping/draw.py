"""One ``<svg>`` map: sea, the countries in the box (some highlighted), and each place
inside the box as a labelled dot."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .geometry import BBox, Point, _area, _clip, _dedupe, _fmt, _path, _simplify_ring, _snap, _tenths
from .labels import _DOT, _FONT, _layout_labels
from .places import _check_bbox, _coords, _esc, _field, _label, places_outside
from .topology import Country

_CLIP_MARGIN = 3.0  # shapes are cut a little outside the frame; the clipPath hides the cut
_MIN_AREA = 0.5  # islands smaller than this many square pixels are invisible: dropped

# Light-mode colours written into the SVG as presentation attributes. map.css overrides
# them (and switches to dark mode); they only matter where that CSS is not loaded.
_INK = {
    "sea": "#d6e6f2",
    "land": "#efe9dc",
    "border": "#8c8273",
    "focus": "#f2d68f",
    "focus_border": "#7a5c12",
    "place": "#b3261e",
    "place_ring": "#ffffff",
    "label": "#1b1b1b",
    "halo": "#ffffff",
}


@dataclass(frozen=True)
class _Frame:
    """The map's projection: equirectangular, with longitudes shrunk by cos(mid-latitude)
    so shapes keep their proportions near the middle of the map (x is linear in lon, y in
    lat)."""

    bbox: BBox
    width: float

    @property
    def scale(self) -> float:
        return self.width / (self.bbox[2] - self.bbox[0])

    @property
    def height(self) -> float:
        lon_min, lat_min, lon_max, lat_max = self.bbox
        return (lat_max - lat_min) * self.scale / math.cos(math.radians((lat_min + lat_max) / 2))

    @property
    def y_scale(self) -> float:
        return self.height / (self.bbox[3] - self.bbox[1])

    def project(self, lon: float, lat: float) -> Point:
        return ((lon - self.bbox[0]) * self.scale, (self.bbox[3] - lat) * self.y_scale)


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
    frame = _Frame(_check_bbox(bbox), width)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", id_prefix or ""):
        raise ValueError(f"id_prefix “{id_prefix}” must start with a letter and hold only letters, digits, - and _")
    if width <= 0:
        raise ValueError(f"width must be a positive number of pixels, not {width}")
    places = list(places)
    skipped = {id(p) for p in places_outside(places, bbox)}
    shown = [p for p in places if id(p) not in skipped]
    out = _head(frame, title, description, id_prefix)
    out += _countries(frame, countries, set(focus))
    out += _places(frame, shown)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _head(frame: _Frame, title: str, description: str, id_prefix: str) -> list[str]:
    w, h = _tenths(frame.width), _tenths(frame.height)
    ids = {k: f"{id_prefix}-{k}" for k in ("title", "desc", "clip")}
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cb-map" viewBox="0 0 {_fmt(w)} {_fmt(h)}" '
        f'width="{_fmt(w)}" height="{_fmt(h)}" role="img" aria-labelledby="{ids["title"]} {ids["desc"]}">',
        f'<title id="{ids["title"]}">{_esc(title)}</title>',
        f'<desc id="{ids["desc"]}">{_esc(description)}</desc>',
        f'<defs><clipPath id="{ids["clip"]}"><rect width="{_fmt(w)}" height="{_fmt(h)}"/></clipPath></defs>',
        f'<rect class="cb-map-sea" width="{_fmt(w)}" height="{_fmt(h)}" fill="{_INK["sea"]}"/>',
        f'<g clip-path="url(#{ids["clip"]})" fill="{_INK["land"]}" stroke="{_INK["border"]}" stroke-width="0.6" '
        'stroke-linejoin="round" fill-rule="evenodd">',
    ]


def _countries(frame: _Frame, countries: Sequence[Country], focus: set[str]) -> list[str]:
    """The country shapes (closing the clipped group the head opened)."""
    lon_min, lat_min, lon_max, lat_max = frame.bbox
    clip = (-_CLIP_MARGIN, -_CLIP_MARGIN, frame.width + _CLIP_MARGIN, frame.height + _CLIP_MARGIN)
    margin_lon, margin_lat = _CLIP_MARGIN / frame.scale, _CLIP_MARGIN / frame.y_scale
    reach = (lon_min - margin_lon, lat_min - margin_lat, lon_max + margin_lon, lat_max + margin_lat)
    drawn = []
    for country in countries:
        d = _country_path(country, frame.project, clip, reach)
        if d:
            drawn.append((country.name in focus, country.name, d))
    out = []
    # Highlighted countries last, so their outline is not covered by a neighbour's fill.
    for is_focus, name, d in sorted(drawn, key=lambda item: item[0]):
        if is_focus:
            out.append(
                f'<path class="cb-map-land cb-map-border cb-map-focus" data-country="{_esc(name)}" '
                f'fill="{_INK["focus"]}" stroke="{_INK["focus_border"]}" stroke-width="1.2" d="{d}"/>'
            )
        else:
            out.append(f'<path class="cb-map-land cb-map-border" data-country="{_esc(name)}" d="{d}"/>')
    out.append("</g>")
    return out


def _places(frame: _Frame, shown: list[Any]) -> list[str]:
    """A dot per place, then the labels, laid out so they keep clear of each other."""
    dots = [(p, *_snap(frame.project(lon, lat))) for p in shown for lat, lon in [_coords(p)]]
    out = [f'<g class="cb-map-places" fill="{_INK["place"]}" stroke="{_INK["place_ring"]}" stroke-width="1">']
    for place, x, y in dots:
        out.append(
            f'<circle class="cb-map-place" data-place="{_esc(_field(place, "id"))}" '
            f'cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_DOT}"/>'
        )
    out.append("</g>")
    out.append(
        f'<g class="cb-map-labels" font-size="{_fmt(_tenths(_FONT))}" font-family="system-ui, sans-serif" '
        f'fill="{_INK["label"]}" stroke="{_INK["halo"]}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">'
    )
    for (place, _, _), (x, y, anchor) in zip(dots, _layout_labels(dots, frame.width, frame.height)):
        anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
        out.append(
            f'<text class="cb-map-label" data-place="{_esc(_field(place, "id"))}" '
            f'x="{_fmt(x)}" y="{_fmt(y)}"{anchor_attr}>{_esc(_label(place))}</text>'
        )
    out.append("</g>")
    return out


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
