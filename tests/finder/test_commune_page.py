"""The commune page on the real data: collectivités d'outre-mer described as such,
no request button for uninhabited territories, the data page counting 101
départements and 18 régions, and a bounded number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_saint_barthelemy_is_a_collectivite_d_outre_mer(client, official_lists, home_page):
    body = client.get("/communes/97701/").content.decode()
    assert "collectivité d'outre-mer Saint-Barthélemy" in body
    assert "région Saint-Barthélemy" not in body


@pytest.mark.parametrize("code", ["98412", "98901"])
def test_uninhabited_territories_get_no_request_button(client, official_lists, home_page, code):
    body = client.get(f"/communes/{code}/").content.decode()
    assert f"/ingenierie/demande/?commune={code}" not in body
    assert "sans population permanente" in body


def test_inhabited_communes_keep_the_request_button(client, official_lists, home_page):
    assert "/ingenierie/demande/?commune=97701" in client.get("/communes/97701/").content.decode()


def test_data_page_counts_101_departements_18_regions_and_lists_the_com_apart(client, official_lists):
    body = client.get("/communes/donnees/").content.decode()
    assert "<td>Départements</td><td>101</td>" in body.replace("\n", "").replace("  ", "")
    assert "<td>Régions</td><td>18</td>" in body.replace("\n", "").replace("  ", "")
    assert "Île de Clipperton (989)" in body
    for text in ("5 septembre 2024", "Licence Ouverte 2.0", "Liste des structures France services"):
        assert text in body


def test_queries_do_not_grow_with_the_france_services_listed(client, official_lists, programme_index):
    def count(code):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/communes/{code}/").status_code == 200
        return len(queries)

    count("23096")  # warm the per-process caches (site root, settings)
    # Charleville (2 structures in the commune) and Paris (many) read the same number of queries.
    assert count("08105") == count("75056")
    assert count("08105") < 40
