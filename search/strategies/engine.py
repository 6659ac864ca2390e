"""The engine strategy: OpenSearch through ``search.backends``, one request.

The request is built with elasticsearch-dsl and sent with the backend's own
opensearch-py client. The query and its filters (live, public, page types) are
compiled by Wagtail's query compiler, as a plain-text match (never the engine's
query-string syntax, so quotes or operators typed by a visitor are just text),
plus a fuzzy match of low weight (a typo still finds the page, after the exact
matches). The request adds a title clause, highlighting, the facet filters as a
``post_filter`` and one aggregation per facet, each counted under the *other*
facets' filters (a ticked option leaves the others visible). Pages and documents
come in one ranked list.

When the engine does not answer, the database strategy answers instead and the
outcome says so (``engine_unavailable``).
"""

from __future__ import annotations

import logging
from functools import cache

from django.utils.safestring import mark_safe
from elasticsearch_dsl import A, Search
from elasticsearch_dsl import Q as DslQ
from modelsearch.query import Fuzzy, PlainText
from wagtail.documents import get_document_model
from wagtail.models import Page

from search.expansion import expand
from search.facets import FACETS
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

logger = logging.getLogger("search.catalogue")

HIGHLIGHT_FIELDS = [
    "*summary",
    "*objectives",
    "*body",
    "*introduction",
    "*territory_label",
    "search_description",
]
MAX_WINDOW = 10_000  # the engine's index.max_result_window
FUZZY_WEIGHT = 0.2
COLUMNS = {facet.name: facet.column for facet in FACETS}


@cache
def engine_errors():
    from opensearchpy.exceptions import ConnectionError, TransportError

    return (ConnectionError, TransportError)


def _facet_filter(name, values):
    return DslQ("terms", **{COLUMNS[name]: values})


def _compiled(backend, query, querysets):
    return [DslQ(backend.search(query, qs).query_compiler.get_query()) for qs in querysets]


def build_engine_request(backend, query, filters, offset, operator="and") -> tuple[list[str], dict]:
    """The engine request as elasticsearch-dsl builds it: (index names, body).

    A title clause on top makes a page whose title carries the words outrank one
    that only mentions them (the catalogue's summary weighs 3, Wagtail's title 2).
    """
    querysets = (public_pages(), public_documents())
    indices = [backend.get_index_for_model(Page).name, backend.get_index_for_model(get_document_model()).name]
    clauses = _compiled(backend, PlainText(query, operator=operator), querysets)
    if operator == "and":
        fuzzy = _compiled(backend, Fuzzy(query, operator="and"), querysets)
        clauses += [DslQ("bool", must=[clause], boost=FUZZY_WEIGHT) for clause in fuzzy]
    matches = DslQ("bool", should=clauses, minimum_should_match=1)
    title_boost = [
        DslQ("match", title={"query": query, "boost": 3}),
        DslQ("match_phrase", title={"query": query, "boost": 3}),
    ]
    s = Search().query(DslQ("bool", must=[matches], should=title_boost)).source(False)
    s = s.extra(from_=offset, size=PER_PAGE, track_total_hits=True)
    if filters:
        s = s.post_filter(DslQ("bool", filter=[_facet_filter(n, v) for n, v in filters.items()]))
    for name in COLUMNS:
        others = [_facet_filter(n, v) for n, v in filters.items() if n != name]
        agg = A("filter", DslQ("bool", filter=others) if others else DslQ("match_all"))
        agg.bucket("values", "terms", field=COLUMNS[name], size=100)
        s.aggs.bucket(name, agg)
    s = s.highlight(*HIGHLIGHT_FIELDS, fragment_size=180, number_of_fragments=2)
    s = s.highlight_options(
        pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", require_field_match=False
    )
    return indices, s.to_dict()


class EngineStrategy:
    name = "engine"

    def __init__(self, backend, fallback=None):
        self.backend = backend
        self.fallback = fallback

    def _send(self, request, offset, operator):
        indices, body = build_engine_request(self.backend, request.query, request.filters, offset, operator)
        response = self.backend.es.search(index=",".join(indices), body=body, ignore_unavailable=True)
        return indices, response

    def _search(self, request, operator) -> SearchOutcome:
        wanted = (request.page - 1) * PER_PAGE
        indices, response = self._send(request, min(wanted, MAX_WINDOW - PER_PAGE), operator)
        total = response["hits"]["total"]["value"]
        page_obj, offset = paginate(min(total, MAX_WINDOW), request.page)
        if offset != min(wanted, MAX_WINDOW - PER_PAGE):  # beyond the last page: show the last one
            indices, response = self._send(request, offset, operator)
        keys, fragments = [], {}
        for hit in response["hits"]["hits"]:
            key = ("document" if hit["_index"].startswith(indices[1]) else "page", int(hit["_id"]))
            keys.append(key)
            parts = [f for field_parts in hit.get("highlight", {}).values() for f in field_parts]
            if parts:
                fragments[key] = mark_safe(" … ".join(parts[:2]))
        objects = load_objects(keys)
        expanded = expand(request.query, request.synonyms)
        marks = expanded.marks() if expanded else (set(), ())
        hits = [
            make_hit(
                objects[key],
                fragments.get(key) or build_snippet(text_of(objects[key]), marks),
                request.themes,
                request.policies,
            )
            for key in keys
            if key in objects
        ]
        aggregations = response.get("aggregations", {})
        counts = {  # no aggregations at all when the indices do not exist yet (before update_index)
            name: {b["key"]: b["doc_count"] for b in aggregations[name]["values"]["buckets"]}
            for name in COLUMNS
            if name in aggregations
        }
        page_obj.object_list = hits
        facets = build_facets(counts, request.filters, request.themes, request.policies)
        return SearchOutcome(request.query, hits, total, facets, page_obj, strategy=self.name)

    def search(self, request, operator: str = "and") -> SearchOutcome:
        try:
            return self._search(request, operator)
        except engine_errors() as error:
            logger.warning("Moteur de recherche indisponible, repli sur la base de données : %r", error)
            if self.fallback is None:
                return SearchOutcome(request.query, engine_unavailable=True, strategy=self.name)
            outcome = self.fallback.search(request, operator)
            outcome.engine_unavailable = True
            return outcome

    def autocomplete(self, request, limit: int) -> list:
        try:
            return list(self.backend.autocomplete(request.query, public_pages())[:limit])
        except engine_errors() as error:
            logger.warning("Moteur de recherche indisponible pour l'autocomplétion : %r", error)
            return self.fallback.autocomplete(request, limit) if self.fallback else []
