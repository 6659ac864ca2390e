"""The engine's index follows the content, survives rebuilds and outages.

Against the real OpenSearch node (skipped locally without it, failing in CI).
"""

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction

from config.search_backends import search_backends
from search.catalogue import search_catalogue
from search.models import SearchSynonym
from tests.factories import StandardPageFactory

from .scenario import catalogue

pytestmark = pytest.mark.opensearch


def titles(query):
    return [hit.title for hit in search_catalogue(query).hits]


def test_publish_unpublish_delete_follow_the_index(home_page, opensearch_env):
    page = StandardPageFactory(parent=home_page, title="Fabriques de territoire", slug="fabriques")
    opensearch_env.refresh()
    assert titles("fabriques") == ["Fabriques de territoire"]

    page.title = "Fabriques numériques de territoire"
    page.save_revision().publish()
    opensearch_env.refresh()
    assert titles("numériques") == ["Fabriques numériques de territoire"]

    page.unpublish()
    opensearch_env.refresh()
    assert titles("fabriques") == []

    page.save_revision().publish()
    opensearch_env.refresh()
    assert titles("fabriques") == ["Fabriques numériques de territoire"]

    page_index = f"{opensearch_env.prefix}_wagtailcore_page"
    page_id = str(page.pk)
    assert opensearch_env.backend.es.exists(index=page_index, id=page_id)
    page.delete()
    opensearch_env.refresh()
    assert titles("fabriques") == []
    assert not opensearch_env.backend.es.exists(index=page_index, id=page_id)


def test_moving_a_page_into_a_private_section_hides_it(home_page, opensearch_env):
    public = StandardPageFactory(parent=home_page, title="Espace public", slug="public")
    private = StandardPageFactory(parent=home_page, title="Espace réservé", slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    page = StandardPageFactory(parent=public, title="Manufactures de proximité", slug="manufactures")
    opensearch_env.refresh()
    assert titles("manufactures") == ["Manufactures de proximité"]

    page.move(private, pos="last-child")
    opensearch_env.refresh()
    assert titles("manufactures") == []


def test_editor_synonyms_apply_without_reindexing(
    home_page, opensearch_env, django_capture_on_commit_callbacks
):
    tax, index, pages = catalogue(home_page)
    opensearch_env.refresh()
    assert titles("PVD") == []

    with django_capture_on_commit_callbacks(execute=True):
        synonym = SearchSynonym.objects.create(terms="PVD, Petites villes de demain")
    assert titles("PVD")[:1] == ["Petites villes de demain"]
    assert titles("pvd")[:1] == ["Petites villes de demain"]

    with django_capture_on_commit_callbacks(execute=True):
        synonym.delete()
    assert titles("PVD") == []


def test_atomic_rebuild_keeps_results_while_it_runs(home_page, opensearch_env):
    tax, index, pages = catalogue(home_page)
    opensearch_env.rebuild()  # now the index name is an alias
    backend = opensearch_env.backend
    from wagtail.models import Page

    alias = backend.get_index_for_model(Page)
    assert alias.is_alias()
    old_names = [i.name for i in alias.aliased_indices()]

    rebuilder = backend.rebuilder_class(alias)
    new_index = rebuilder.start()  # a new, empty index beside the live one
    assert titles("cœur")[:1] == ["Action cœur de ville"]  # still served by the old index
    new_index.add_model(Page)
    for model in (Page,):
        new_index.add_items(model, list(Page.objects.all().specific()))
    rebuilder.finish()
    new_names = [i.name for i in alias.aliased_indices()]
    assert new_names == [new_index.name] and new_names != old_names
    assert titles("cœur")[:1] == ["Action cœur de ville"]
    assert not backend.es.indices.exists(index=old_names[0])

    out = StringIO()
    call_command("update_index", stdout=out, stderr=StringIO())
    opensearch_env.refresh()
    assert titles("cœur")[:1] == ["Action cœur de ville"]


@pytest.fixture
def engine_down(settings, search_env_database_index):
    """Settings pointing at an engine nobody listens to, database fallback kept."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends("opensearch://127.0.0.1:9", "down")
    return settings


@pytest.fixture
def search_env_database_index(home_page, settings):
    """Catalogue indexed in the database backend, as it is beside the engine."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends("")
    return catalogue(home_page)


def test_outage_page_says_so_and_falls_back(client, engine_down):
    response = client.get(reverse("search"), {"q": "coeur de ville"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Recherche en mode dégradé" in html and "fr-alert--warning" in html
    assert "Action cœur de ville" in html
    data = client.get(reverse("search_autocomplete"), {"q": "coeur"}).json()
    assert "Action cœur de ville" in [r["title"] for r in data["results"]]


def test_editors_can_publish_when_engine_is_down(home_page, engine_down, caplog):
    with caplog.at_level(logging.WARNING, logger="search.backends"):
        page = StandardPageFactory(parent=home_page, title="Publié pendant la panne", slug="panne")
    assert page.live
    assert any("injoignable" in r.getMessage() for r in caplog.records)
    with caplog.at_level(logging.WARNING):
        SearchSynonym.objects.create(terms="PVD, Petites villes de demain")
    assert [hit.title for hit in search_catalogue("panne").hits] == ["Publié pendant la panne"]
