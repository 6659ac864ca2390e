"""Builds ``WAGTAILSEARCH_BACKENDS`` from one URL, so that the engine is chosen by
configuration and the code never branches on it.

``SEARCH_URL`` empty means Wagtail's database backend (SQLite FTS5 locally,
PostgreSQL full-text with the ``french_unaccent`` configuration created by the
``site_search`` migrations), declared through ``search.database``, which hands it
the query expanded in French. Otherwise its scheme names the engine:
``opensearch://host:port`` (OpenSearch 2 or 3, through ``search.backends`` with
French analysis and editors' synonyms), ``elasticsearch://`` (Elasticsearch 8) or
``elasticsearch9://`` (Wagtail's backends with the same French index settings).
Add ``?tls`` for https.

With an engine, the database backend stays configured as ``"database"`` and kept
up to date by the same signals: the search page falls back to it when the engine is
unreachable (``search.catalogue``).
"""

from urllib.parse import urlsplit

ENGINES = {
    "opensearch": "search.backends",
    "opensearch2": "search.backends",
    "opensearch3": "search.backends",
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}


def database_backend() -> dict:
    """Wagtail's database backend; on PostgreSQL, French stemming without accents."""
    return {
        "BACKEND": "search.database",
        "SEARCH_CONFIG": "french_unaccent",
    }


def search_backends(url: str, index_prefix: str = "anct") -> dict:
    if not url:
        return {"default": database_backend()}
    parts = urlsplit(url)
    engine = ENGINES.get(parts.scheme)
    if engine is None:
        raise ValueError(f"SEARCH_URL : moteur inconnu « {parts.scheme} »")
    secure = parts.query == "tls"
    http_scheme = "https" if secure else "http"
    host = f"{http_scheme}://{parts.hostname}:{parts.port or 9200}"
    from search.analysis import french_index_settings

    return {
        "default": {
            "BACKEND": engine,
            "URLS": [host],
            "INDEX_PREFIX": f"{index_prefix}_",
            "TIMEOUT": 5,
            # Fail fast when the engine is down: the page falls back to the database.
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": french_index_settings(),
            "ATOMIC_REBUILD": True,
        },
        "database": database_backend(),
    }
