"""One interface, one strategy per kind of backend, chosen once per search.

A strategy answers ``search(request, operator)`` with a ``SearchOutcome`` and
``autocomplete(request, limit)`` with ranked pages. Which one drives a backend is
declared by the backend itself (``catalogue_strategy``: ``search.database`` sets
"database", ``search.backends`` says "engine"); a backend that declares nothing
(Wagtail's Elasticsearch backends) gets the database strategy, which then reads
that backend's ranked results (without the engine's facets in one request).

The engine strategy holds the database strategy on the ``"database"`` backend as
its fallback for outages (``config.search_backends`` keeps it up to date).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from modelsearch.backends import get_search_backend


@dataclass
class SearchRequest:
    """A cleaned query and what every strategy needs along with it."""

    query: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    synonyms: list[str] = field(default_factory=list)  # editors' rules, "PVD, Petites villes de demain"
    themes: dict[str, str] = field(default_factory=dict)
    policies: dict[str, str] = field(default_factory=dict)


def choose(alias: str = "default"):
    """The strategy for the configured backend ``alias``."""
    from search.strategies.database import DatabaseStrategy
    from search.strategies.engine import EngineStrategy

    backend = get_search_backend(alias)
    kind = getattr(backend, "catalogue_strategy", DatabaseStrategy.name)
    if kind == EngineStrategy.name:
        fallback = None
        if alias != "database" and "database" in settings.WAGTAILSEARCH_BACKENDS:
            fallback = DatabaseStrategy(get_search_backend("database"))
        return EngineStrategy(backend, fallback)
    return DatabaseStrategy(backend)
