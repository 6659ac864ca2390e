"""Wagtail's database search backend, with better French matching.

``config.search_backends`` names this module as the backend.

- PostgreSQL: the ``site_search`` migrations create two text search configurations,
  ``french_unaccent`` (``unaccent`` then French snowball stemming: "ingenierie" and
  "ingénierie", "coeur" and "cœur" meet; "territoires" finds "territoire") for search,
  and ``simple_unaccent`` for autocomplete (modelsearch hard-codes ``simple``, which
  keeps accents).
- SQLite (FTS5, ``unicode61`` tokenizer): diacritics are removed on both sides
  ("é" = "e"), but "œ" and "æ" are letters of their own, not accented ones. The query
  compilers below search each word containing "oe"/"ae"/"œ"/"æ" under both spellings.
  No stemming, no synonyms (see search/README.md).
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText

LIGATURES = {"œ": "oe", "æ": "ae"}


def spellings(term: str) -> list[str]:
    """The word as typed, with ligatures expanded, and with them contracted."""
    lower = term.lower()
    expanded = lower
    contracted = lower
    for ligature, letters in LIGATURES.items():
        expanded = expanded.replace(ligature, letters)
        contracted = contracted.replace(letters, ligature)
    return list(dict.fromkeys([term, expanded, contracted]))


def _sqlite_compilers():
    from modelsearch.backends.database.sqlite.query import Lexeme, LexemeCombinable, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchQueryCompiler,
    )

    class AnyOf(LexemeCombinable):
        """``("coeur" OR "cœur")``: CombinedLexeme alone adds no parentheses."""

        def __init__(self, lexemes):
            super().__init__()
            self.lexemes = lexemes

        def as_sql(self, compiler, conn):
            parts = []
            for lexeme in self.lexemes:
                sql, params = compiler.compile(lexeme)
                parts.append(sql % tuple(params))
            return "%s", ["(" + " OR ".join(parts) + ")"]

    class LigatureMixin:
        def _word(self, term, prefix):
            variants = spellings(term)
            if len(variants) == 1:
                return Lexeme(term, prefix=prefix)
            return AnyOf([Lexeme(v, prefix=prefix) for v in variants])

        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = query.query_string.split()
            if not terms:
                return None
            last = terms.pop()
            lexemes = self._word(last, self.LAST_TERM_IS_PREFIX)
            for term in terms:
                if query.operator.upper() == "AND":
                    lexemes &= self._word(term, False)
                else:
                    lexemes |= self._word(term, False)
            return SearchQueryExpression(lexemes, config=config)

    class SearchCompiler(LigatureMixin, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(LigatureMixin, SQLiteAutocompleteQueryCompiler):
        pass

    return SearchCompiler, AutocompleteCompiler


def SearchBackend(params):  # noqa: N802 - modelsearch looks up this name
    backend = database_backend(params)
    if connection.vendor == "postgresql":
        backend.autocomplete_config = "simple_unaccent"
    elif type(backend).__name__ == "SQLiteSearchBackend":
        backend.query_compiler_class, backend.autocomplete_query_compiler_class = _sqlite_compilers()
    return backend
