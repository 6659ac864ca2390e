"""The demo site as ``make run`` sets it up, loaded once for this folder and rolled
back at its end, for the validators and clients that read many of its pages (the Nu
Html Checker, the feed and sitemap schemas, Schemathesis, the link checker).

It stands on the real territorial data and the official lists (in the template test
database, like every test that needs them); the rest (the demo content, as its loader
writes it, put back from the first load in this process by ``tests/demo_rows.py``, and
two news items so that the feeds have entries) lives in a transaction opened for the
folder: each test runs in a savepoint inside it, as pytest-django does, and none of it
is left for the next folder.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from wagtail.models import Page, Site

from news.models import NewsIndexPage, NewsPage
from programmes.models import ProgrammePage
from tests.conftest import ensure_territorial_data
from tests.demo_rows import load_demo
from tests.factories import publish_index
from tests.finder.conftest import ensure_reference_lists

#: The host name the demo site is configured with (``Site.hostname``): absolute
#: addresses (sitemap, feeds) carry it, and pages are asked on it here.
HOST = "testserver"

#: Pages that are not Wagtail pages, each with what a visitor would ask.
VIEWS = [
    "/communes/",
    "/communes/?q=saint-denis",
    "/communes/?q=zzzzzz",
    "/communes/08105/",
    "/communes/97411/",
    "/communes/02292/",  # a France services entry with two e-mail addresses
    "/communes/donnees/",
    "/recherche/?q=ville",
    "/recherche/?q=zzzz",
    "/ingenierie/demande/",
    "/ingenierie/demande/?commune=08105",
    "/ingenierie/demande/suivi/",
    "/api/v1/docs/",
    "/plan-du-site/",
    "/cette-page-n-existe-pas/",
]


def publish_news(parent, title: str, day: int) -> NewsPage:
    item = NewsPage(title=title, introduction=f"Chapô : {title}.", date=datetime.date(2026, 11, day))
    parent.add_child(instance=item)
    item.save_revision().publish()
    return item


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker, territorial_data):
    """What ``make run`` loads, plus a news index and two news items; the home page."""
    with django_db_blocker.unblock():
        ensure_territorial_data()  # again if a live-server test flushed the tables
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_lists()  # in the template database already (tests/finder/conftest.py)
        load_demo()  # the loader's rows, put back if this process loaded them before
        home = Site.objects.get(is_default_site=True).root_page.specific
        Site.objects.filter(is_default_site=True).update(hostname=HOST, port=80)
        index = NewsIndexPage.objects.first() or publish_index(
            home, NewsIndexPage, "Actualités", "actualites"
        )
        publish_news(index, "Nouvelle feuille de route de l’Agence", day=3)
        publish_news(ProgrammePage.objects.live().order_by("path").first(), "Cent nouvelles communes", day=2)
        cache.clear()
        yield home
        transaction.set_rollback(True)


@pytest.fixture(scope="package")
def demo_paths(demo_site, django_db_blocker) -> list[str]:
    """Every live public page of the demo site, then the views of ``VIEWS``."""
    with django_db_blocker.unblock():
        pages = Page.objects.live().public().descendant_of(demo_site, inclusive=True).order_by("path")
        return [page.url for page in pages] + VIEWS


@pytest.fixture(scope="package")
def demo_pages(demo_paths, django_db_blocker) -> dict[str, bytes]:
    """Each demo path as an anonymous visitor gets it (the 404 page included)."""
    client = Client(HTTP_HOST=HOST)
    with django_db_blocker.unblock():
        return {path: client.get(path).content for path in demo_paths}
