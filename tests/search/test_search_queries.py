"""The search page and the autocomplete ask the database a bounded number of
queries, whatever the number of matches, and read what a visitor may find (the
pages' view restrictions) once per request: one search asks the backend up to
seven times, each keystroke of the autocomplete up to three times."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.search_backends import search_backends
from tests.factories import ProgrammePageFactory

from .scenario import catalogue

pytestmark = pytest.mark.django_db
RESTRICTIONS = '"wagtailcore_pageviewrestriction"'


@pytest.fixture
def index(settings, home_page):
    """The programmes' index of the small catalogue, searched on the database backend."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends("")
    return catalogue(home_page)[1]


def queries(client, view, params) -> list[str]:
    client.get(reverse(view), params)  # caches warmed: the vocabulary, the content types
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(view), params)
    assert response.status_code == 200
    return [each["sql"] for each in captured.captured_queries]


def restriction_reads(sql: list[str]) -> int:
    return sum(statement.startswith("SELECT") and f"FROM {RESTRICTIONS}" in statement for statement in sql)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "villes"},  # every word found
        {"q": "villes zorglub"},  # some words: the pages that hold the most come first
        {"q": "zorglub"},  # nothing found: "Vouliez-vous dire…" reads the vocabulary
    ],
)
def test_the_search_page_reads_the_restrictions_once(client, index, params):
    assert restriction_reads(queries(client, "search", params)) == 1


def test_during_an_engine_outage_the_fallback_reads_them_once(client, index, settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends("opensearch://127.0.0.1:9", "down")  # nobody listens
    for view in ("search", "search_autocomplete"):
        assert restriction_reads(queries(client, view, {"q": "villes"})) == 1, view


@pytest.mark.parametrize("typed", ["vil", "petites villes", "coeu"])
def test_the_autocomplete_reads_the_restrictions_once(client, index, typed):
    assert restriction_reads(queries(client, "search_autocomplete", {"q": typed})) == 1


@pytest.mark.parametrize("view", ["search", "search_autocomplete"])
def test_queries_do_not_grow_with_the_matches(client, index, view):
    before = len(queries(client, view, {"q": "villes"}))
    for n in range(12):
        ProgrammePageFactory(parent=index, title=f"Villes d'avenir {n}", slug=f"villes-avenir-{n}")
    after = queries(client, view, {"q": "villes"})
    assert len(after) <= before, "\n".join(after)
