"""Wagtail's database backend, spoken to in French, declared in ``WAGTAILSEARCH_BACKENDS``.

``config.search_backends`` names this module in place of
``wagtail.search.backends.database``, which it wraps: a search given as text (the
search page's, the admin's) is rewritten by ``search.expansion`` into Wagtail's
query classes, with French word forms, the editors' synonyms and ligatures, before
the library sees it. Indexing and everything else go to the library unchanged. The
database has no approximate matching: a ``Fuzzy`` query finds nothing here, and the
search page proposes corrections instead.

On SQLite the library scores each match with a full-text query of its own (one per
match: seconds once a query matches thousands of pages), so there matches come
unranked, the autocomplete's shortest titles first, and the catalogue service
orders them (titles holding the words first). PostgreSQL ranks in the same query.
"""

from django.db import connection
from django.db.models.functions import Length
from wagtail.search.backends.database import SearchBackend as library_backend
from wagtail.search.query import MATCH_NONE, Fuzzy, PlainText

from search.expansion import expand
from search.synonyms import synonym_rules


class SearchBackend:
    def __init__(self, params):
        self.library = library_backend(params)
        self.ranks = connection.vendor != "sqlite"

    def __getattr__(self, name):
        return getattr(self.library, name)

    def search(self, query, model_or_queryset, operator=None, order_by_relevance=True, **kwargs):
        ranked = order_by_relevance and self.ranks
        return self.library.search(
            in_french(query, operator), model_or_queryset, order_by_relevance=ranked, **kwargs
        )

    def autocomplete(self, query, model_or_queryset, order_by_relevance=True, **kwargs):
        queryset = getattr(model_or_queryset, "objects", model_or_queryset)
        if order_by_relevance and not self.ranks:
            titled = any(field.name == "title" for field in queryset.model._meta.fields)
            queryset, order_by_relevance = (
                queryset.order_by(Length("title").asc()) if titled else queryset,
                False,
            )
        return self.library.autocomplete(
            query, queryset.all(), order_by_relevance=order_by_relevance, **kwargs
        )


def in_french(query, operator=None):
    """A text query as the expanded query objects; other query objects unchanged."""
    if isinstance(query, Fuzzy):
        return MATCH_NONE
    if isinstance(query, PlainText):
        query, operator = query.query_string, query.operator
    if not isinstance(query, str):
        return query
    expansion = expand(query, synonym_rules())
    return expansion.query(operator or "and") if expansion else MATCH_NONE
