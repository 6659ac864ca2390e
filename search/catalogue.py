"""The catalogue search service: one interface, whatever the configured backend.

``search_catalogue()`` returns ranked hits (type, thématique, status, highlighted
snippet), facets with counts, pagination, the communes the query names exactly
and, when nothing is found, "Vouliez-vous dire…" proposals.
``autocomplete_titles()`` returns page titles and communes. The view never knows
which backend answered: the strategy is chosen once per call
(``search.strategies.choose``), from what the backend declares.

Everything a visitor sends is cleaned first (``search.query``): no query, filter
or page number can make a backend fail.
"""

from __future__ import annotations

from search import territories
from search.communes import autocomplete_entry, communes_starting_with, exact_communes
from search.facets import clean_filters, taxonomy_labels, type_label
from search.query import MAX_AUTOCOMPLETE_CHARS, clean_query, query_words
from search.query import page_number as parse_page
from search.results import SearchOutcome
from search.strategies import SearchRequest, choose
from search.suggest import did_you_mean
from search.synonyms import synonym_rules

COMMUNES_IN_AUTOCOMPLETE = 3


def _search(strategy, request: SearchRequest) -> SearchOutcome:
    """Pages with every word first; if there are none, pages with some of them."""
    outcome = strategy.search(request)
    if outcome.total == 0 and len(query_words(request.query)) > 1:
        relaxed = strategy.search(request, "or")
        relaxed.relaxed = True
        relaxed.engine_unavailable = relaxed.engine_unavailable or outcome.engine_unavailable
        return relaxed
    return outcome


def search_catalogue(
    query: str, raw_filters: dict[str, list[str]] | None = None, page_number=1
) -> SearchOutcome:
    query = clean_query(query)
    filters = clean_filters(raw_filters or {})
    if not query:
        return SearchOutcome(query)
    themes, policies = taxonomy_labels()
    request = SearchRequest(query, filters, parse_page(page_number), synonym_rules(), themes, policies)
    strategy = choose()
    outcome = _search(strategy, request)
    if request.page == 1 and not filters:
        outcome.communes = exact_communes(query)
        outcome.territories = territories.exact_territories(query)
    if outcome.total == 0 and not outcome.communes and not outcome.territories:

        def finds_pages(text):
            return strategy.search(SearchRequest(text, synonyms=request.synonyms)).total > 0

        outcome.suggestions = did_you_mean(query, request.synonyms, finds_pages)
    return outcome


def autocomplete_titles(query: str, limit: int = 8) -> list[dict]:
    """Page titles starting with the words typed (accents folded, synonyms
    applied), and communes: first when the query is exactly one, else after."""
    query = clean_query(query, MAX_AUTOCOMPLETE_CHARS)
    if len(query) < 2:
        return []
    request = SearchRequest(query, synonyms=synonym_rules())
    pages = choose().autocomplete(request, limit)
    from wagtail.models import Page

    specific = Page.objects.filter(pk__in=[p.pk for p in pages]).specific().in_bulk()
    titles = [
        {"title": page.title, "url": page.url, "type": type_label(page._meta.label_lower)}
        for page in (specific.get(p.pk) for p in pages)
        if page is not None
    ]
    exact = exact_communes(query, limit=COMMUNES_IN_AUTOCOMPLETE)
    places = [territories.autocomplete_entry(hit) for hit in territories.exact_territories(query)]
    if exact or places:
        return [autocomplete_entry(hit) for hit in exact] + places + titles
    return titles + [
        autocomplete_entry(hit) for hit in communes_starting_with(query, COMMUNES_IN_AUTOCOMPLETE)
    ]
