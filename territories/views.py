"""Public pages of the territories app: the commune search, the autocomplete
JSON, the data page and the département map image. The commune page itself is
the finder's."""

import hashlib

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from .importer import PACKAGE_NAME
from .lookup import SIREN_RE, TerritoryMatches, lookup, lookup_territories
from .maps import drawing_for
from .models import Departement, OfficialDataset, Region, TerritorialDataImport

AUTOCOMPLETE_LIMIT = 10
#: A map image never changes for its address once the drawing's version is in it.
MAP_MAX_AGE = 365 * 24 * 3600


@require_safe
def commune_search(request):
    """The finder's entry: type a commune, get a list (works without JavaScript).
    A query that finds exactly one commune (a full name, a postal code or an INSEE
    code of one commune) goes straight to that commune's page: the list would
    only ask for one more click; so does an intercommunality's SIREN. Names of
    intercommunalities and départements are listed beside the communes. A match
    through a former name (a merged commune) stays a list, which says
    "anciennement …" so the user knows where they are. Coming from a programme page
    (``programme=<page id>``), the search keeps the programme and each commune page
    opens at that programme's verdict."""
    query = request.GET.get("q", "").strip()
    programme = request.GET.get("programme", "")
    programme = programme if programme.isdigit() and len(programme) <= 10 else ""
    result = lookup(query) if query else None
    places = lookup_territories(query) if query else TerritoryMatches()
    if SIREN_RE.match(query.replace(" ", "")) and len(places.groupements) == 1:
        return redirect("places:groupement", places.groupements[0].pk)
    if (
        result
        and len(result.matches) == 1
        and not result.has_more
        and not result.matches[0].via
        and not places
    ):
        return redirect(result.matches[0].commune.get_absolute_url() + verdict_anchor(programme))
    return TemplateResponse(
        request,
        "territories/commune_search.html",
        {
            "query": query,
            "programme": programme,
            "anchor": verdict_anchor(programme),
            "result": result,
            "places": places,
            "title": _("Quels programmes pour ma commune ?"),
            "breadcrumb": {"links": [], "current": _("Ma commune")},
        },
    )


def verdict_anchor(programme: str) -> str:
    """Where a commune page opens for a programme: its card (``finder``'s
    commune page gives each one the id ``programme-<page id>``)."""
    return f"#programme-{programme}" if programme else ""


@require_safe
def commune_autocomplete(request):
    """JSON for the combobox: at most ten communes, best first."""
    query = request.GET.get("q", "").strip()
    result = lookup(query, limit=AUTOCOMPLETE_LIMIT, suggest=False) if len(query) >= 2 else None
    items = []
    for match in result.matches if result else []:
        commune = match.commune
        items.append(
            {
                "code": commune.code,
                "name": commune.name,
                "departement": commune.departement_id,
                "departement_name": commune.departement.name,
                "postal_codes": commune.postal_codes,
                "former_name": match.former_name,
                "label": f"{commune.name} ({commune.departement_id})",
                "url": commune.get_absolute_url(),
            }
        )
    return JsonResponse({"query": query, "results": items})


def _level_rows(latest) -> list[list[str]]:
    """The loaded counts, départements and régions counted without the
    collectivités d'outre-mer (listed apart): 101 and 18, as France counts them."""
    labels = {
        "regions": _("Régions"),
        "departements": _("Départements"),
        "arrondissements": _("Arrondissements"),
        "epci": _("EPCI à fiscalité propre"),
        "ept": _("Établissements publics territoriaux (Grand Paris)"),
        "communes": _("Communes"),
        "codes_postaux": _("Liens code postal – commune"),
        "anciens_noms": _("Communes déléguées, associées et arrondissements municipaux"),
    }
    live = {
        "regions": Region.objects.exclude(zone="com").count(),
        "departements": Departement.objects.exclude(zone="com").count(),
    }
    return [
        [label, number_format(live.get(key, latest.counts.get(key, 0)), force_grouping=True)]
        for key, label in labels.items()
        if key in latest.counts
    ]


@require_safe
def data_sources(request):
    """Where the territorial data and the official lists come from, which
    version or date, their licence, when they were loaded and what was rejected."""
    latest = TerritorialDataImport.objects.order_by("-imported_at", "-pk").first()
    return TemplateResponse(
        request,
        "territories/data_sources.html",
        {
            "latest": latest,
            "level_rows": _level_rows(latest) if latest else [],
            "level_header": [_("Niveau"), _("Nombre")],
            "collectivites": list(Departement.objects.filter(zone="com").order_by("code")),
            "datasets": list(OfficialDataset.objects.all()),
            "package_name": PACKAGE_NAME,
            "title": _("Données territoriales"),
            "breadcrumb": {
                "links": [{"url": reverse("territories:search"), "title": _("Ma commune")}],
                "current": _("Données territoriales"),
            },
        },
    )


@gzip_page
@require_safe
def departement_map(request):
    """The département map as an SVG image, coloured as its query says
    (``territories.maps.image_url``). Pages point to it with ``<img>``: the
    browser and the HTTP cache keep it (a year when the address names the
    current drawing), and answer a revalidation with 304 through its ETag."""
    drawing = drawing_for(request.GET)
    etag = (
        '"' + hashlib.sha256(f"{drawing['version']}|{drawing['signature']}".encode()).hexdigest()[:24] + '"'
    )
    current = request.GET.get("v") == drawing["version"]
    response = HttpResponse(
        render_to_string("territories/departement_map.svg", drawing), content_type="image/svg+xml"
    )
    response["ETag"] = etag
    if current:
        patch_cache_control(response, public=True, max_age=MAP_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=3600)
    return get_conditional_response(request, etag=etag, response=response)
