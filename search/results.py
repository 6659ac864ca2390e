"""What a search returns, whichever strategy answered: hits, facets with counts,
the page of results, and what the page must tell the visitor (engine outage,
relaxed query, commune matches, "Vouliez-vous dire…")."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.safestring import SafeString
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from search.facets import DOCUMENT_TYPE, FACETS, is_catalogue_page, status_labels, type_label

PER_PAGE = 10


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
class FacetCounts:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class Suggestion:
    """A "Vouliez-vous dire…" proposal: a query to run again, or a commune page."""

    label: str
    url: str


@dataclass
class SearchOutcome:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: list[FacetCounts] = field(default_factory=list)
    page_obj: object = None
    engine_unavailable: bool = False
    relaxed: bool = False  # no page had every word: pages with some of them
    strategy: str = ""
    communes: list = field(default_factory=list)  # search.communes.CommuneHit, exact matches
    territories: list = field(default_factory=list)  # search.territories.TerritoryHit, exact matches
    suggestions: list[Suggestion] = field(default_factory=list)


class _Sized:
    """What the paginator counts: only the current page is ever fetched."""

    def __init__(self, total):
        self.total = total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        return []


def paginate(total: int, number: int):
    """The paginator's page for ``number`` (clamped to the last page) and its offset."""
    page_obj = Paginator(_Sized(total), PER_PAGE).get_page(number)
    return page_obj, (page_obj.number - 1) * PER_PAGE


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
    return get_document_model().objects.filter(collection__in=public_collections)


def build_facets(counts: dict[str, dict[str, int]], filters, themes, policies) -> list[FacetCounts]:
    """Facets with their options and counts, selected options kept even at zero."""
    labels = {"theme": themes, "policy": policies, "status": status_labels()}
    facets = []
    for facet in FACETS:
        bucket = dict(counts.get(facet.name, {}))
        selected = set(filters.get(facet.name, []))
        for value in selected:
            bucket.setdefault(value, 0)
        options = [
            FacetOption(
                value,
                type_label(value) if facet.name == "type" else labels[facet.name].get(value, value),
                count,
                value in selected,
            )
            for value, count in bucket.items()
        ]
        options.sort(key=lambda o: (-o.count, o.label))
        if options:
            facets.append(FacetCounts(facet.name, str(facet.label), options))
    return facets


def load_objects(keys) -> dict:
    """The specific pages and documents behind ``(kind, pk)`` keys."""
    page_pks = [pk for kind, pk in keys if kind == "page"]
    doc_pks = [pk for kind, pk in keys if kind == "document"]
    loaded = {("page", p.pk): p for p in Page.objects.filter(pk__in=page_pks).specific()}
    loaded.update({("document", d.pk): d for d in get_document_model().objects.filter(pk__in=doc_pks)})
    return loaded


def page_text(page) -> str:
    """The text a snippet is cut from: the page's first non-empty summary."""
    for name in ("summary", "listing_summary", "search_description", "introduction", "hero_text"):
        value = getattr(page, name, "")
        if value:
            return str(value)
    return ""


def text_of(obj) -> str:
    return page_text(obj) if isinstance(obj, Page) else ""


def make_hit(obj, snippet, themes, policies) -> Hit:
    if not isinstance(obj, Page):
        return Hit(obj.title, obj.url, type_label(DOCUMENT_TYPE), snippet, obj=obj)
    hit = Hit(obj.title, obj.url, type_label(obj._meta.label_lower), snippet, obj=obj)
    if is_catalogue_page(obj):
        hit.theme = themes.get(str(obj.theme_id or ""), "")
        hit.policy = policies.get(str(obj.public_policy_id or ""), "")
        hit.status = status_labels().get(obj.status, "")
    return hit
