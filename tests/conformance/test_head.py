"""HEAD answers wherever GET does (RFC 9110, 9.3.2): the same status and headers,
no body. Monitors and link checkers ask HEAD; a 405 reads to them as a broken page."""

import pytest
from django.test import Client

from .conftest import HOST

pytestmark = pytest.mark.django_db

#: Machine-readable addresses, beside the pages of ``demo_paths``.
DATA = [
    "/api/v1/openapi.json",
    "/api/v1/programmes/",
    "/api/v1/programmes/?page=0",  # 422
    "/api/v1/pactes/?departement=08",
    "/api/v1/formations/",
    "/api/v1/communes/08105/",
    "/api/v1/communes/99999/",  # 404
    "/api/v1/communes/08105/france-services/",
    "/api/v1/departements/08/france-services/",
    "/api/v1/exports/programmes.csv",
    "/api/v1/communes/08105/evaluation.xlsx",
    "/communes/autocomplete/?q=charle",
    "/recherche/autocomplete/?q=ville",
    "/flux/rss.xml",
    "/flux/atom.xml",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-communes.xml",
    "/robots.txt",
]


def test_head_gets_the_answer_of_get_without_its_body(demo_paths):
    client = Client(HTTP_HOST=HOST)
    differences = {}
    for path in demo_paths + DATA:
        got, head = client.get(path), client.head(path)
        answer = (head.status_code, head.get("Content-Type"), head.content)
        if answer != (got.status_code, got.get("Content-Type"), b""):
            differences[path] = f"GET {got.status_code}, HEAD {head.status_code} {head.get('Content-Type')}"
    assert differences == {}
    assert client.head("/api/v1/programmes/?page=0").status_code == 422
    assert client.head("/cette-page-n-existe-pas/").status_code == 404


def test_the_forms_still_refuse_what_they_do_not_serve():
    """HEAD joins GET; anything else a view does not handle stays a 405."""
    client = Client(HTTP_HOST=HOST)
    assert client.put("/communes/").status_code == 405
    assert client.delete("/api/v1/programmes/").status_code == 405
    assert client.put("/ingenierie/demande/").status_code == 405
