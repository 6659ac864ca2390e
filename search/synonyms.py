"""Editors' synonyms to the search engine.

The engine applies synonyms at query time (``default_search`` analyzer, see
``search.analysis``), so a change never needs re-indexing: when a ``SearchSynonym``
is saved or deleted, ``push_synonyms()`` updates the analysis settings of the live
indices of every engine backend (close, put settings, open), once the transaction
commits. A new index (``manage.py update_index``) is always created with the current
list. If the engine is unreachable the change is logged and applied at the next
``update_index`` or the next synonym edit.
"""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from modelsearch.backends import get_search_backends

logger = logging.getLogger(__name__)


def synonym_rules() -> list[str]:
    from search.models import SearchSynonym

    try:
        return [synonym.as_rule() for synonym in SearchSynonym.objects.all()]
    except DatabaseError:  # table not migrated yet (first migrate, update_index before migrate)
        return []


def push_synonyms() -> list[str]:
    """Apply the current synonym list to every engine index; returns updated index names."""
    rules = synonym_rules()
    updated = []
    for backend in get_search_backends(with_auto_update=False):
        if getattr(backend, "catalogue_strategy", "") != "engine":
            continue  # the database strategy reads the synonyms at each search
        try:
            updated += backend.update_synonyms(rules)
        except Exception:  # noqa: BLE001 - never block an editor's save
            logger.warning(
                "Synonymes non transmis au moteur de recherche (injoignable ?) : "
                "ils le seront au prochain update_index",
                exc_info=True,
            )
    return updated


def _on_change(**kwargs):
    transaction.on_commit(push_synonyms)


def connect():
    from search.models import SearchSynonym

    post_save.connect(_on_change, sender=SearchSynonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(_on_change, sender=SearchSynonym, dispatch_uid="search_synonym_deleted")
