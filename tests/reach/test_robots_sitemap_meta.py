"""robots.txt, the XML sitemap with lastmod, canonical URLs and Open Graph cards."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import make_programme

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_the_sitemap_lists_published_pages_with_lastmod_and_no_draft(client, programme_index):
    page = make_programme(programme_index, "Programme publié")
    draft = programme_index.add_child(
        instance=type(page)(title="Brouillon", summary="Pas publié.", live=False)
    )
    index = ET.fromstring(client.get("/sitemap.xml").content)
    files = [loc.text for loc in index.iterfind("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert "http://testserver/sitemap-pages.xml" in files
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    assert page.get_full_url() in entries
    assert entries[page.get_full_url()].startswith(
        timezone.localtime(page.last_published_at).date().isoformat()
    )
    assert draft.get_full_url() not in entries


def test_a_page_has_its_canonical_url_and_open_graph_card(client, programme_index):
    page = make_programme(programme_index, "Programme partagé", summary="Un résumé qui s'affiche.")
    body = client.get(page.url).content.decode()
    assert f'<link rel="canonical" href="{page.get_full_url()}">' in body
    assert '<meta property="og:title" content="Programme partagé">' in body
    assert f'<meta property="og:url" content="{page.get_full_url()}">' in body
    assert '<meta property="og:description" content="Un résumé qui s&#x27;affiche.">' in body
    assert '<meta property="og:type" content="article">' in body


def test_a_view_that_is_not_a_page_is_canonical_without_its_query(client, home_page, real_territories):
    body = client.get("/communes/08105/", {"thematique": "numerique"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/communes/08105/">' in body
    assert '<meta property="og:title" content="Charleville-Mézières">' in body
