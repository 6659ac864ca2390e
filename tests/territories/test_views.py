"""The public pages: search, "Ma commune", autocomplete, data page."""

import pytest

from territories.models import TerritorialDataImport

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_the_search_form_works_without_javascript(client, home_page):
    response = client.get("/communes/", {"q": "st etienne"})
    assert response.status_code == 200
    body = text(response)
    assert 'action="/communes/"' in body and 'name="q"' in body
    assert 'href="/communes/42218/"' in body
    assert "Saint-Étienne (42)" in body


def test_the_results_have_a_real_heading_and_their_count_in_a_live_region(client, home_page):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(text(client.get("/communes/", {"q": "saint-denis"})), "html.parser")
    heading = page.find(id="commune-results-title")
    assert heading.name == "h2" and not heading.has_attr("role")
    assert heading.get_text(strip=True) == "Communes correspondant à « saint-denis »"
    assert page.select_one(".anct-commune-results")["aria-labelledby"] == "commune-results-title"
    status = page.select_one("main p[role=status]").get_text(" ", strip=True)
    assert status == "20 premiers résultats : précisez votre recherche pour affiner"
    assert not page.select("h1[role], h2[role], h3[role]")


def test_a_merged_commune_shows_its_former_name(client, home_page):
    body = text(client.get("/communes/", {"q": "terron sur aisne"}))
    assert "Vouziers (08)" in body and "anciennement Terron-sur-Aisne" in body


def test_an_unknown_commune_gets_a_french_message_with_suggestions(client, home_page):
    response = client.get("/communes/", {"q": "Charlevile-Mezieres"})
    assert response.status_code == 200
    body = text(response)
    assert "Aucune commune ne correspond à « Charlevile-Mezieres »" in body
    assert "Vouliez-vous dire" in body and 'href="/communes/08105/"' in body


@pytest.mark.parametrize("code", ["XX", "123", "2C004", "080000", "abcde"])
def test_a_malformed_insee_code_is_a_404(client, home_page, code):
    assert client.get(f"/communes/{code}/").status_code == 404


def test_an_unknown_well_formed_code_is_a_404(client, home_page):
    assert client.get("/communes/08000/").status_code == 404


def test_autocomplete_returns_json_best_first(client):
    data = client.get("/communes/autocomplete/", {"q": "charleville"}).json()
    assert data["results"][0]["name"] == "Charleville"
    assert {"code": "08105", "label": "Charleville-Mézières (08)", "url": "/communes/08105/"}.items() <= data[
        "results"
    ][1].items()
    assert client.get("/communes/autocomplete/", {"q": "c"}).json()["results"] == []


def test_the_data_page_shows_source_licence_version_and_counts(client, home_page):
    body = text(client.get("/communes/donnees/"))
    latest = TerritorialDataImport.objects.latest()
    assert "@etalab/decoupage-administratif" in body and "MIT" in body
    assert latest.version in body and "6.0.0" in body
    assert "34\u202f969" in body or "34 969" in body or "34\xa0969" in body
    assert "1\u202f255" in body or "1 255" in body or "1\xa0255" in body


def test_ma_commune_shows_facts_delegate_programmes_and_engineering_button(client, catalogue):
    response = client.get("/communes/08362/")
    assert response.status_code == 200
    body = text(response)
    assert "<h1" in body and "Rethel" in body
    assert "CC du Pays Rethélois" in body  # its EPCI
    assert "Ardennes (08)" in body and "Grand Est" in body and "08300" in body
    assert "Préfecture des Ardennes" in body
    assert 'href="/ingenierie/demande/?commune=08362"' in body
    assert "Demander un appui en ingénierie" in body
    eligible = body.index("correspond")
    assert body.index("Pacte Ardennes") > eligible
    assert "Plan pour la Creuse" in body[body.index("<details") :]  # does not fit: collapsed
    assert "000 au plus" in body


def test_ma_commune_filters_by_thematique_in_a_shareable_url(client, catalogue):
    body = text(client.get("/communes/08362/", {"thematique": "numerique"}))
    assert "Conseillers numériques" in body and "Pacte Ardennes" not in body
    assert '<option value="numerique" selected>' in body


def test_ma_commune_queries_do_not_grow_with_the_number_of_programmes(
    client, catalogue, programme_index, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalogue.models import BeneficiaryType, TerritoryType
    from territories.models import Departement
    from tests.factories import ProgrammePageFactory

    with CaptureQueriesContext(connection) as first:
        client.get("/communes/08362/")
    for number in range(5):
        ProgrammePageFactory(
            parent=programme_index,
            title=f"Programme supplémentaire {number}",
            theme__slug="territoires-et-ruralites",
            eligible_beneficiary_types=BeneficiaryType.objects.filter(slug__in=["communes"]),
            eligible_territory_types=TerritoryType.objects.filter(slug__in=["qpv"]),
            eligible_departements=Departement.objects.filter(code__in=["08"]),
            population_max=10000,
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get("/communes/08362/")
    assert "Programme supplémentaire 4" in text(response)


def test_programmes_without_criteria_are_listed_apart(client, catalogue):
    """Pages that publish no criterion do not drown those the site could weigh."""
    html = client.get("/communes/08362/").content.decode()  # Rethel
    apart = html.split('id="without-criteria-title"', 1)[1].split("</section>", 1)[0]
    assert "Conseillers numériques" in apart
    assert "Petites villes de demain" not in apart
