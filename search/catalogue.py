"""The catalogue search service: one code path, whatever the configured backend.

``search_catalogue()`` returns ranked hits (type, thématique, status, highlighted
snippet), facets with counts, pagination, the communes the query names exactly
and, when nothing is found, "Vouliez-vous dire…" proposals. ``autocomplete_titles()``
returns page titles and communes. Both ask the backend through Wagtail's public
search API (``search.matching``); what the backend does with French is its own
affair (the engine's analysis, the database backend's query layer). When the engine
does not answer, the database backend, kept up to date beside it, answers instead
and the page says so.

Everything a visitor sends is cleaned first (``search.query``): no query, filter or
page number can make a backend fail.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.paginator import Paginator
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import TransportError
from wagtail.models import Page

from search import territories
from search.communes import autocomplete_entry, communes_starting_with, exact_communes
from search.expansion import expand
from search.facets import clean_filters, facet_counts, facet_rows, taxonomy_labels, type_label
from search.matching import find
from search.query import MAX_AUTOCOMPLETE_CHARS, clean_query
from search.query import page_number as parse_page
from search.results import Scope, SearchOutcome, hits
from search.suggest import did_you_mean, spellings
from search.synonyms import synonym_rules

logger = logging.getLogger(__name__)
COMMUNES_IN_AUTOCOMPLETE = 3
PER_PAGE = 10
FALLBACK = "database"  # the alias config.search_backends keeps beside an engine
ENGINE_ERRORS = (EngineConnectionError, TransportError)  # the engine is down or refuses


def _with_fallback(ask):
    """``ask(alias)`` on the configured backend, else on the database beside it:
    (answer, alias that answered, whether the engine failed)."""
    try:
        return ask("default"), "default", False
    except ENGINE_ERRORS as error:
        logger.warning("Moteur de recherche indisponible, repli sur la base de données : %r", error)
        if FALLBACK not in settings.WAGTAILSEARCH_BACKENDS:
            return None, "", True
        return ask(FALLBACK), FALLBACK, True


def _outcome(query, expansion, filters, page_number, scope: Scope) -> SearchOutcome:
    matches, backend, unavailable = _with_fallback(lambda alias: find(expansion, scope, alias))
    outcome = SearchOutcome(query, engine_unavailable=unavailable, backend=backend)
    if matches is None:
        return outcome
    rows = facet_rows(matches.keys, matches.content_types)
    selected = [
        key for key in matches.keys if all(rows[key].get(n) in values for n, values in filters.items())
    ]
    outcome.page_obj = Paginator(selected, PER_PAGE).get_page(page_number)
    outcome.total, outcome.relaxed = len(selected), matches.relaxed
    if not rows and not filters:  # no hit, and no ticked option to list at zero
        return outcome
    themes, policies = taxonomy_labels()
    outcome.hits = hits(outcome.page_obj.object_list, expansion.marks(), themes, policies)
    outcome.page_obj.object_list = outcome.hits
    outcome.facets = facet_counts(rows, filters, themes, policies)
    return outcome


def search_catalogue(
    query: str, raw_filters: dict[str, list[str]] | None = None, page_number=1
) -> SearchOutcome:
    query = clean_query(query)
    filters = clean_filters(raw_filters or {})
    if not query:
        return SearchOutcome(query)
    rules = synonym_rules()
    expansion = expand(query, rules)
    page, scope = parse_page(page_number), Scope()
    outcome = _outcome(query, expansion, filters, page, scope) if expansion else SearchOutcome(query)
    if page == 1 and not filters:
        outcome.communes = exact_communes(query)
        outcome.territories = territories.exact_territories(query)
    if outcome.total == 0 and not outcome.communes and not outcome.territories and outcome.backend:

        def finds_pages(text):
            corrected = expand(text, rules)
            return bool(corrected and find(corrected, scope, outcome.backend).keys)

        outcome.suggestions = did_you_mean(query, rules, finds_pages, scope.pages)
    return outcome


def _autocomplete(query: str, limit: int) -> list[int]:
    scope = Scope()

    def ask(alias):
        found = []
        for text in spellings(query, synonym_rules(), scope.pages):
            pages = scope.pages.autocomplete(text, operator="and", backend=alias)
            found += [page.pk for page in pages[:limit]]
        return list(dict.fromkeys(found))[:limit]

    return _with_fallback(ask)[0] or []


def autocomplete_titles(query: str, limit: int = 8) -> list[dict]:
    """Page titles starting with the words typed (accents folded, synonyms
    applied), and communes: first when the query is exactly one, else after."""
    query = clean_query(query, MAX_AUTOCOMPLETE_CHARS)
    if len(query) < 2:
        return []
    pks = _autocomplete(query, limit)
    specific = Page.objects.filter(pk__in=pks).specific().in_bulk()
    titles = [
        {"title": page.title, "url": page.url, "type": type_label(page._meta.label_lower)}
        for page in (specific.get(pk) for pk in pks)
        if page is not None
    ]
    exact, starting = communes_starting_with(query, COMMUNES_IN_AUTOCOMPLETE)
    places = [territories.autocomplete_entry(hit) for hit in territories.exact_territories(query)]
    if exact or places:
        return [autocomplete_entry(hit) for hit in exact] + places + titles
    return titles + [autocomplete_entry(hit) for hit in starting]
