"""The catalogue endpoints: every published page with its fields, never a draft
or a private page; filters, pagination, open-data headers."""

import pytest

from api.serializers import FAMILIES

pytestmark = pytest.mark.django_db


def every_result(client, family, **params):
    """All results of a listing, following the ``suivante`` links."""
    url, results = f"/api/v1/{family}/", []
    while url:
        response = client.get(url, params)
        assert response.status_code == 200, response.content
        body = response.json()
        results += body["resultats"]
        url, params = body["suivante"], {}
    return results


def test_every_published_page_appears_and_no_draft_or_private_one(client, published):
    titles = {family: {r["titre"] for r in every_result(client, family)} for family in FAMILIES}
    for family, model in FAMILIES.items():
        expected = set(model.objects.live().public().values_list("title", flat=True))
        assert titles[family] == expected
    assert "Petites villes de demain" in titles["programmes"]
    assert {"Pacte Ardennes", "Plan pour la Creuse"} <= titles["pactes"]
    assert titles["formations"] == {"Formation des élus au numérique"}
    everything = set().union(*titles.values())
    assert "Programme en brouillon" not in everything
    assert "Programme réservé" not in everything


def test_a_programme_carries_its_structured_fields(client, published):
    page = published["petites_villes"]
    item = next(r for r in every_result(client, "programmes") if r["id"] == page.pk)
    assert item["url"] == page.get_full_url()
    assert item["resume"] == page.summary
    assert item["thematique"]["slug"] == "territoires-et-ruralites"
    assert item["statut"] == {"code": "actif", "libelle": "en cours"}
    assert item["eligibilite"]["population_max"] == 20000
    assert {t["slug"] for t in item["eligibilite"]["types_de_beneficiaires"]} == {"communes", "epci"}
    assert item["eligibilite"]["types_de_territoires"][0]["slug"] == "petite-ville"
    assert item["eligibilite"]["precisions"].startswith("Communes de moins de 20 000")
    assert item["contacts"][0]["courriel"] == "pvd@example.org"
    assert len(item["partenaires"]) == 1


def test_a_pacte_carries_its_territory(client, published):
    item = next(r for r in every_result(client, "pactes") if r["titre"] == "Pacte Ardennes")
    assert item["territoire"] == "Ardennes"
    assert item["departements_couverts"] == [{"code": "08", "nom": "Ardennes"}]
    assert item["montant_total"] is None  # unknown, never 0


def test_filters(client, published):
    numerique = every_result(client, "programmes", thematique="numerique")
    assert [r["titre"] for r in numerique] == ["Conseillers numériques"]
    assert {r["titre"] for r in every_result(client, "pactes", departement="23")} == {"Plan pour la Creuse"}
    assert every_result(client, "programmes", statut="termine") == []
    assert every_result(client, "programmes", thematique="inconnue") == []
    policy = published["numerique"].public_policy.slug
    assert [r["titre"] for r in every_result(client, "programmes", politique=policy)] == [
        "Conseillers numériques"
    ]


def test_pagination_splits_and_links_the_pages(client, published):
    first = client.get("/api/v1/programmes/", {"taille": 2}).json()
    assert first["total"] == 3 and first["pages"] == 2 and len(first["resultats"]) == 2
    assert first["precedente"] is None
    second = client.get(first["suivante"]).json()
    assert len(second["resultats"]) == 1 and second["suivante"] is None
    assert "page=1" in second["precedente"]
    ids = [r["id"] for r in first["resultats"] + second["resultats"]]
    assert len(set(ids)) == 3
    beyond = client.get("/api/v1/programmes/", {"page": 9}).json()
    assert beyond["resultats"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"taille": 0},
        {"taille": 101},
        {"page": 0},
        {"page": "x"},
        {"statut": "brouillon"},
        {"departement": "999x"},
    ],
)
def test_a_malformed_parameter_is_a_422(client, published, params):
    assert client.get("/api/v1/programmes/", params).status_code == 422


def test_open_data_headers(client, published):
    response = client.get("/api/v1/pactes/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    preflight = client.options("/api/v1/pactes/")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/v1/pactes/").status_code == 405
