"""Public pages of the territories app: the commune search, the "Ma commune"
page with the programme finder, the autocomplete JSON and the data page."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from programmes.models import Theme

from .delegates import delegate_for
from .eligibility import find_programmes
from .importer import PACKAGE_NAME
from .lookup import lookup
from .models import Commune, TerritorialDataImport
from .text import INSEE_CODE_RE

AUTOCOMPLETE_LIMIT = 10


@require_GET
def commune_search(request):
    """The finder's entry: type a commune, get a list (works without JavaScript)."""
    query = request.GET.get("q", "").strip()
    result = lookup(query) if query else None
    return TemplateResponse(
        request,
        "territories/commune_search.html",
        {
            "query": query,
            "result": result,
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


@require_GET
def commune_detail(request, code):
    """ "Ma commune": key facts, programmes it benefits from, and every programme
    and pacte evaluated criterion by criterion, filterable by thématique."""
    code = code.upper()
    if not INSEE_CODE_RE.match(code):
        raise Http404(_("Code INSEE mal formé."))
    commune = get_object_or_404(
        Commune.objects.select_related("departement", "region", "epci", "arrondissement"), pk=code
    )
    themes = list(Theme.objects.all())
    theme = next((t for t in themes if t.slug == request.GET.get("thematique")), None)
    # Lazy: the template caches the evaluation (home.content_version), so it runs on a miss only.
    finder = SimpleLazyObject(lambda: find_programmes(commune, theme.slug if theme else None))
    former_names = [f for f in commune.former_names.all() if f.search_name != commune.search_name]
    return TemplateResponse(
        request,
        "territories/commune_detail.html",
        {
            "commune": commune,
            "former_names": former_names,
            "finder": finder,
            "themes": themes,
            "theme": theme,
            "delegate": delegate_for(commune.departement),
            "engineering_url": f"{_engineering_request_url()}?commune={commune.code}",
            "title": commune.name,
            "breadcrumb": {
                "links": [{"url": reverse("territories:search"), "title": _("Ma commune")}],
                "current": f"{commune.name} ({commune.departement_id})",
            },
        },
    )


def _engineering_request_url() -> str:
    try:
        return reverse("engineering:request")
    except NoReverseMatch:
        return "/ingenierie/demande/"


@require_GET
def data_sources(request):
    """Where the territorial data comes from, which version, when it was loaded."""
    latest = TerritorialDataImport.objects.order_by("-imported_at", "-pk").first()
    table = None
    if latest:
        labels = {
            "regions": _("Régions"),
            "departements": _("Départements"),
            "arrondissements": _("Arrondissements"),
            "epci": _("EPCI à fiscalité propre"),
            "communes": _("Communes"),
            "codes_postaux": _("Liens code postal – commune"),
            "anciens_noms": _("Communes déléguées, associées et arrondissements municipaux"),
        }
        table = {
            "caption": _("Effectifs chargés"),
            "header": [_("Niveau"), _("Nombre")],
            "content": [
                [label, number_format(latest.counts.get(key, 0), force_grouping=True)]
                for key, label in labels.items()
                if key in latest.counts
            ],
        }
    return TemplateResponse(
        request,
        "territories/data_sources.html",
        {
            "latest": latest,
            "table": table,
            "package_name": PACKAGE_NAME,
            "title": _("Données territoriales"),
            "breadcrumb": {
                "links": [{"url": reverse("territories:search"), "title": _("Ma commune")}],
                "current": _("Données territoriales"),
            },
        },
    )
