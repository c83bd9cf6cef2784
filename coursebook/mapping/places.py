"""Place records (dicts or objects with id, name, lat, lon and an optional label) and the
box a map shows."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from .geometry import BBox


def places_outside(places: Iterable[Any], bbox: BBox) -> list[Any]:
    lon_min, lat_min, lon_max, lat_max = _check_bbox(bbox)
    outside = []
    for place in places:
        lat, lon = _coords(place)
        if not (lon_min <= lon <= lon_max and lat_min <= lat <= lat_max):
            outside.append(place)
    return outside


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
