"""Pages carry an ETag, so a browser or a cache that already holds a page asks
"has it changed?" and gets a bodiless 304 when it has not; a page that belongs to
one visitor (a form with its CSRF token) is never stored, so it gets none."""

import pytest
from django.core.cache import cache
from django.test import Client

from programmes.models import ProgrammePage

from .conftest import HOST

pytestmark = pytest.mark.django_db

SHARED = ["/", "/programmes/", "/communes/08105/", "/communes/donnees/", "/api/v1/programmes/"]


@pytest.mark.parametrize("path", SHARED)
def test_an_unchanged_page_answers_304_to_its_etag(demo_site, path):
    client = Client(HTTP_HOST=HOST)
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "public" in again["Cache-Control"]


def test_a_published_change_gives_a_new_etag_and_the_new_page(demo_site):
    client = Client(HTTP_HOST=HOST)
    programme = ProgrammePage.objects.live().order_by("path").first()
    etag = client.get(programme.url)["ETag"]
    programme.summary = "Un résumé revu par l’éditrice."
    programme.save_revision().publish()

    response = client.get(programme.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "Un résumé revu par l’éditrice." in response.content.decode()
    assert response["ETag"] != etag


def test_a_form_page_gets_no_etag_and_is_never_stored(demo_site):
    response = Client(HTTP_HOST=HOST).get("/ingenierie/demande/")
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]


def test_the_same_page_is_the_same_bytes_twice(demo_site):
    """What makes the ETag useful: no random id drawn at each rendering (django-dsfr's
    breadcrumb and accordions did), on a page with a breadcrumb and accordions."""
    client = Client(HTTP_HOST=HOST)
    for path in ("/offre-ingenierie/", "/pactes/pacte-ardennes/", "/communes/08105/"):
        first = client.get(path)
        cache.clear()  # the fragments too must render the same
        assert client.get(path)["ETag"] == first["ETag"], path
