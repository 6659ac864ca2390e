"""Reading a département map and its paired list out of a page, as a visitor
would compare them: the highlighted shapes and the départements listed."""

import re


def map_and_list(body: str, map_id: str, css_class: str = "is-highlighted") -> tuple[list[str], list[str]]:
    svg = re.search(rf'<svg[^>]*data-map="{map_id}".*?</svg>', body, re.S).group(0)
    highlighted = re.findall(rf'<path d="[^"]+" data-code="([0-9AB]+)" class="{css_class}">', svg)
    listing = re.search(rf'<ul class="anct-map__list" data-map-list="{map_id}">.*?</ul>', body, re.S).group(0)
    return highlighted, re.findall(r'<li data-code="([0-9AB]+)">', listing)
