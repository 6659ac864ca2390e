"""The département map as a resource of its own: drawn from the project's file
(overseas départements in their insets), served once with Cache-Control and an
ETag, shared by the pages that colour the same départements, so that a commune
page's HTML no longer carries the drawing."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from territories.management.commands.build_departement_map import TARGET, build, subpaths
from territories.maps import MAP_FILE, MapEntry, base_map, count_classes, departement_map
from tests.reach.map_reading import coloured, map_image

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
OVERSEAS = ["971", "972", "973", "974", "976"]


def test_the_drawing_is_the_projects_own_file_with_its_licence():
    assert MAP_FILE == TARGET and MAP_FILE.is_relative_to(Path(django_settings.BASE_DIR) / "territories")
    assert "node_modules" not in MAP_FILE.parts
    assert "Attribution 4.0 International" in (MAP_FILE.parent / "LICENSE.md").read_text()
    assert MAP_FILE.read_text() == build(), "relancer manage.py build_departement_map"


def test_each_overseas_departement_is_drawn_inside_its_frame_left_of_the_metropole():
    root = ET.parse(MAP_FILE).getroot()
    paths = {node.get("id"): node.get("d") for node in root.iter(f"{SVG}path")}
    frames = {node.get("data-code"): node for node in root.iter(f"{SVG}rect")}
    assert sorted(frames) == OVERSEAS
    metropole_left = min(x for code in paths if code not in frames for x, _y in points(paths[code]))
    for code, frame in frames.items():
        left, top = float(frame.get("x")), float(frame.get("y"))
        right, bottom = left + float(frame.get("width")), top + float(frame.get("height"))
        for x, y in points(paths[code]):
            assert left <= x <= right and top <= y <= bottom, code
        assert right < metropole_left


def points(d):
    return [point for polygon in subpaths(d) for point in polygon]


def test_counts_fall_into_at_most_four_contiguous_classes():
    assert count_classes([1] * 40 + [2] * 30 + [3] * 20 + [5, 8, 13]) == [(1, 1), (2, 2), (3, 13)]
    assert count_classes([4, 4, 4]) == [(4, 4)]
    ranges = count_classes(list(range(1, 101)))
    assert len(ranges) == 4 and ranges[0][0] == 1 and ranges[-1][1] == 100
    assert all(high + 1 == low for (_l, high), (low, _h) in zip(ranges, ranges[1:], strict=False))


def test_the_legend_gives_each_colour_its_range_and_the_image_uses_it(client):
    entries = [
        MapEntry(code, code, count=count) for code, count in [("08", 1), ("59", 9), ("971", 30), ("977", 2)]
    ]
    drawn = departement_map(entries, caption="", legend_title="Nombre")
    assert [(level.label, level.departements) for level in drawn["levels"]] == [
        ("1", 1),
        ("de 2 à 9", 1),
        ("de 10 à 30", 1),
    ]
    assert [entry.code for entry in drawn["undrawn"]] == ["977"]  # Saint-Barthélemy: the list holds it
    root = ET.fromstring(client.get(drawn["image_url"]).content)
    fills = {node.get("data-code"): node.get("fill") for node in root.iter(f"{SVG}path")}
    assert [fills["08"], fills["59"], fills["971"]] == [level.fill for level in drawn["levels"]]
    assert fills["01"] == drawn["blank"].fill and drawn["blank"].departements == 98


def test_a_commune_page_points_to_a_map_image_shared_by_its_departement(client, home_page):
    charleville = client.get("/communes/08105/").content.decode()
    sedan = client.get("/communes/08409/").content.decode()
    lille = client.get("/communes/59350/").content.decode()
    assert len(charleville.encode()) < 60_000 and "<path" not in charleville
    image = map_image(client, charleville, "commune")
    assert image.request["QUERY_STRING"] == map_image(client, sedan, "commune").request["QUERY_STRING"]
    assert image.request["QUERY_STRING"] != map_image(client, lille, "commune").request["QUERY_STRING"]
    assert coloured(image.content, "is-current") == ["08"]
    assert image["Cache-Control"] == "public, max-age=31536000, immutable"
    again = client.get(
        image.request["PATH_INFO"] + "?" + image.request["QUERY_STRING"], HTTP_IF_NONE_MATCH=image["ETag"]
    )
    assert again.status_code == 304 and again.content == b""
    assert again["Cache-Control"] == image["Cache-Control"] and again["ETag"] == image["ETag"]


def test_the_map_image_is_compressed_for_browsers_that_accept_it(client):
    url = departement_map([MapEntry("08", "Ardennes")], caption="", legend_title="")["image_url"]
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip" and len(packed.content) < len(plain.content) / 2


def test_an_address_naming_an_old_drawing_is_kept_a_short_time_only(client):
    response = client.get("/communes/carte/departements.svg?v=ancienne&h=08")
    assert response.status_code == 200 and response["Cache-Control"] == "public, max-age=3600"
    assert coloured(response.content) == ["08"]
    assert client.head("/communes/carte/departements.svg?h=08").status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["v", "h", "c", "n1", "n4", "x", "h[]"]), st.text(max_size=300)))
def test_any_address_of_the_map_gives_an_image(client, query):
    response = client.get("/communes/carte/departements.svg", query)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert len(list(ET.fromstring(response.content).iter(f"{SVG}path"))) == len(base_map().shapes)
