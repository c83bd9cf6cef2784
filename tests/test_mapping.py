"""The static maps: TopoJSON decoding, projection, what is drawn, accessibility, size, colours."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from coursebook.mapping import COUNTRIES_FILE, draw_map, load_countries, places_outside

ROOT = Path(__file__).resolve().parent.parent
# The book's two maps (data/maps.yaml): Syria and its neighbours, and the wider world.
MAPS = {m["id"]: m for m in yaml.safe_load((ROOT / "data" / "maps.yaml").read_text(encoding="utf-8"))}
REGION, WIDE = ((m["west"], m["south"], m["east"], m["north"]) for m in (MAPS["region"], MAPS["wide"]))
SVG = "{http://www.w3.org/2000/svg}"
CSS = ROOT / "coursebook" / "static" / "coursebook" / "map.css"


# The module-scoped fixtures below are costly: keep this file's tests in one xdist worker.
pytestmark = pytest.mark.xdist_group("mapping")


@pytest.fixture(scope="module")
def countries():
    return load_countries(ROOT / COUNTRIES_FILE)


@pytest.fixture(scope="module")
def places():
    return yaml.safe_load((ROOT / "data" / "places.yaml").read_text(encoding="utf-8"))


def inside(place, bbox) -> bool:
    lon_min, lat_min, lon_max, lat_max = bbox
    return lon_min <= place["lon"] <= lon_max and lat_min <= place["lat"] <= lat_max


def draw(places, countries, bbox, **kwargs):
    options = dict(
        bbox=bbox, title="A map", description="Places of the article.", id_prefix="m", focus=MAPS["region"]["focus"]
    )
    return draw_map(places, countries, **{**options, **kwargs})


def circles(svg: str) -> dict[str, tuple[float, float]]:
    root = ET.fromstring(svg)
    return {c.get("data-place"): (float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")}


# --- decoding --------------------------------------------------------------------------------


def test_syria_has_a_plausible_outline(countries):
    syria = [c for c in countries if c.name == "Syria"]
    assert len(syria) == 1
    points = [p for ring in syria[0].rings for p in ring]
    assert len(points) > 50
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    assert 35 <= min(lons) < max(lons) <= 43
    assert 32 <= min(lats) < max(lats) <= 38
    assert all(ring[0] == ring[-1] for ring in syria[0].rings)


def test_countries_are_read_once_per_process(countries):
    again = load_countries(ROOT / COUNTRIES_FILE)
    assert again == countries and again[0] is countries[0]


def test_reversed_arcs_are_walked_backwards(tmp_path):
    # Two unit squares side by side sharing the arc x=1; the right one walks it backwards (~0 = -1).
    topo = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]], [[1, 0], [1, 0], [0, 1], [-1, 0]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
                    {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"name": "East"}},
                    {"type": None, "properties": {"name": "Nowhere"}},
                ],
            }
        },
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(topo), encoding="utf-8")
    west, east = load_countries(path)
    assert [c.name for c in (west, east)] == ["West", "East"]
    assert west.rings == (((11, 20), (11, 21), (10, 21), (10, 20), (11, 20)),)
    assert east.rings == (((11, 20), (12, 20), (12, 21), (11, 21), (11, 20)),)


def test_a_missing_file_says_what_to_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="npm ci"):
        load_countries(tmp_path / "countries-50m.json")


# --- drawing ---------------------------------------------------------------------------------


def test_projection_keeps_the_compass(places, countries):
    dots = circles(draw(places, countries, REGION))
    assert dots["damascus"][0] < dots["deir-ez-zor"][0], "Damascus is west of Deir ez-Zor"
    assert dots["damascus"][1] > dots["aleppo"][1], "Damascus is south of Aleppo (y grows downwards)"
    assert dots["latakia"][0] < dots["raqqa"][0]


@pytest.mark.parametrize("bbox", [REGION, WIDE], ids=["region", "wide"])
def test_every_place_in_the_box_is_drawn_and_the_others_are_listed(places, countries, bbox):
    svg = draw(places, countries, bbox)
    expected = [p["id"] for p in places if inside(p, bbox)]
    assert list(circles(svg)) == expected
    labels = [t.get("data-place") for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert labels == expected
    assert [p["id"] for p in places_outside(places, bbox)] == [p["id"] for p in places if not inside(p, bbox)]


def test_nearly_every_place_fits_one_of_the_two_maps(places):
    # The places page names the few that fit neither (see test_context_browser); the maps
    # must still carry the great majority, and every place in and around Syria.
    outside = [p["id"] for p in places if not (inside(p, REGION) or inside(p, WIDE))]
    assert len(outside) <= 3
    assert all(inside(p, REGION) for p in places if 32 <= p["lat"] <= 37.5 and 35.5 <= p["lon"] <= 42.5)


def test_output_is_deterministic(places, countries):
    first = draw(places, countries, WIDE)
    assert draw([dict(p) for p in places], list(countries), WIDE) == first


def test_svg_parses_and_names_itself(places, countries):
    svg = draw(places, countries, REGION, title="Syria and its neighbours", id_prefix="region-map")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert re.fullmatch(r"0 0 640 \d+(\.\d)?", root.get("viewBox"))
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    title_id, desc_id = root.get("aria-labelledby").split()
    assert by_id[title_id].tag == f"{SVG}title" and by_id[title_id].text == "Syria and its neighbours"
    assert by_id[desc_id].tag == f"{SVG}desc"
    assert all(i.startswith("region-map-") for i in by_id)


def test_syria_is_highlighted_and_drawn_last(places, countries):
    root = ET.fromstring(draw(places, countries, REGION))
    paths = list(root.iter(f"{SVG}path"))
    focus = [p for p in paths if "cb-map-focus" in p.get("class").split()]
    assert [p.get("data-country") for p in focus] == ["Syria"]
    assert paths[-1] is focus[0]
    names = {p.get("data-country") for p in paths}
    assert {"Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Iran"} <= names
    assert "Brazil" not in names


def test_text_is_escaped(countries):
    place = {"id": 'odd"id', "name": "A<B & C", "lat": 35.0, "lon": 38.0}
    svg = draw([place], countries, REGION, title="Maps <&> more", description='He said "hi" & left')
    assert "A&lt;B &amp; C" in svg and "Maps &lt;&amp;&gt; more" in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Maps <&> more"
    assert root.find(f"{SVG}desc").text == 'He said "hi" & left'
    assert [t.text for t in root.iter(f"{SVG}text")] == ["A<B & C"]
    assert list(circles(svg)) == ['odd"id']


def test_a_label_is_preferred_to_the_name(countries):
    place = {"id": "x", "name": "A very long official name", "label": "Short", "lat": 35.0, "lon": 38.0}
    texts = [t.text for t in ET.fromstring(draw([place], countries, REGION)).iter(f"{SVG}text")]
    assert texts == ["Short"]


def test_labels_are_nudged_off_the_frame(countries):
    corner = {"id": "corner", "name": "A long name in the north-east corner", "lat": 38.45, "lon": 49.45}
    root = ET.fromstring(draw([corner], countries, REGION))
    text = next(root.iter(f"{SVG}text"))
    width = float(root.get("width"))
    assert text.get("text-anchor") == "end" and float(text.get("x")) <= width - 2
    assert float(text.get("y")) >= 11, "the label's top is inside the frame"


def test_coordinates_have_one_decimal(places, countries):
    svg = draw(places, countries, WIDE)
    numbers = re.findall(r'(?:cx|cy|x|y|width|height)="([^"]*)"', svg)
    numbers += re.findall(r"-?\d*\.?\d+", " ".join(re.findall(r' d="([^"]*)"', svg)))
    assert numbers and not [n for n in numbers if re.search(r"\.\d\d", n)]


@pytest.mark.parametrize(("bbox", "limit"), [(REGION, 60_000), (WIDE, 120_000)], ids=["region", "wide"])
def test_maps_stay_small(places, countries, bbox, limit):
    assert len(draw(places, countries, bbox).encode("utf-8")) < limit


def test_bad_input_is_named(countries):
    with pytest.raises(ValueError, match="bbox"):
        draw([], countries, (50, 30, 40, 35))
    with pytest.raises(ValueError, match="id_prefix"):
        draw([], countries, REGION, id_prefix="1 map")
    with pytest.raises(ValueError, match="“nowhere”"):
        draw([{"id": "nowhere", "name": "Nowhere", "lat": None, "lon": 3}], countries, REGION)


# --- colours ---------------------------------------------------------------------------------


def css_colours(selector: str) -> dict[str, str]:
    text = CSS.read_text(encoding="utf-8")
    block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", text).group(1)
    return dict(re.findall(r"--cb-map-([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("selector", [":root", 'html[data-theme="dark"]'], ids=["light", "dark"])
def test_map_colours_have_enough_contrast(selector):
    c = css_colours(selector)
    assert len(c) == 9, c
    grounds = [c["sea"], c["land"], c["focus"], c["halo"]]
    for ground in grounds:  # labels: readable on the halo and, where the halo is thin, on any fill
        assert contrast(c["label"], ground) >= 4.5, (c["label"], ground)
    for ground in grounds[:3]:  # dots and Syria's outline: 3:1 for graphics
        assert contrast(c["place"], ground) >= 3, (c["place"], ground)
    assert contrast(c["focus-border"], c["land"]) >= 3
    assert contrast(c["focus-border"], c["focus"]) >= 3
    assert contrast(c["border"], c["land"]) >= 3


def test_svg_fallback_colours_are_the_light_css_ones(places, countries):
    light = css_colours(":root")
    root = ET.fromstring(draw(places, countries, REGION))
    groups = {g.get("class"): g for g in root.iter(f"{SVG}g")}
    land = next(g for g in root.iter(f"{SVG}g") if g.get("clip-path"))
    focus = next(p for p in root.iter(f"{SVG}path") if "cb-map-focus" in p.get("class"))
    assert root.find(f"{SVG}rect[@class='cb-map-sea']").get("fill") == light["sea"]
    assert (land.get("fill"), land.get("stroke")) == (light["land"], light["border"])
    assert (focus.get("fill"), focus.get("stroke")) == (light["focus"], light["focus-border"])
    assert (groups["cb-map-places"].get("fill"), groups["cb-map-places"].get("stroke")) == (
        light["place"],
        light["place-ring"],
    )
    assert (groups["cb-map-labels"].get("fill"), groups["cb-map-labels"].get("stroke")) == (
        light["label"],
        light["halo"],
    )
