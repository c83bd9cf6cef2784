"""The country shapes: Natural Earth's countries as TopoJSON (npm ``world-atlas``), decoded
here in a few lines rather than with another dependency."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .geometry import Point

#: Where the country shapes are, relative to the book's folder (see ``paths.find_root``).
COUNTRIES_FILE = Path("node_modules") / "world-atlas" / "countries-50m.json"


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
