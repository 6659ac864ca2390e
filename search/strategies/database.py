"""The database strategy: Wagtail's database backend, with query expansion.

The query goes to the backend as an ``ExpandedQuery`` (synonyms, stems, word
families: ``search.expansion``). Only primary keys, content types and titles of
the ranked matches are read (never whole pages), the ten best are put
title-first (a page named after the words outranks one that merely mentions
them, as the engine's title clause does), facet values come from one grouped
query per catalogue page type over the matches, and only the pages of the
current result page are loaded. Documents come after pages (their scores are not
comparable).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from search.database import ranked_ids
from search.expansion import expand
from search.facets import DOCUMENT_TYPE, FACET_NAMES, catalogue_models
from search.query import words
from search.results import (
    PER_PAGE,
    SearchOutcome,
    build_facets,
    load_objects,
    make_hit,
    paginate,
    public_documents,
    public_pages,
    text_of,
)
from search.snippets import build_snippet

RERANK_WINDOW = 100  # title-first among the best matches only: enough, and cheap


class DatabaseStrategy:
    name = "database"

    def __init__(self, backend):
        self.backend = backend

    def _ranked_pages(self, expanded) -> list[tuple[int, int]]:
        """(pk, content type) of the matching public pages, best first."""
        visible = dict(public_pages().values_list("pk", "content_type_id"))
        pks = ranked_ids(self.backend, expanded, public_pages(), allowed=visible)
        head = pks[:RERANK_WINDOW]
        titles = dict(Page.objects.filter(pk__in=head).values_list("pk", "title"))
        head.sort(key=lambda pk: not expanded.matches(words(titles.get(pk, ""))))
        return [(pk, visible[pk]) for pk in head + pks[RERANK_WINDOW:] if pk in visible]

    def _facet_rows(self, expanded, pages) -> dict:
        """Facet values of every match, keyed by ("page" | "document", pk).

        Catalogue values are read for every live page of each catalogue type (a
        plain scan is cheaper than a thousand-value ``IN``), then kept for the
        matches only."""
        rows = {}
        for pk, content_type_id in pages:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            rows[("page", pk)] = {"type": model._meta.label_lower if model else "wagtailcore.page"}
        for model in catalogue_models():
            for pk, theme, policy, status in model.objects.filter(live=True).values_list(
                "pk", "theme_id", "public_policy_id", "status"
            ):
                row = rows.get(("page", pk))
                if row is not None:
                    row.update(
                        theme=str(theme) if theme else None,
                        policy=str(policy) if policy else None,
                        status=status or None,
                    )
        for pk in ranked_ids(self.backend, expanded, public_documents()):
            rows[("document", pk)] = {"type": DOCUMENT_TYPE}
        return rows

    def search(self, request, operator: str = "and") -> SearchOutcome:
        expanded = expand(request.query, request.synonyms, operator=operator)
        if expanded is None:
            return SearchOutcome(request.query, strategy=self.name)
        rows = self._facet_rows(expanded, self._ranked_pages(expanded))
        filters = request.filters

        def matches(row, names):
            return all(row.get(n) in filters[n] for n in names if n in filters)

        counts = {}
        for name in FACET_NAMES:
            others = [n for n in FACET_NAMES if n != name]
            bucket = counts.setdefault(name, {})
            for row in rows.values():
                value = row.get(name)
                if value and matches(row, others):
                    bucket[value] = bucket.get(value, 0) + 1
        selected = [key for key, row in rows.items() if matches(row, FACET_NAMES)]
        page_obj, offset = paginate(len(selected), request.page)
        window = selected[offset : offset + PER_PAGE]
        objects = load_objects(window)
        marks = expanded.marks()
        hits = [
            make_hit(
                objects[key], build_snippet(text_of(objects[key]), marks), request.themes, request.policies
            )
            for key in window
            if key in objects
        ]
        page_obj.object_list = hits
        facets = build_facets(counts, filters, request.themes, request.policies)
        return SearchOutcome(request.query, hits, len(selected), facets, page_obj, strategy=self.name)

    def autocomplete(self, request, limit: int) -> list:
        expanded = expand(request.query, request.synonyms, autocomplete=True)
        if expanded is None:
            return []
        return list(self.backend.autocomplete(expanded, public_pages())[:limit])
