"""The W3C Nu Html Checker finds no error on the pages of the demo site: every live
page, the commune search and pages, site search, the request form (empty, pre-filled
and with its errors), the data page, the API documentation and the 404 page."""

import pytest
from django.test import Client

from .conftest import HOST
from .nu_html_checker import errors

pytestmark = pytest.mark.django_db

#: A page the checker must refuse, checked in the same run: proof that the run
#: read the pages and reported their errors (a paragraph cannot hold a paragraph).
INVALID = b'<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><p><p>x</p></p></body></html>'


def test_the_nu_html_checker_finds_no_error_on_the_demo_pages(demo_pages):
    client = Client(HTTP_HOST=HOST)
    documents = dict(demo_pages)
    # The form as it comes back with its errors (nothing filled in).
    documents["/ingenierie/demande/ (envoyée vide)"] = client.post("/ingenierie/demande/", {}).content
    documents["témoin invalide"] = INVALID

    found = errors(documents)

    assert [e for e in found if e.startswith("témoin invalide")], (
        "le checker n'a pas signalé le témoin invalide"
    )
    assert [e for e in found if not e.startswith("témoin invalide")] == []
    assert len(documents) > 60
