"""The search page and the catalogue service, on both backends.

What a visitor notices: the right page comes up whatever the accents, facets count
what is listed, drafts and private pages never show, the page survives an engine
outage.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from config.search_backends import search_backends
from search.catalogue import search_catalogue
from search.models import SearchSynonym
from tests.factories import StandardPageFactory

from .scenario import catalogue, reference_communes


@pytest.fixture
def content(home_page, search_env):
    tax, index, pages = catalogue(home_page)
    search_env.refresh()
    return tax, index, pages


def titles(outcome):
    return [hit.title for hit in outcome.hits]


def test_accents_both_ways(content, search_env):
    for query in ("coeur de ville", "cœur de ville", "CŒUR"):
        assert titles(search_catalogue(query))[:1] == ["Action cœur de ville"], (query, search_env.kind)
    assert "L'offre d'ingénierie sur mesure" in titles(search_catalogue("ingenierie"))[:3]


def test_facets_count_matching_published_pages(content, search_env):
    tax, index, pages = content
    outcome = search_catalogue("revitalisation")
    facets = {facet.name: {o.value: o.count for o in facet.options} for facet in outcome.facets}
    assert outcome.total == 2
    assert facets["theme"] == {str(tax["rural"].pk): 2}
    assert facets["status"] == {"actif": 2}
    assert facets["type"] == {"programmes.programmepage": 2}


def test_facet_filter_keeps_other_options_visible(content, search_env):
    tax, index, pages = content
    everything = search_catalogue("appui")
    assert {"Action cœur de ville", "Cités éducatives"} <= set(titles(everything))
    filtered = search_catalogue("appui", {"theme": [str(tax["city"].pk)]})
    assert titles(filtered) == ["Cités éducatives"]
    theme_facet = next(f for f in filtered.facets if f.name == "theme")
    counts = {o.value: (o.count, o.selected) for o in theme_facet.options}
    assert counts[str(tax["city"].pk)] == (1, True)
    assert counts[str(tax["rural"].pk)][0] >= 1  # still offered, with its count
    status_facet = next(f for f in filtered.facets if f.name == "status")
    assert {o.value: o.count for o in status_facet.options} == {"incubation": 1}


def test_drafts_and_private_pages_never_appear(content, search_env):
    tax, index, pages = content
    draft = pages["pvd"]
    draft.title = "Petites villes de demain (brouillon Territoire secret)"
    draft.save_revision()  # a draft revision, not published
    pages["cites"].unpublish()
    PageViewRestriction.objects.create(page=pages["engineering"], restriction_type="login")
    search_env.refresh()
    assert titles(search_catalogue("secret")) == []
    assert titles(search_catalogue("éducatives")) == []
    assert "L'offre d'ingénierie sur mesure" not in titles(search_catalogue("ingénierie"))
    assert "Petites villes de demain" in titles(search_catalogue("petites villes"))


def test_search_page_renders_results_facets_and_snippet(client, content, search_env):
    response = client.get(reverse("search"), {"q": "coeur de ville"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Action cœur de ville" in html
    assert "<mark>" in html
    assert "Thématique" in html and "Territoires et ruralités" in html
    assert 'type="checkbox" name="theme"' in html


def test_empty_state_offers_suggestions_and_finder(client, content, search_env):
    response = client.get(reverse("search"), {"q": "zzzyxw"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun résultat" in html
    assert 'href="/communes/"' in html


def test_pagination_is_shareable(client, home_page, search_env):
    for n in range(23):
        StandardPageFactory(parent=home_page, title=f"Fiche cadastrale {n}", slug=f"fiche-{n}")
    search_env.refresh()
    first = search_catalogue("cadastrale", page_number=1)
    third = search_catalogue("cadastrale", page_number=3)
    assert first.total == 23 and len(first.hits) == 10 and len(third.hits) == 3
    assert not set(titles(first)) & set(titles(third))
    response = client.get(reverse("search"), {"q": "cadastrale", "page": 2})
    assert 'aria-current="page"' in response.content.decode()


def test_autocomplete_folds_accents(client, content, search_env):
    for query in ("coeur", "cœur", "Cœu"):
        data = client.get(reverse("search_autocomplete"), {"q": query}).json()
        assert "Action cœur de ville" in [r["title"] for r in data["results"]], (query, search_env.kind)


@pytest.fixture
def database_content(home_page, settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends("")
    return catalogue(home_page)


def test_editor_synonym_applies_at_once_on_the_database_backend(client, database_content):
    assert titles(search_catalogue("ACV")) == []
    SearchSynonym.objects.create(terms="ACV, Action cœur de ville")
    assert titles(search_catalogue("ACV"))[:1] == ["Action cœur de ville"]
    assert titles(search_catalogue("acv"))[:1] == ["Action cœur de ville"]
    data = client.get(reverse("search_autocomplete"), {"q": "ACV"}).json()
    assert "Action cœur de ville" in [r["title"] for r in data["results"]]


def test_a_deleted_synonym_stops_at_once_on_the_database_backend(database_content):
    """The list is cached between searches (``search.synonyms``): an editor's change
    still applies to the next search."""
    synonym = SearchSynonym.objects.create(terms="ACV, Action cœur de ville")
    assert titles(search_catalogue("ACV"))[:1] == ["Action cœur de ville"]
    synonym.delete()
    assert titles(search_catalogue("ACV")) == []
    SearchSynonym.objects.create(terms="ACV, Action cœur de ville")
    assert titles(search_catalogue("ACV"))[:1] == ["Action cœur de ville"]


def test_commune_named_by_the_query_comes_first_on_the_page(client, database_content):
    reference_communes()
    html = client.get(reverse("search"), {"q": "Guéret"}).content.decode()
    communes_at = html.index('id="search-communes-title"')
    assert html.index('href="/communes/23096/"') > communes_at
    assert "Creuse (23)" in html
    assert "Aucun résultat" not in html  # the commune is the answer
    data = client.get(reverse("search_autocomplete"), {"q": "23000"}).json()
    assert data["results"][0] == {
        "title": "Guéret — Creuse (23)",
        "url": "/communes/23096/",
        "type": "Commune",
    }


def test_no_result_proposes_a_close_title(client, database_content):
    html = client.get(reverse("search"), {"q": "éducativse"}).content.decode()
    assert "Vouliez-vous dire" in html
    assert 'href="/recherche/?q=%C3%A9ducatives"' in html  # "éducatives", which finds Cités éducatives
    assert "Cités éducatives" in client.get(reverse("search"), {"q": "éducatives"}).content.decode()


def test_header_search_offers_suggestions_on_every_page(client, home_page):
    html = client.get("/").content.decode()
    assert f'data-autocomplete-url="{reverse("search_autocomplete")}"' in html
    assert "search/autocomplete.js" in html
