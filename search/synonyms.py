"""The editors' synonyms (``SearchSynonym``), read by both backends.

The database backend reads them at each search (``search.expansion``). The engine
applies them at query time in its analysis (``search.analysis``): when a synonym is
saved or deleted, ``push_synonyms()`` updates the live indices of every backend that
can (``update_synonyms``), once the transaction commits, without re-indexing. If the
engine is unreachable, the change waits for the next ``update_index`` or edit.

A search page asked for the list up to five times (the query's expansion, each
backend search, the spellings of the autocomplete): it is kept in the cache (Redis in
production, shared by the app servers), forgotten when a synonym is saved or deleted
and again when that change commits. A change rolled back after a read is forgotten
within ``CACHE_SECONDS``.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.search.backends import get_search_backends

from search.models import SearchSynonym

logger = logging.getLogger(__name__)


CACHE_KEY = "search:synonym-rules"
CACHE_SECONDS = 300


def synonym_rules() -> list[str]:
    rules = cache.get(CACHE_KEY)
    if rules is None:
        try:
            rules = [synonym.as_rule() for synonym in SearchSynonym.objects.all()]
        except DatabaseError:  # table not migrated yet (first migrate)
            return []
        cache.set(CACHE_KEY, rules, CACHE_SECONDS)
    return rules


def _forget():
    cache.delete(CACHE_KEY)


def push_synonyms() -> list[str]:
    """Apply the current list to every engine index; returns the updated index names."""
    rules, updated = synonym_rules(), []
    for backend in get_search_backends():
        if hasattr(backend, "update_synonyms"):
            try:
                updated += backend.update_synonyms(rules)
            except Exception:  # noqa: BLE001 - never block an editor's save
                logger.warning(
                    "Synonymes non transmis au moteur de recherche : ils le seront au prochain update_index",
                    exc_info=True,
                )
    return updated


def _on_change(**kwargs):
    _forget()
    transaction.on_commit(_forget)
    transaction.on_commit(push_synonyms)


def connect():
    post_save.connect(_on_change, sender=SearchSynonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(_on_change, sender=SearchSynonym, dispatch_uid="search_synonym_deleted")
