"""Which pages and documents match a query, best first, whichever backend answers.

Every backend is asked the same way, through Wagtail's public search API
(``queryset.search``), and degrades the same way:

1. pages holding every word (``and``), as the backend ranks them;
2. when none holds them all, pages holding some of them (``or``): the page that
   holds the most words comes first (synonyms count, as the backend reads them),
   and on equal words a catalogue page comes before an editorial one (a legal
   notice never outranks a programme on a partial match);
3. when no page holds any word, an approximate search (``Fuzzy``): the engine finds
   typos, the database backend finds nothing (the page proposes corrections).

On equal words, a page whose title holds more of them comes first: backends weigh
titles differently (SQLite does not rank at all, see ``search.database``) and a
visitor expects the page named by what they typed. Documents follow the pages
(their scores are not comparable).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.search.query import Fuzzy

from search.expansion import Expansion
from search.facets import catalogue_models
from search.results import Scope

BATCH = 100  # the most an engine returns in one request (more are scrolled)
MAX_MATCHES = 10_000  # beyond, a visitor refines the query (the engine's max_result_window)


@dataclass
class Matches:
    keys: list[tuple[str, int]] = field(default_factory=list)  # ("page" | "document", pk), best first
    content_types: dict[int, int] = field(default_factory=dict)  # page pk → content type id
    titles: dict[int, str] = field(default_factory=dict)  # page pk → title
    relaxed: bool = False  # no page held every word


def _read(results) -> list:
    """All the results, in one request when they are few."""
    first = list(results[:BATCH])
    return first + list(results[BATCH:MAX_MATCHES]) if len(first) == BATCH else first


def _pages(query, scope: Scope, backend: str, operator=None, ranked=True) -> list:
    return _read(scope.pages.search(query, operator=operator, order_by_relevance=ranked, backend=backend))


def _find(query, scope: Scope, backend: str, operator=None) -> Matches:
    pages = _pages(query, scope, backend, operator)
    documents = _read(scope.documents.search(query, operator=operator, backend=backend))
    return Matches(
        [("page", p.pk) for p in pages] + [("document", d.pk) for d in documents],
        {p.pk: p.content_type_id for p in pages},
        {p.pk: p.title for p in pages},
    )


def _order(matches: Matches, expansion: Expansion, scope: Scope, backend: str) -> None:
    held, editorial = Counter(), set()
    if matches.relaxed:
        for slot in expansion.slots:
            held.update(page.pk for page in _pages(slot.text, scope, backend, ranked=False))
        catalogue = {ct.pk for ct in ContentType.objects.get_for_models(*catalogue_models()).values()}
        editorial = {pk for pk, ct in matches.content_types.items() if ct not in catalogue}
    in_title = {pk: expansion.matched(title) for pk, title in matches.titles.items()}
    pages = sorted(matches.titles, key=lambda pk: (-held[pk], pk in editorial, -in_title[pk]))
    matches.keys[: len(pages)] = [("page", pk) for pk in pages]


def find(expansion: Expansion, scope: Scope, backend: str = "default") -> Matches:
    """Matches of the query ``expansion`` holds among what ``scope`` lets a visitor
    find, on the backend named ``backend``."""
    text = " ".join(slot.text for slot in expansion.slots)
    matches = _find(text, scope, backend, "and")
    if not matches.keys and len(expansion.slots) > 1:
        matches = _find(text, scope, backend, "or")
        matches.relaxed = True
    if not matches.keys:
        return _find(Fuzzy(text, operator="and"), scope, backend)
    _order(matches, expansion, scope, backend)
    return matches
