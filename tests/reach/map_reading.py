"""Reading a département map and its paired list out of a page, as a visitor
would compare them: the départements the map's image colours (fetched from the
address the page gives, as a browser does) and the départements listed."""

import html
import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def map_image(client, body: str, map_id: str):
    """The response of the map image the page shows under ``map_id``."""
    tag = re.search(rf'<img[^>]*data-map="{map_id}"[^>]*>', body).group(0)
    src = html.unescape(re.search(r'src="([^"]+)"', tag).group(1))
    return client.get(src)


def coloured(svg: bytes, css_class: str = "is-highlighted") -> list[str]:
    root = ET.fromstring(svg)
    return [
        path.get("data-code")
        for path in root.iter(f"{SVG}path")
        if css_class in (path.get("class") or "").split()
    ]


def map_and_list(
    client, body: str, map_id: str, css_class: str = "is-highlighted"
) -> tuple[list[str], list[str]]:
    response = map_image(client, body, map_id)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    highlighted = coloured(b"".join(response) if response.streaming else response.content, css_class)
    listing = re.search(rf'<ul class="anct-map__list" data-map-list="{map_id}">.*?</ul>', body, re.S).group(0)
    return highlighted, re.findall(r'<li data-code="([0-9AB]+)">', listing)
