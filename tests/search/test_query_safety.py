"""No query, filter or page number ever makes the search fail: on the database
backend, on OpenSearch and on the database fallback when the engine is down.

The named cases are the ones that once answered HTTP 500 (issue 11); the property
test sends generated queries (any unicode, quotes, full-text operators, control
characters, very long) and page numbers to the search page and the autocomplete.
"""

import os
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config.search_backends import search_backends
from tests.site_shell import site_shell

from .conftest import BACKENDS, open_search_env
from .scenario import catalogue

SETUPS = [*BACKENDS, "fallback"]

# Each once answered 500, on the page or the autocomplete.
NAMED = {
    "quote": ("search", {"q": '"'}),
    "quote_inside": ("search", {"q": 'a"b'}),
    "nul": ("search", {"q": "\x00"}),
    "autocomplete_quote_inside": ("search_autocomplete", {"q": 'a"b'}),
    "autocomplete_nul": ("search_autocomplete", {"q": "ab\x00cd"}),
    "page_superscript_two": ("search", {"q": "ville", "page": "²"}),
    "page_5000_digits": ("search", {"q": "ville", "page": "9" * 5000}),
    "page_negative": ("search", {"q": "ville", "page": "-3"}),
    "operators": ("search", {"q": 'ville OR "coeur NEAR(a b)" * ^2 (x AND -y) col:z'}),
    "fts_column_filter": ("search", {"q": "{title body} : ville"}),
    "query_10_kb": ("search", {"q": "ville " * 2000}),
    "autocomplete_10_kb": ("search_autocomplete", {"q": "a" * 10_000}),
    "facet_garbage": ("search", {"q": "ville", "theme": "²", "type": "x" * 500, "status": "\x00"}),
}


@contextmanager
def _searched_through(kind, override, home):
    """The small catalogue under ``home``, searched through the setup ``kind``;
    ``override(config)`` sets ``WAGTAILSEARCH_BACKENDS``."""
    if kind == "fallback":
        override(search_backends(""))  # pages indexed in the database, as beside the engine
        catalogue(home)
        override(search_backends("opensearch://127.0.0.1:9", "down"))  # nobody listens there
        yield kind
        return
    env = open_search_env(kind, override)
    catalogue(home)
    env.refresh()
    try:
        yield kind
    finally:
        env.drop()


@pytest.fixture(params=SETUPS)
def setup(request, settings, home_page, db):
    """The small catalogue, searched through one of the setups, for one test."""

    def override(config):
        settings.WAGTAILSEARCH_BACKENDS = config

    with _searched_through(request.param, override, home_page) as kind:
        yield kind


@pytest.fixture(scope="class", params=SETUPS)
def read_only_setup(request, django_db_setup, django_db_blocker):
    """The same, built once per setup for the tests of a class that only send GET
    requests (they write nothing), in a transaction rolled back with the class."""
    overrides = []

    def override(config):
        overrides.append(override_settings(WAGTAILSEARCH_BACKENDS=config))
        overrides[-1].enable()

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with _searched_through(request.param, override, site_shell()) as kind:
                yield kind
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            for each in reversed(overrides):
                each.disable()


@pytest.fixture
def shared_setup(read_only_setup, db):
    return read_only_setup


class TestCasesThatOnlyRead:
    """The named cases and the page beyond the end share one catalogue per setup;
    it is rolled back with the class, before the generated queries build theirs."""

    @pytest.mark.parametrize("name", NAMED)
    def test_named_regression_answers_normally(self, client, shared_setup, name):
        view, params = NAMED[name]
        response = client.get(reverse(view), params)
        assert response.status_code == 200, (shared_setup, name)
        if view == "search":
            assert "Rechercher" in response.content.decode()
        else:
            assert isinstance(response.json()["results"], list)

    def test_page_beyond_the_end_shows_the_last_page(self, client, shared_setup):
        for page in ("²", "9" * 5000, "999999"):
            response = client.get(reverse("search"), {"q": "appui", "page": page})
            assert response.status_code == 200
            assert response.context["outcome"].total >= 1
            assert response.context["page_obj"].number == response.context["page_obj"].paginator.num_pages


NASTY = st.sampled_from(
    [
        '"',
        "'",
        "\x00",
        "\\",
        "*",
        "^",
        "(",
        ")",
        "OR",
        "AND",
        "NOT",
        "NEAR",
        ":",
        "{",
        "}",
        "-",
        "+",
        "~",
        "&",
        "|",
        "!",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(NASTY, st.text(alphabet=st.characters(codec="utf-8"), max_size=8)), max_size=12).map(
        " ".join
    ),
    st.text(min_size=1, max_size=3).map(lambda s: s * 4000),
)
PAGES = st.one_of(st.none(), st.integers(-(10**30), 10**30).map(str), st.text(max_size=12))


@settings(
    max_examples=int(os.environ.get("SEARCH_FUZZ_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=QUERIES, page=PAGES)
def test_generated_queries_never_fail(client, setup, query, page):
    """1,000 generated queries and pages per setup (``SEARCH_FUZZ_EXAMPLES``) on the
    page, plus the same queries on the autocomplete: 3,000 requests per setup."""
    params = {"q": query} if page is None else {"q": query, "page": page}
    response = client.get(reverse("search"), params)
    assert response.status_code < 500, (setup, query[:80], page)
    response = client.get(reverse("search_autocomplete"), {"q": query})
    assert response.status_code < 500, (setup, query[:80])
    response = client.get(reverse("search_autocomplete"), {"q": query[:30]})
    assert response.status_code < 500, (setup, query[:30])
