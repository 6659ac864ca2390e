"""Public pages of the territories app: the commune search, the autocomplete
JSON and the data page. The commune page itself is the finder's."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .importer import PACKAGE_NAME
from .lookup import SIREN_RE, TerritoryMatches, lookup, lookup_territories
from .models import Departement, OfficialDataset, Region, TerritorialDataImport

AUTOCOMPLETE_LIMIT = 10


@require_GET
def commune_search(request):
    """The finder's entry: type a commune, get a list (works without JavaScript).
    A query that finds exactly one commune (a full name, a postal code or an INSEE
    code of one commune) goes straight to that commune's page: the list would
    only ask for one more click; so does an intercommunality's SIREN. Names of
    intercommunalities and départements are listed beside the communes. A match through a former name (a merged commune)
    stays a list, which says "anciennement …" so the user knows where they are."""
    query = request.GET.get("q", "").strip()
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
        return redirect(result.matches[0].commune.get_absolute_url())
    return TemplateResponse(
        request,
        "territories/commune_search.html",
        {
            "query": query,
            "result": result,
            "places": places,
            "title": _("Quels programmes pour ma commune ?"),
            "breadcrumb": {"links": [], "current": _("Ma commune")},
        },
    )


@require_GET
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


@require_GET
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
