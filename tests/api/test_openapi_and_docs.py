"""The OpenAPI document validates and describes every endpoint; the French
documentation page lists them without any third-party script."""

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/programmes/",
    "/api/v1/pactes/",
    "/api/v1/formations/",
    "/api/v1/communes/{code}/",
    "/api/v1/communes/{code}/france-services/",
    "/api/v1/departements/{code}/france-services/",
    "/api/v1/intercommunalites/{siren}/",
    "/api/v1/departements/{code}/",
]


def test_the_openapi_document_validates(client, home_page):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert sorted(document["paths"]) == sorted(ENDPOINTS)
    assert set(document["paths"]["/api/v1/programmes/"]) == {"get"}
    parameters = {p["name"] for p in document["paths"]["/api/v1/programmes/"]["get"]["parameters"]}
    assert parameters == {"thematique", "politique", "statut", "departement", "page", "taille"}


def test_the_docs_page_lists_every_endpoint_in_french(client, home_page):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr"' in body or 'lang="fr"' in body
    for path in ENDPOINTS:
        assert path in body
    assert "Paramètres de /api/v1/programmes/" in body
    assert 'href="/api/v1/openapi.json"' in body
    assert "cdn." not in body and "swagger" not in body.lower()


def test_the_docs_are_linked_from_the_footer_and_from_the_data_page(client, home_page):
    link = 'href="/api/v1/docs/"'
    assert link in client.get("/").content.decode().split('id="footer"', 1)[1]
    assert link in client.get("/communes/donnees/").content.decode().split("<main", 1)[1].split("</main>")[0]


def test_the_422_answers_are_documented_where_parameters_are_validated(client, home_page):
    """Schemathesis's status-code check (tests/conformance) holds the whole document
    to this; here, which operations answer 422 and what the answer looks like."""
    document = client.get("/api/v1/openapi.json").json()
    with_422 = {path for path, methods in document["paths"].items() if "422" in methods["get"]["responses"]}
    assert with_422 == {
        "/api/v1/programmes/",
        "/api/v1/pactes/",
        "/api/v1/formations/",
        "/api/v1/communes/{code}/",
    }
    answer = client.get("/api/v1/programmes/", {"taille": 0, "statut": "ferme"})
    assert answer.status_code == 422
    assert {tuple(error["loc"]) for error in answer.json()["detail"]} == {
        ("query", "taille"),
        ("query", "statut"),
    }
