"""The search page and its autocomplete endpoint.

Both call ``search.catalogue``: the views never know which backend answers.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from search.catalogue import autocomplete_titles, search_catalogue
from search.facets import FACET_NAMES
from search.query import clean_query

SUGGESTIONS = [
    "Petites villes de demain",
    "Action cœur de ville",
    "France Services",
    "tiers-lieux",
    "très haut débit",
    "ingénierie",
    "formation des élus",
    "Creuse",
]


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    filters = {name: request.GET.getlist(name) for name in FACET_NAMES}
    outcome = search_catalogue(query, filters, request.GET.get("page", 1))
    page_obj = outcome.page_obj
    if page_obj is not None:
        page_obj.pages_list = list(
            page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
        )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": outcome,
            "page_obj": page_obj,
            "suggestions": SUGGESTIONS,
            "has_filters": any(filters.values()),
            "breadcrumb": {"links": [], "current": _("Recherche")},
        },
    )


@require_safe
def autocomplete(request):
    return JsonResponse({"results": autocomplete_titles(request.GET.get("q", ""))})
