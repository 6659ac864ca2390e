"""The catalogue search service: one interface, whatever the configured backend.

``search_catalogue()`` returns ranked hits (type, thématique, status, highlighted
snippet), facets with counts and pagination; ``autocomplete_titles()`` returns
title suggestions. The view never knows which backend answered.

Two strategies behind the interface:

- **engine** (OpenSearch through ``search.backends``): one request built with
  elasticsearch-dsl and sent with the backend's own opensearch-py client. The
  query and its filters (live, public, page types) are compiled by Wagtail's query
  compiler, then the request adds highlighting, the facet filters as a
  ``post_filter`` and one aggregation per facet (each counted under the *other*
  facets' filters, so a facet's options stay visible once one is ticked), pages and
  documents in one ranked list.
- **wagtail** (the database backend, or any backend without the engine features):
  Wagtail's ``search()`` gives the ranked matches, grouped queries fetch their facet
  values (one per catalogue page type), facets and filters are applied in Python
  with the same semantics, and snippets are built server-side with ``<mark>``.
  Documents come after pages (their scores are not comparable).

If the engine is unreachable, the wagtail strategy runs on the ``"database"``
backend (kept up to date alongside the engine, see ``config.search_backends``) and
the outcome says so (``engine_unavailable``) for the page to tell the visitor.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import A, Search
from elasticsearch_dsl import Q as DslQ
from modelsearch.backends import get_search_backend
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from search.backends import FACET_FIELDS

logger = logging.getLogger(__name__)

PER_PAGE = 10
DOCUMENT_TYPE = "document"
FACET_LABELS = {
    "type": _("Type de contenu"),
    "theme": _("Thématique"),
    "policy": _("Politique publique"),
    "status": _("Statut"),
}


# --- Results ---------------------------------------------------------------------------


@dataclass
class Hit:
    title: str
    url: str
    type_label: str
    snippet: SafeString
    theme: str = ""
    status: str = ""
    policy: str = ""
    obj: object = None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class SearchOutcome:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: list[Facet] = field(default_factory=list)
    page_obj: object = None
    engine_unavailable: bool = False
    relaxed: bool = False  # no page had every word: pages with some of them
    strategy: str = ""


class _Sized:
    """What the paginator counts: only the current page is ever fetched."""

    def __init__(self, total):
        self.total = total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        return []


# --- Catalogue vocabulary ----------------------------------------------------------------


def catalogue_models() -> list[type[Page]]:
    """Concrete page models derived from ``catalogue.CataloguePage``."""
    from catalogue.models.catalogue_page import CataloguePage

    return [m for m in apps.get_models() if issubclass(m, CataloguePage) and not m._meta.abstract]


def status_labels() -> dict[str, str]:
    from catalogue.models.catalogue_page import CatalogueStatus

    return {value: str(label) for value, label in CatalogueStatus.choices}


def taxonomy_labels() -> tuple[dict[str, str], dict[str, str]]:
    from catalogue.models import PublicPolicy, Theme

    themes = {str(pk): name for pk, name in Theme.objects.values_list("pk", "name")}
    policies = {str(pk): name for pk, name in PublicPolicy.objects.values_list("pk", "name")}
    return themes, policies


def type_label(type_value: str) -> str:
    if type_value == DOCUMENT_TYPE:
        return str(_("Document"))
    try:
        model = apps.get_model(type_value)
    except (LookupError, ValueError):
        return type_value
    return str(model._meta.verbose_name).capitalize()


def clean_filters(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """Keep only well-formed facet values from the query string."""
    cleaned = {}
    for name in FACET_FIELDS:
        values = [v for v in raw.get(name, []) if v]
        if name in ("theme", "policy"):
            values = [v for v in values if v.isdigit()]
        elif name == "status":
            values = [v for v in values if v in status_labels()]
        elif name == "type":
            values = [v for v in values if re.fullmatch(r"[a-z_]+\.[a-z_]+|document", v)]
        if values:
            cleaned[name] = sorted(set(values))
    return cleaned


def public_pages():
    """What a visitor may find: live pages outside private sections."""
    return Page.objects.live().public()


def public_documents():
    """Documents outside collections restricted by a view restriction."""
    restricted_paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    private = Q()
    for path in restricted_paths:
        private |= Q(path__startswith=path)
    public_collections = Collection.objects.exclude(private) if restricted_paths else Collection.objects.all()
    return get_document_model().objects.filter(
        collection__in=list(public_collections.values_list("pk", flat=True))
    )


# --- Snippets ----------------------------------------------------------------------------

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'"})
_WORD = re.compile(r"\w+", re.UNICODE)
_ELIDED = re.compile(r"^(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu)'", re.IGNORECASE)


def fold(text: str) -> str:
    """Lowercase, ligatures expanded, accents removed: "Cœur" -> "coeur"."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _query_stems(query: str) -> list[str]:
    words = [_ELIDED.sub("", w) for w in fold(query).replace("'", "' ").split()]
    stems = []
    for word in _WORD.findall(" ".join(words)):
        if len(word) < 3 and not word.isupper():
            continue
        stems.append(word[:6] if len(word) > 6 else word)
    return stems


def build_snippet(text: str, query: str, width: int = 220) -> SafeString:
    """A short excerpt of ``text`` around the first query word, words marked.

    A word matches when its folded form starts with the first six letters of a
    folded query word: crude, but it marks "industrie" for "industriel" and
    "cœur" for "coeur", like the engine's analysis would.
    """
    text = " ".join(strip_tags(text or "").split())
    if not text:
        return mark_safe("")
    stems = _query_stems(query)
    matches = [m for m in _WORD.finditer(text) if any(fold(m.group()).startswith(s) for s in stems)]
    start = 0
    if matches and matches[0].start() > width // 3:
        start = text.rfind(" ", 0, matches[0].start() - width // 3) + 1
    end = min(len(text), start + width)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    parts, cursor = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        parts.append(escape(text[cursor : m.start()]))
        parts.append(f"<mark>{escape(m.group())}</mark>")
        cursor = m.end()
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


def page_text(page) -> str:
    for name in ("summary", "listing_summary", "search_description", "introduction", "hero_text"):
        value = getattr(page, name, "")
        if value:
            return str(value)
    return ""


# --- Facets --------------------------------------------------------------------------------


def _facet_option_label(name, value, themes, policies):
    if name == "type":
        return type_label(value)
    if name == "theme":
        return themes.get(value, value)
    if name == "policy":
        return policies.get(value, value)
    return status_labels().get(value, value)


def _build_facets(counts: dict[str, dict[str, int]], filters, themes, policies) -> list[Facet]:
    facets = []
    for name in FACET_FIELDS:
        bucket = counts.get(name, {})
        selected = set(filters.get(name, []))
        options = [
            FacetOption(value, _facet_option_label(name, value, themes, policies), count, value in selected)
            for value, count in bucket.items()
            if count or value in selected
        ]
        for value in selected - set(bucket):
            options.append(FacetOption(value, _facet_option_label(name, value, themes, policies), 0, True))
        options.sort(key=lambda o: (-o.count, o.label))
        if options:
            facets.append(Facet(name, str(FACET_LABELS[name]), options))
    return facets


def _paginate(total: int, page_number) -> tuple[object, int]:
    paginator = Paginator(_Sized(total), PER_PAGE)
    page_obj = paginator.get_page(page_number)
    return page_obj, (page_obj.number - 1) * PER_PAGE


# --- Strategy: any Wagtail backend (database) ---------------------------------------------------


def _title_first(pages, query):
    """Stable re-rank: pages whose title carries every query stem first, as the
    engine's title clause does, so that a page merely mentioning the words in its
    body does not outrank the page named after them."""
    stems = _query_stems(query)
    if not stems:
        return pages

    def title_matches(page):
        title = fold(page.title)
        return all(stem in title for stem in stems)

    return sorted(pages, key=lambda page: not title_matches(page))


def _wagtail_search(backend, query, filters, page_number, themes, policies, operator) -> SearchOutcome:
    ranked = _title_first(list(backend.search(query, public_pages(), operator=operator)), query)
    pks = [p.pk for p in ranked]
    rows = {}
    for p in ranked:
        model = ContentType.objects.get_for_id(p.content_type_id).model_class()
        rows[("page", p.pk)] = {"type": model._meta.label_lower if model else "wagtailcore.page"}
    for model in catalogue_models():
        for pk, theme_id, policy_id, status in model.objects.filter(pk__in=pks).values_list(
            "pk", "theme_id", "public_policy_id", "status"
        ):
            rows[("page", pk)].update(
                theme=str(theme_id) if theme_id else None,
                policy=str(policy_id) if policy_id else None,
                status=status,
            )
    documents = list(backend.search(query, public_documents(), operator=operator))
    for d in documents:
        rows[("document", d.pk)] = {"type": DOCUMENT_TYPE}
    keys = [("page", pk) for pk in pks] + [("document", d.pk) for d in documents]

    def matches(row, names):
        return all(row.get(n) in filters[n] for n in names if n in filters)

    counts = {}
    for name in FACET_FIELDS:
        others = [n for n in FACET_FIELDS if n != name]
        bucket = counts.setdefault(name, {})
        for key in keys:
            row = rows[key]
            value = row.get(name)
            if value and matches(row, others):
                bucket[value] = bucket.get(value, 0) + 1
    selected = [key for key in keys if matches(rows[key], list(FACET_FIELDS))]
    page_obj, offset = _paginate(len(selected), page_number)
    window = selected[offset : offset + PER_PAGE]
    by_key = _load_objects(window)
    hits = [
        _hit(by_key[key], build_snippet(_text_of(by_key[key]), query), themes, policies)
        for key in window
        if key in by_key
    ]
    page_obj.object_list = hits
    return SearchOutcome(
        query,
        hits,
        len(selected),
        _build_facets(counts, filters, themes, policies),
        page_obj,
        strategy="wagtail",
    )


def _load_objects(keys) -> dict:
    page_pks = [pk for kind, pk in keys if kind == "page"]
    doc_pks = [pk for kind, pk in keys if kind == "document"]
    loaded = {("page", p.pk): p for p in Page.objects.filter(pk__in=page_pks).specific()}
    loaded.update({("document", d.pk): d for d in get_document_model().objects.filter(pk__in=doc_pks)})
    return loaded


def _text_of(obj) -> str:
    return page_text(obj) if isinstance(obj, Page) else ""


def _hit(obj, snippet, themes, policies) -> Hit:
    if isinstance(obj, Page):
        is_catalogue = hasattr(obj, "public_policy_id")
        return Hit(
            title=obj.title,
            url=obj.url,
            type_label=type_label(obj._meta.label_lower),
            snippet=snippet,
            theme=themes.get(str(getattr(obj, "theme_id", "") or ""), ""),
            policy=policies.get(str(getattr(obj, "public_policy_id", "") or ""), ""),
            status=status_labels().get(obj.status, "") if is_catalogue else "",
            obj=obj,
        )
    return Hit(title=obj.title, url=obj.url, type_label=type_label(DOCUMENT_TYPE), snippet=snippet, obj=obj)


# --- Strategy: OpenSearch with elasticsearch-dsl ---------------------------------------------

HIGHLIGHT_FIELDS = [
    "*summary",
    "*objectives",
    "*body",
    "*introduction",
    "*territory_label",
    "search_description",
]


def _facet_filter(name, values):
    return DslQ("terms", **{FACET_FIELDS[name]: values})


def build_engine_request(backend, query, filters, offset, operator="and") -> tuple[list[str], dict]:
    """The engine request as elasticsearch-dsl builds it: (index names, body).

    Wagtail compiles the query over every searchable field (with the boosts of
    ``search_fields``) and the queryset's filters (live, public); a title clause on
    top makes a page whose title carries the words outrank one that only mentions
    them (the catalogue's summary weighs 3, Wagtail's title 2).
    """
    page_results = backend.search(query, public_pages(), operator=operator)
    doc_results = backend.search(query, public_documents(), operator=operator)
    indices = [
        backend.get_index_for_model(Page).name,
        backend.get_index_for_model(get_document_model()).name,
    ]
    matches = DslQ(
        "bool",
        should=[DslQ(page_results.query_compiler.get_query()), DslQ(doc_results.query_compiler.get_query())],
        minimum_should_match=1,
    )
    title_boost = [
        DslQ("match", title={"query": query, "boost": 3}),
        DslQ("match_phrase", title={"query": query, "boost": 3}),
    ]
    base = DslQ("bool", must=[matches], should=title_boost)
    s = Search().query(base).source(False).extra(from_=offset, size=PER_PAGE, track_total_hits=True)
    if filters:
        s = s.post_filter(DslQ("bool", filter=[_facet_filter(n, v) for n, v in filters.items()]))
    for name, column in FACET_FIELDS.items():
        others = [_facet_filter(n, v) for n, v in filters.items() if n != name]
        agg = A("filter", DslQ("bool", filter=others) if others else DslQ("match_all"))
        agg.bucket("values", "terms", field=column, size=100)
        s.aggs.bucket(name, agg)
    s = s.highlight(*HIGHLIGHT_FIELDS, fragment_size=180, number_of_fragments=2)
    s = s.highlight_options(
        pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", require_field_match=False
    )
    return indices, s.to_dict()


def _engine_search(backend, query, filters, page_number, themes, policies, operator) -> SearchOutcome:
    offset = (max(int(page_number), 1) - 1) * PER_PAGE if str(page_number).isdigit() else 0
    indices, body = build_engine_request(backend, query, filters, offset, operator)
    response = backend.es.search(index=",".join(indices), body=body, ignore_unavailable=True)
    total = response["hits"]["total"]["value"]
    if total and offset >= total:  # page number beyond the last page: show the last one
        offset = (total - 1) // PER_PAGE * PER_PAGE
        indices, body = build_engine_request(backend, query, filters, offset, operator)
        response = backend.es.search(index=",".join(indices), body=body, ignore_unavailable=True)
    page_obj, offset = _paginate(total, page_number)

    doc_index = indices[1]
    keys, fragments = [], {}
    for hit in response["hits"]["hits"]:
        kind = "document" if hit["_index"].startswith(doc_index) else "page"
        key = (kind, int(hit["_id"]))
        keys.append(key)
        parts = [f for field_parts in hit.get("highlight", {}).values() for f in field_parts]
        if parts:
            fragments[key] = mark_safe(" … ".join(parts[:2]))
    by_key = _load_objects(keys)
    hits = [
        _hit(by_key[key], fragments.get(key) or build_snippet(_text_of(by_key[key]), query), themes, policies)
        for key in keys
        if key in by_key
    ]
    aggregations = response.get("aggregations", {})
    counts = {
        # No aggregations at all when the indices do not exist yet (before update_index).
        name: {b["key"]: b["doc_count"] for b in aggregations[name]["values"]["buckets"]}
        for name in FACET_FIELDS
        if name in aggregations
    }
    page_obj.object_list = hits
    return SearchOutcome(
        query, hits, total, _build_facets(counts, filters, themes, policies), page_obj, strategy="engine"
    )


# --- Interface ------------------------------------------------------------------------------


def uses_engine(backend) -> bool:
    return hasattr(backend, "update_synonyms")


@cache
def _engine_errors():
    from opensearchpy.exceptions import ConnectionError, TransportError

    return (ConnectionError, TransportError)


def _fallback_backend():
    from django.conf import settings

    if "database" in settings.WAGTAILSEARCH_BACKENDS:
        return get_search_backend("database")
    return None


def _relaxed(strategy, backend, query, filters, page_number, themes, policies) -> SearchOutcome:
    """Pages with every word first; if there are none, pages with some of them."""
    outcome = strategy(backend, query, filters, page_number, themes, policies, "and")
    if outcome.total == 0 and len(query.split()) > 1:
        outcome = strategy(backend, query, filters, page_number, themes, policies, "or")
        outcome.relaxed = True
    return outcome


def search_catalogue(
    query: str, raw_filters: dict[str, list[str]] | None = None, page_number=1
) -> SearchOutcome:
    query = " ".join((query or "").split())[:200]
    filters = clean_filters(raw_filters or {})
    if not query:
        return SearchOutcome(query)
    themes, policies = taxonomy_labels()
    backend = get_search_backend("default")
    if uses_engine(backend):
        try:
            return _relaxed(_engine_search, backend, query, filters, page_number, themes, policies)
        except _engine_errors() as error:
            logger.warning("Moteur de recherche indisponible, repli sur la base de données : %r", error)
            fallback = _fallback_backend()
            if fallback is None:
                return SearchOutcome(query, engine_unavailable=True)
            outcome = _relaxed(_wagtail_search, fallback, query, filters, page_number, themes, policies)
            outcome.engine_unavailable = True
            return outcome
    return _relaxed(_wagtail_search, backend, query, filters, page_number, themes, policies)


def autocomplete_titles(query: str, limit: int = 8) -> list[dict]:
    """Titles of live public pages starting with the words typed, accents folded."""
    query = " ".join((query or "").split())[:100]
    if len(query) < 2:
        return []
    backend = get_search_backend("default")
    try:
        results = list(backend.autocomplete(query, public_pages())[:limit])
    except _engine_errors() as error:
        fallback = _fallback_backend()
        if not uses_engine(backend) or fallback is None:
            raise
        logger.warning("Moteur de recherche indisponible pour l'autocomplétion : %r", error)
        results = list(fallback.autocomplete(query, public_pages())[:limit])
    pages = Page.objects.filter(pk__in=[p.pk for p in results]).specific().in_bulk()
    return [
        {"title": page.title, "url": page.url, "type": type_label(page._meta.label_lower)}
        for page in (pages.get(p.pk) for p in results)
        if page is not None
    ]
