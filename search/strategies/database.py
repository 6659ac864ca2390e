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

    def _matches(self, expanded) -> tuple[list[tuple[int, int]], list[int]]:
        """(pk, content type) of the matching public pages, best first, and the
        primary keys of the matching public documents."""
        pages = public_pages()  # one query for the view restrictions, reused
        visible = dict(pages.values_list("pk", "content_type_id"))
        pks, documents = ranked_ids(self.backend, expanded, [(pages, visible), (public_documents(), None)])
        head = pks[:RERANK_WINDOW]
        titles = dict(Page.objects.filter(pk__in=head).values_list("pk", "title"))
        head.sort(key=lambda pk: not expanded.matches(words(titles.get(pk, ""))))
        return [(pk, visible[pk]) for pk in head + pks[RERANK_WINDOW:]], documents

    def _facet_rows(self, pages, documents) -> dict:
        """Facet values of every match, keyed by ("page" | "document", pk).

        Catalogue values are read for every live page of each catalogue type (a
        plain scan is cheaper than a thousand-value ``IN``), then kept for the
        matches only."""
        labels = {}
        for content_type_id in {ct for _, ct in pages}:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            labels[content_type_id] = model._meta.label_lower if model else "wagtailcore.page"
        rows = {("page", pk): {"type": labels[ct]} for pk, ct in pages}
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
        rows.update({("document", pk): {"type": DOCUMENT_TYPE} for pk in documents})
        return rows

    @staticmethod
    def _counts(rows, filters) -> dict[str, dict[str, int]]:
        """Per facet, the matches by value, under the *other* facets' filters."""
        counts = {name: {} for name in FACET_NAMES}
        for row in rows.values():
            failed = [name for name in filters if row.get(name) not in filters[name]]
            if len(failed) > 1:
                continue
            for name in FACET_NAMES:
                value = row.get(name)
                if value and (not failed or failed == [name]):
                    counts[name][value] = counts[name].get(value, 0) + 1
        return counts

    def search(self, request, operator: str = "and") -> SearchOutcome:
        expanded = expand(request.query, request.synonyms, operator=operator)
        if expanded is None:
            return SearchOutcome(request.query, strategy=self.name)
        rows = self._facet_rows(*self._matches(expanded))
        filters = request.filters
        counts = self._counts(rows, filters)
        selected = [key for key, row in rows.items() if all(row.get(n) in filters[n] for n in filters)]
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
