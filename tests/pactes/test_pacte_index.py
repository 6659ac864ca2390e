"""The pacte index: territory, status and progress of every pacte, in bounded queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PactePageFactory


def test_index_lists_pactes_with_territory_status_and_progress(
    client, pacte_index, ardennes_pacte, departements
):
    PactePageFactory(
        parent=pacte_index,
        title="Pacte Sambre-Avesnois-Thiérache",
        covered_departements=[departements["59"], departements["02"]],
        territory_label="Sambre-Avesnois-Thiérache",
    )
    html = client.get(pacte_index.url).content.decode()
    assert "Pacte Ardennes" in html and "Ardennes (08)" in html
    assert "2 actions sur 3 réalisées" in html
    assert "Sambre-Avesnois-Thiérache — Aisne (02), Nord (59)" in html
    assert "Axes et actions à venir" in html
    assert "en cours" in html


def count_index_queries(client, url):
    client.get(url)  # warm caches (site root paths, etc.)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_query_count_does_not_grow_with_pactes(client, pacte_index, departements):
    for n in range(3):
        PactePageFactory(
            parent=pacte_index,
            title=f"Pacte {n}",
            covered_departements=[departements["08"], departements["23"]],
            actions=["realisee", "prevue"],
        )
    with_3 = count_index_queries(client, pacte_index.url)
    for n in range(3, 30):
        PactePageFactory(
            parent=pacte_index,
            title=f"Pacte {n}",
            covered_departements=[departements["59"]],
            actions=["en_cours"],
        )
    with_30 = count_index_queries(client, pacte_index.url)
    assert with_3 == with_30
    assert "Pacte 29" in client.get(pacte_index.url).content.decode()
