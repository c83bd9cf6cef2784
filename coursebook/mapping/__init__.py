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

The package: ``topology`` reads the country shapes, ``geometry`` simplifies, clips and
writes them as path data, ``labels`` places the place names, ``places`` reads the place
records, and ``draw`` puts the SVG together.
"""

from .draw import draw_map
from .places import places_outside
from .topology import COUNTRIES_FILE, Country, load_countries

__all__ = ["COUNTRIES_FILE", "Country", "draw_map", "load_countries", "places_outside"]
