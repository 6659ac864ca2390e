"""The sitemap index (sitemaps.org protocol, validated against its published XML
Schemas) lists every commune page and every Wagtail page, each with its ``lastmod``,
in files within the protocol's limits; its addresses answer 200 on the configured
host; the commune files, long to render, come from the cache until content changes."""

import random
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localdate
from lxml import etree
from wagtail.models import Page

from programmes.models import ProgrammePage
from territories.models import EPCI, EPT, Commune, Departement

from .conftest import HOST

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ROOT = f"http://{HOST}"
MAX_URLS, MAX_BYTES = 50_000, 50 * 1024 * 1024


def xml_schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def fetch(client, url: str) -> bytes:
    assert url.startswith(ROOT + "/"), url
    response = client.get(url.removeprefix(ROOT))
    assert response.status_code == 200, url
    return response.content


def sitemap_urls(client) -> dict[str, str]:
    """Every address of the sitemap index → its lastmod, each file checked on the way."""
    index = etree.fromstring(fetch(client, ROOT + "/sitemap.xml"))
    xml_schema("siteindex.xsd").assertValid(index)
    files = index.findall("sm:sitemap", NS)
    assert all(f.findtext("sm:lastmod", namespaces=NS) for f in files)
    urls = {}
    urlset_schema = xml_schema("sitemap.xsd")
    for file in files:
        content = fetch(client, file.findtext("sm:loc", namespaces=NS))
        assert len(content) < MAX_BYTES
        urlset = etree.fromstring(content)
        urlset_schema.assertValid(urlset)
        entries = urlset.findall("sm:url", NS)
        assert 0 < len(entries) <= MAX_URLS
        urls.update(
            {e.findtext("sm:loc", namespaces=NS): e.findtext("sm:lastmod", namespaces=NS) for e in entries}
        )
    return urls


@pytest.fixture(scope="package")
def sitemap(demo_site, django_db_blocker) -> dict[str, str]:
    """The demo's sitemap, read and checked once for the tests that read it whole:
    its 37,000 addresses take seconds to render and validate."""
    with django_db_blocker.unblock():
        return sitemap_urls(Client(HTTP_HOST=HOST))


def test_the_index_lists_every_commune_and_every_page_with_lastmod(demo_site, sitemap):
    urls = sitemap

    communes = {f"{ROOT}/communes/{code}/" for code in Commune.objects.values_list("code", flat=True)}
    assert len(communes) > 34_000
    assert communes <= urls.keys()
    pages = {
        page.get_full_url() for page in Page.objects.live().public().descendant_of(demo_site, inclusive=True)
    }
    assert pages <= urls.keys()
    groupements = {
        f"{ROOT}/intercommunalites/{siren}/"
        for siren in [*EPCI.objects.values_list("pk", flat=True), *EPT.objects.values_list("pk", flat=True)]
    }
    departements = {
        f"{ROOT}/departements/{code}/" for code in Departement.objects.values_list("code", flat=True)
    }
    assert len(groupements) > 1_255 and len(departements) >= 101
    assert urls.keys() == communes | pages | groupements | departements
    assert all(urls.values()), "une adresse sans lastmod"


def test_the_addresses_of_the_sitemap_answer_200_on_the_configured_host(demo_site, sitemap):
    """All the Wagtail pages, and a sample of communes: both ends of the list,
    Corsica, overseas, and 40 drawn at random (always the same 40: a fixed seed);
    of intercommunalities and départements, both ends and 5 drawn at random."""
    client = Client(HTTP_HOST=HOST)
    urls = sorted(sitemap)
    communes = [u for u in urls if u.startswith(f"{ROOT}/communes/")]
    sample = set(random.Random("sitemap-200").sample(communes, 40))
    sample |= {communes[0], communes[-1], f"{ROOT}/communes/2A004/", f"{ROOT}/communes/97411/"}
    for prefix in ("/intercommunalites/", "/departements/"):
        places = [u for u in urls if u.startswith(ROOT + prefix)]
        sample |= {places[0], places[-1], *random.Random("sitemap-200").sample(places, 5)}
    territories = ("/communes/", "/intercommunalites/", "/departements/")
    others = [u for u in urls if not u.removeprefix(ROOT).startswith(territories)]
    failures = {}
    for url in others + sorted(sample):
        status = client.get(url.removeprefix(ROOT)).status_code
        if status != 200:
            failures[url] = status
    assert failures == {}


def commune_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in queries if '"territories_commune"' in q["sql"]]


def test_a_commune_file_is_rendered_once_until_content_changes(demo_site):
    client = Client(HTTP_HOST=HOST)
    assert commune_queries(client, "/sitemap-communes.xml?p=2"), "première lecture : la liste est lue"
    assert commune_queries(client, "/sitemap-communes.xml?p=2") == [], "seconde lecture : le cache"

    programme = ProgrammePage.objects.live().order_by("path").first()
    programme.save_revision().publish()  # the verdicts of every commune may change

    assert commune_queries(client, "/sitemap-communes.xml?p=2"), "après une publication : la liste est relue"
    response = client.get("/sitemap-communes.xml?p=2")
    lastmods = {e.text for e in etree.fromstring(response.content).iterfind("sm:url/sm:lastmod", NS)}
    programme.refresh_from_db()
    assert lastmods == {localdate(programme.last_published_at).isoformat()}
