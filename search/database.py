"""Wagtail's database search backend, speaking French and never failing on a query.

``config.search_backends`` names this module as the backend.

The catalogue's database strategy sends it ``search.expansion.ExpandedQuery``
objects: slots of alternatives made only of folded words (letters and digits),
rendered here in the backend's own full-text syntax, so that nothing a visitor
types ever reaches that syntax unescaped:

- SQLite (FTS5, ``unicode61`` tokenizer): ``("pvd" OR "petites villes de demain")
  AND ("commerces" OR "commerc"*)``. The tokenizer removes diacritics but keeps
  "œ" and "æ" as letters of their own: a word with "oe"/"ae" is also searched with
  the ligature (``territories.text.ligature_spellings``).
- PostgreSQL: the same tree as a raw ``tsquery`` (``'commerc':*``, phrases with
  ``<->``) under ``french_unaccent`` (``unaccent`` then French snowball stemming,
  created by the ``site_search`` migrations); autocomplete uses
  ``simple_unaccent`` (modelsearch hard-codes ``simple``, which keeps accents).

Any other query object is left to modelsearch.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend

from search.expansion import ExpandedQuery
from territories.text import ligature_spellings

#: Which catalogue strategy drives this backend (see ``search.strategies``).
STRATEGY = "database"


def _spellings(words, prefix):
    """Each alternative's words, ligature spellings included (one variant per word)."""
    variants = [list(words)]
    for index, word in enumerate(words):
        for spelling in ligature_spellings(word)[1:]:
            variants.append([*words[:index], spelling, *words[index + 1 :]])
    return [(variant, prefix) for variant in variants]


def fts5_expression(query: ExpandedQuery) -> str:
    slots = []
    for slot in query.slots:
        options = []
        for alternative in slot.alternatives:
            for words, prefix in _spellings(alternative.words, alternative.prefix):
                options.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
        slots.append("(" + " OR ".join(options) + ")")
    return f" {query.operator.upper()} ".join(slots)


def tsquery_expression(query: ExpandedQuery) -> str:
    slots = []
    for slot in query.slots:
        options = []
        for alternative in slot.alternatives:
            lexemes = [f"'{word}'" for word in alternative.words]
            if alternative.prefix:
                lexemes[-1] += ":*"
            options.append("(" + " <-> ".join(lexemes) + ")")
        slots.append("(" + " | ".join(options) + ")")
    return (" & " if query.operator == "and" else " | ").join(slots)


def ranked_ids(backend, query: ExpandedQuery, sources) -> list[list]:
    """For each ``(queryset, allowed)`` of ``sources``, the primary keys of its
    objects matching ``query``, best first (``allowed``: the queryset's primary
    keys when the caller already has them, else None).

    On SQLite, one FTS5 query for all the sources, ranked by ``bm25`` (title weighs
    3, body 1): modelsearch's own query would compute the score in a correlated
    subquery, once per matching row, which took seconds at 5,000 pages, and would
    run the full-text match once per source. On PostgreSQL (which ranks in the same
    query), modelsearch's ranked queryset per source, read as primary keys; on any
    other backend, its ranked results.
    """
    kind = type(backend).__name__
    if kind == "PostgresSearchBackend":
        return [
            list(backend.search(query, qs).get_queryset().values_list("pk", flat=True)) for qs, _ in sources
        ]
    if kind != "SQLiteSearchBackend":  # any other Wagtail backend: its own ranked results
        return [[obj.pk for obj in backend.search(query, qs)] for qs, _ in sources]
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks

    models = get_app_config()
    fts = models.get_model("SQLiteFTSIndexEntry")._meta.db_table
    entries = models.get_model("IndexEntry")._meta.db_table
    source_of = {}
    for index, (queryset, _) in enumerate(sources):
        source_of.update(dict.fromkeys(get_descendants_content_types_pks(queryset.model), index))
    allowed = [
        {str(pk): pk for pk in (qs.values_list("pk", flat=True) if keys is None else keys)}
        for qs, keys in sources
    ]
    sql = (
        f"SELECT e.object_id, e.content_type_id FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(source_of))}) "
        f"ORDER BY bm25({fts}, 0, 1, 3), e.id"
    )
    found = [{} for _ in sources]
    with connection.cursor() as cursor:
        cursor.execute(sql, ["{title body} : (" + fts5_expression(query) + ")", *source_of])
        for object_id, content_type_id in cursor.fetchall():
            index = source_of[content_type_id]
            pk = allowed[index].get(object_id)
            if pk is not None:
                found[index].setdefault(pk, None)
    return [list(keys) for keys in found]


def _sqlite_compilers():
    from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchQueryCompiler,
    )

    class Expression(LexemeCombinable):
        def __init__(self, text):
            super().__init__()
            self.text = text

        def as_sql(self, compiler, conn):
            return "%s", [self.text]

    class ExpandedMixin:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, ExpandedQuery):
                return SearchQueryExpression(Expression(fts5_expression(query)), config=config)
            return super().build_search_query_content(query, config=config)

    class SearchCompiler(ExpandedMixin, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(ExpandedMixin, SQLiteAutocompleteQueryCompiler):
        pass

    return SearchCompiler, AutocompleteCompiler


def _postgres_compilers():
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchQueryCompiler,
    )

    class ExpandedMixin:
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, ExpandedQuery) and not invert:
                return SearchQuery(tsquery_expression(query), search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class SearchCompiler(ExpandedMixin, PostgresSearchQueryCompiler):
        pass

    class AutocompleteCompiler(ExpandedMixin, PostgresAutocompleteQueryCompiler):
        pass

    return SearchCompiler, AutocompleteCompiler


def SearchBackend(params):  # noqa: N802 - modelsearch looks up this name
    backend = database_backend(params)
    backend.catalogue_strategy = STRATEGY
    if connection.vendor == "postgresql":
        backend.autocomplete_config = "simple_unaccent"
        backend.query_compiler_class, backend.autocomplete_query_compiler_class = _postgres_compilers()
    elif connection.vendor == "sqlite":
        backend.query_compiler_class, backend.autocomplete_query_compiler_class = _sqlite_compilers()
    return backend
