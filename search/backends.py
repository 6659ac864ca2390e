"""OpenSearch for the site search, declared in ``WAGTAILSEARCH_BACKENDS``.

``config.search_backends`` points ``opensearch://`` URLs here: Wagtail's
``opensearch3`` backend (it matches the installed opensearch-py 3, whose API takes
keyword arguments only) with the French analysis of ``search.analysis`` in its
``INDEX_SETTINGS``, and three additions through its public methods:

- an index it creates (``update_index``) carries the editors' synonyms as they are
  now, read from ``SearchSynonym`` when the backend is set up;
- ``update_synonyms()`` pushes an edited list to the live indices (close, put the
  analysis settings, open: synonyms apply at query time, so nothing is re-indexed);
- an unreachable engine while an editor publishes logs a warning instead of a
  traceback: the page is published anyway, and indexed at the next ``update_index``.
"""

import logging

from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout
from wagtail.search.backends.opensearch3 import SearchBackend as OpenSearchBackend

from search.analysis import synonym_filter
from search.synonyms import synonym_rules

logger = logging.getLogger(__name__)
UNREACHABLE = (EngineConnectionError, ConnectionTimeout)


class SearchBackend(OpenSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.settings["settings"]["analysis"]["filter"]["french_synonyms"] = synonym_filter(synonym_rules())

    def add(self, obj):
        try:
            super().add(obj)
        except UNREACHABLE as error:
            logger.warning(
                "Moteur de recherche injoignable : « %s » sera indexé au prochain update_index (%r)",
                obj,
                error,
            )

    def delete(self, obj):
        try:
            super().delete(obj)
        except UNREACHABLE as error:
            logger.warning(
                "Moteur de recherche injoignable : « %s » sera retiré au prochain update_index (%r)",
                obj,
                error,
            )

    def update_synonyms(self, rules: list[str]) -> list[str]:
        """Push ``rules`` to every live index of this backend; returns their names.

        Analysis settings only change on a closed index: each index is closed for the
        few milliseconds of the update (a search arriving then is answered by the
        database backend, see ``search.catalogue``)."""
        body = {"analysis": {"filter": {"french_synonyms": synonym_filter(rules)}}}
        names = sorted(self.es.indices.get(index=f"{self.index_prefix}*"))
        for name in names:
            self.es.indices.close(index=name)
            try:
                self.es.indices.put_settings(index=name, body=body)
            finally:
                self.es.indices.open(index=name, wait_for_active_shards="1")
        return names
