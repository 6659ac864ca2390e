"""The programme pages of the agency's networks on the map, from the official
lists shipped with the site: the Action cœur de ville communes (the list its
criterion names) and the France services structures, each map paired with a
list holding the same départements."""

import pytest

from territories.maps import shapes
from territories.models import DatasetMembership, FranceServicesStructure
from tests.factories import make_programme
from tests.reach.map_reading import map_and_list

pytestmark = pytest.mark.django_db


def drawable(codes) -> list[str]:
    drawn = {shape.code for shape in shapes()[1]}
    return [code for code in codes if code in drawn]


def test_the_acv_programme_maps_the_communes_of_the_official_list(client, acv):
    body = client.get(acv.url).content.decode()
    highlighted, listed = map_and_list(client, body, f"communes-{acv.pk}")
    expected = sorted(
        set(
            DatasetMembership.objects.filter(dataset__key="action-coeur-de-ville").values_list(
                "commune__departement_id", flat=True
            )
        )
    )
    assert len(expected) > 80
    assert listed == expected
    assert sorted(highlighted) == drawable(expected)
    assert "Les communes du programme sur la carte" in body
    assert "Départements comptant au moins une commune de la liste « Action cœur de ville »" in body
    assert '<a href="/communes/08105/">Charleville-Mézières</a>' in body
    assert "liste Action cœur de ville du 5 septembre 2024" in body


def test_a_programme_naming_no_imported_list_still_has_no_map(client, programme_index, official_lists):
    page = make_programme(programme_index, "Programme sans liste", territory_types=["montagne"])
    assert "anct-map" not in client.get(page.url).content.decode()


def test_the_france_services_programme_maps_the_structures(client, programme_index, official_lists):
    page = make_programme(programme_index, "France Services", lists_france_services=True)
    body = client.get(page.url).content.decode()
    highlighted, listed = map_and_list(client, body, "france-services")
    expected = sorted(set(FranceServicesStructure.objects.values_list("departement_id", flat=True)))
    assert len(expected) > 95
    assert listed == expected
    assert sorted(highlighted) == drawable(expected)
    ardennes = FranceServicesStructure.objects.filter(departement_id="08").count()
    assert f'<li data-code="08"><strong>Ardennes (08)</strong> :\n{ardennes} structures</li>' in body
