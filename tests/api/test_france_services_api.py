"""France services as open data, on the shipped list (ANCT, 1 August 2024) and the
real territorial data: the structures nearest a commune are those of its commune
page, a département lists all of its own, every answer names its source."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from territories.delegates import france_services_near
from territories.models import Commune, FranceServicesStructure
from tests.finder.conftest import _official_lists_once, ensure_reference_lists  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def france_services(real_territories, _official_lists_once, django_db_blocker):  # noqa: F811
    with django_db_blocker.unblock():
        ensure_reference_lists()


def test_charleville_gets_its_two_structures_with_their_source(client, france_services):
    body = client.get("/api/v1/communes/08105/france-services/").json()
    assert body["niveau"] == "commune"
    names = {s["nom"] for s in body["structures"]}
    assert names == {
        "France services Charleville-Mézières - Ronde Couture",
        "France services Charleville-Mézières - Manchester",
    }
    assert all(s["commune"]["code"] == "08105" for s in body["structures"])
    assert body["source"]["licence"] and "France services" in body["source"]["titre"]


def test_a_commune_without_a_structure_gets_the_same_level_as_its_page(client, france_services):
    commune = (
        Commune.objects.filter(france_services__isnull=True, epci__isnull=False).order_by("code").first()
    )
    nearby = france_services_near(commune)
    body = client.get(f"/api/v1/communes/{commune.code}/france-services/").json()
    assert body["niveau"] == nearby.scope != "commune"
    assert [s["identifiant"] for s in body["structures"]] == [s.identifier for s in nearby.structures]


def test_a_departement_lists_every_structure_of_its_own(client, france_services):
    body = client.get("/api/v1/departements/08/france-services/").json()
    expected = FranceServicesStructure.objects.filter(departement_id="08").count()
    assert body["departement"] == {"code": "08", "nom": "Ardennes"}
    assert body["nombre"] == len(body["structures"]) == expected > 0
    corsica = client.get("/api/v1/departements/2a/france-services/")
    assert corsica.status_code == 200 and corsica.json()["departement"]["code"] == "2A"


def test_unknown_codes_answer_404(client, france_services):
    assert client.get("/api/v1/departements/00/france-services/").status_code == 404
    assert client.get("/api/v1/communes/99999/france-services/").status_code == 404


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(min_size=1, max_size=12).filter(lambda c: not set(c) & set("/?#")))
def test_no_code_causes_a_server_error(client, france_services, code):
    for path in ("/api/v1/departements/{}/france-services/", "/api/v1/communes/{}/france-services/"):
        response = client.get(path.format(quote(code, safe="")))
        assert response.status_code < 500, (code, response.content[:300])


def test_a_nul_byte_in_a_departement_code_is_a_404(client, france_services):
    assert client.get("/api/v1/departements/%00/france-services/").status_code == 404
