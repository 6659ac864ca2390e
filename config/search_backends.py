"""Builds ``WAGTAILSEARCH_BACKENDS`` from one URL, so that the engine is chosen by
configuration and the code never branches on it.

``SEARCH_URL`` empty means Wagtail's database backend (SQLite locally,
PostgreSQL full-text in production). Otherwise its scheme names the engine:
``opensearch://host:port`` (OpenSearch 2), ``opensearch3://``,
``elasticsearch://`` (Elasticsearch 8) or ``elasticsearch9://``.
"""

from urllib.parse import urlsplit

ENGINES = {
    "opensearch": "wagtail.search.backends.opensearch2",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}


def search_backends(url: str, index_prefix: str = "anct") -> dict:
    if not url:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
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
            "HOSTS": [host],
            "INDEX": f"{index_prefix}",
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": french_index_settings(),
            "ATOMIC_REBUILD": True,
        }
    }
