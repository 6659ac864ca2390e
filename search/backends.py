"""OpenSearch backend with French analysis, editors' synonyms and catalogue facets.

``config.search_backends`` points ``opensearch://`` URLs here (OpenSearch 2 or 3
servers). It derives from modelsearch's ``opensearch3`` backend because that one
matches the installed client: opensearch-py 3 made every API argument
keyword-only, and modelsearch's ``opensearch2`` backend still calls
``indices.create(name, body)`` positionally. Differences from modelsearch:

- every page document carries one flat keyword field per facet of the search
  page (``search.facets.FACETS``: ``facet_type``, ``facet_theme``…): the
  catalogue's FilterFields are prefixed per concrete page type
  (``programmes_programmepage__theme_filter``…), which would need one aggregation per
  page type;
- autocomplete fields are searched with ``autocomplete_search`` (folds accents and
  elisions) instead of ``standard``;
- a new index is created with the synonyms editors keep in ``SearchSynonym``, and
  ``update_synonyms()`` pushes an edited list to the live index (close, put settings,
  open: synonyms are a search-time filter, so no re-indexing);
- an unreachable engine while saving a page logs a warning instead of a traceback; the
  page is saved and published anyway (modelsearch already swallows indexing errors for
  external engines) and is indexed at the next ``manage.py update_index``.
"""

import logging

from modelsearch.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)
from modelsearch.utils import deep_update
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout

from search.analysis import synonym_filter
from search.facets import FACETS

logger = logging.getLogger(__name__)


class FrenchOpenSearchMapping(OpenSearch3Mapping):
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "autocomplete_search",
    }

    def _is_page(self):
        from wagtail.models import Page

        return issubclass(self.model, Page)

    def get_mapping(self):
        mapping = super().get_mapping()
        if self._is_page():
            for facet in FACETS:
                mapping["properties"][facet.column] = {"type": "keyword"}
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        if self._is_page():
            for facet in FACETS:
                doc[facet.column] = facet.read(obj)
        return doc


class FrenchOpenSearchIndex(OpenSearch3Index):
    def put(self):
        from search.synonyms import synonym_rules

        settings = deep_update(
            self.backend.settings,
            {"settings": {"analysis": {"filter": {"french_synonyms": synonym_filter(synonym_rules())}}}},
        )
        self.es.indices.create(index=self.name, body=settings)


class FrenchOpenSearchSearchQueryCompiler(OpenSearch3SearchQueryCompiler):
    mapping_class = FrenchOpenSearchMapping


class FrenchOpenSearchAutocompleteQueryCompiler(OpenSearch3AutocompleteQueryCompiler):
    mapping_class = FrenchOpenSearchMapping


class FrenchOpenSearchSearchBackend(OpenSearch3SearchBackend):
    catalogue_strategy = "engine"  # see search.strategies
    mapping_class = FrenchOpenSearchMapping
    index_class = FrenchOpenSearchIndex
    query_compiler_class = FrenchOpenSearchSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchOpenSearchAutocompleteQueryCompiler

    def add(self, obj):
        try:
            super().add(obj)
        except (EngineConnectionError, ConnectionTimeout) as error:
            logger.warning(
                "Moteur de recherche injoignable : « %s » sera indexé au prochain update_index (%s)",
                obj,
                error.__class__.__name__,
            )

    def delete(self, obj):
        try:
            super().delete(obj)
        except (EngineConnectionError, ConnectionTimeout) as error:
            logger.warning(
                "Moteur de recherche injoignable : « %s » sera retiré au prochain update_index (%s)",
                obj,
                error.__class__.__name__,
            )

    def concrete_indices(self):
        """Names of the real indices behind this backend's aliases (pages, documents…)."""
        response = self.es.indices.get(index=f"{self.index_prefix}*")
        return sorted(response.keys())

    def update_synonyms(self, rules: list[str]) -> list[str]:
        """Push ``rules`` to every live index of this backend; returns their names.

        Analysis settings can only change on a closed index: each index is closed for
        the few milliseconds of the update (a search arriving then falls back to the
        database backend, see ``search.catalogue``).
        """
        body = {"analysis": {"filter": {"french_synonyms": synonym_filter(rules)}}}
        names = self.concrete_indices()
        for name in names:
            self.es.indices.close(index=name)
            try:
                self.es.indices.put_settings(index=name, body=body)
            finally:
                self.es.indices.open(index=name, wait_for_active_shards="1")
        return names


SearchBackend = FrenchOpenSearchSearchBackend
