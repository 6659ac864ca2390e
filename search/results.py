"""What a search returns, whichever backend answered: hits, facets with counts,
the page of results, and what the page must tell the visitor (engine outage,
relaxed query, commune matches, "Vouliez-vous dire…")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q
from django.utils.safestring import SafeString
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from search.facets import DOCUMENT_TYPE, FacetCounts, is_catalogue_page, status_labels, type_label
from search.snippets import build_snippet

SNIPPET_SOURCES = ("summary", "listing_summary", "search_description", "introduction", "hero_text")


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
    backend: str = ""  # the alias that answered: "default", or "database" during an outage
    communes: list = field(default_factory=list)  # search.communes.CommuneHit, exact matches
    territories: list = field(default_factory=list)  # search.territories.TerritoryHit, exact matches
    suggestions: list[Suggestion] = field(default_factory=list)


def public_pages():
    """What a visitor may find: live pages outside private sections."""
    return Page.objects.live().public()


def public_documents():
    """Documents outside collections restricted by a view restriction."""
    private = Q(pk__in=[])
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        private |= Q(path__startswith=path)
    return get_document_model().objects.filter(collection__in=Collection.objects.exclude(private))


class Scope:
    """What a visitor may find, read once per request.

    Wagtail's ``public()`` reads the pages' view restrictions when it is called, and
    the documents' scope reads the collections' restrictions: one search asks the
    backend up to seven times (every word, then some words, the fallback, the
    "Vouliez-vous dire…" recheck) and the vocabulary counts the same pages. Each
    queryset is built on first use, then shared: a query derived from it reads no
    restriction again."""

    @cached_property
    def pages(self):
        return public_pages().only("id", "content_type_id", "title")

    @cached_property
    def documents(self):
        return public_documents()


def hits(keys, marks, themes: dict[str, str], policies: dict[str, str]) -> list[Hit]:
    """The specific pages and documents behind ``(kind, pk)`` keys, as hits with a
    snippet cut from the page's first non-empty summary, its words marked."""
    loaded = {
        ("page", p.pk): p
        for p in Page.objects.filter(pk__in=[pk for k, pk in keys if k == "page"]).specific()
    }
    documents = get_document_model().objects.filter(pk__in=[pk for kind, pk in keys if kind == "document"])
    loaded.update({("document", d.pk): d for d in documents})
    found = []
    for obj in (loaded[key] for key in keys if key in loaded):
        if not isinstance(obj, Page):
            found.append(
                Hit(obj.title, obj.url, type_label(DOCUMENT_TYPE), build_snippet("", marks), obj=obj)
            )
            continue
        text = next((str(v) for v in (getattr(obj, name, "") for name in SNIPPET_SOURCES) if v), "")
        hit = Hit(obj.title, obj.url, type_label(obj._meta.label_lower), build_snippet(text, marks), obj=obj)
        if is_catalogue_page(obj):
            hit.theme = themes.get(str(obj.theme_id or ""), "")
            hit.policy = policies.get(str(obj.public_policy_id or ""), "")
            hit.status = status_labels().get(obj.status, "")
        found.append(hit)
    return found
