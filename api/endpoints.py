"""The JSON endpoints of ``/api/v1/`` (django-ninja, already a dependency of
Wagtail): read-only, paginated, never a draft or a private page.

django-ninja rather than Wagtail's API: the commune endpoint is not a page, and
ninja publishes one OpenAPI document for both kinds from typed signatures.
Query parameters are validated (patterns, bounds, choices) before any query
runs, so a malformed value answers 422, never 500.
"""

from math import ceil
from typing import Literal

from django.utils.http import urlencode
from ninja import NinjaAPI, Query

from core.public_url import absolute_url

from . import france_services, schemas, territories
from .evaluation import commune_data, finder_result, get_commune
from .serializers import FAMILIES, page_data, published_pages

api = NinjaAPI(
    title="API de l'Agence nationale de la cohésion des territoires",
    version="1",
    description=(
        "Catalogue des programmes, pactes et formations de l'Agence, et évaluation, "
        "critère par critère, des programmes pour une commune (code INSEE). "
        "Lecture seule, sans authentification."
    ),
    docs_url=None,  # the French documentation page is served by api.views.docs
    urls_namespace="api",
)

SLUG = r"^[-a-z0-9_]{1,100}$"
DEPARTEMENT = r"^(?:\d{2,3}|2[ABab])$"
StatusCode = Literal["actif", "incubation", "termine"]
MAX_PAGE_SIZE = 100


def read_operation(path: str, **options):
    """``GET path`` as the OpenAPI document describes it, and ``HEAD path`` on the
    same view: a monitor or a link checker asks HEAD and must get GET's answer
    without its body (RFC 9110, 9.3.2), not a 405. HEAD stays out of the document,
    where it would repeat each operation under the same operationId."""

    def register(view):
        api.api_operation(["HEAD"], path, include_in_schema=False, **options)(view)
        return api.get(path, **options)(view)

    return register


def listing(schema) -> dict:
    """Responses of a listing: its page, or 422 when a filter is malformed."""
    return {200: schema, 422: schemas.ValidationErrorOut}


def paginate(request, queryset, page: int, size: int) -> dict:
    """One page of ``queryset`` as the API's envelope, with links to its neighbours."""
    total = queryset.count()
    pages = max(1, ceil(total / size))
    items = list(queryset[(page - 1) * size : page * size]) if page <= pages else []

    def link(number):
        if number < 1 or number > pages:
            return None
        params = request.GET.copy()
        params["page"] = number
        return absolute_url(f"{request.path}?{urlencode(params, doseq=True)}")

    return {
        "total": total,
        "page": page,
        "taille_page": size,
        "pages": pages,
        "suivante": link(page + 1),
        "precedente": link(min(page - 1, pages)),
        "resultats": [page_data(item, request) for item in items],
    }


def _listing(request, family, thematique, politique, statut, departement, page, taille):
    queryset = published_pages(
        FAMILIES[family],
        thematique=thematique,
        politique=politique,
        statut=statut,
        departement=departement.upper() if departement else None,
    )
    return paginate(request, queryset, page, taille)


FILTER_DOCS = {
    "thematique": "Identifiant (slug) de la thématique, par exemple « numerique ».",
    "politique": "Identifiant (slug) de la politique publique.",
    "statut": "Statut : actif, incubation ou termine.",
    "departement": "Code du département visé (par exemple 08, 2A, 971).",
    "page": "Numéro de la page de résultats, à partir de 1.",
    "taille": f"Nombre de résultats par page (1 à {MAX_PAGE_SIZE}).",
}


# Module-level parameter declarations, shared by the endpoints' signatures.
THEME_PARAM = Query(None, description=FILTER_DOCS["thematique"], pattern=SLUG)
POLICY_PARAM = Query(None, description=FILTER_DOCS["politique"], pattern=SLUG)
STATUS_PARAM = Query(None, description=FILTER_DOCS["statut"])
DEPARTEMENT_PARAM = Query(None, description=FILTER_DOCS["departement"], pattern=DEPARTEMENT)
PAGE_PARAM = Query(1, ge=1, le=100_000, description=FILTER_DOCS["page"])
SIZE_PARAM = Query(20, ge=1, le=MAX_PAGE_SIZE, description=FILTER_DOCS["taille"])


@read_operation(
    "/programmes/", response=listing(schemas.ProgrammeList), tags=["Catalogue"], summary="Programmes"
)
def programmes(
    request,
    thematique: str | None = THEME_PARAM,
    politique: str | None = POLICY_PARAM,
    statut: StatusCode | None = STATUS_PARAM,
    departement: str | None = DEPARTEMENT_PARAM,
    page: int = PAGE_PARAM,
    taille: int = SIZE_PARAM,
):
    """Programmes publiés, avec leurs critères d'éligibilité et leurs contacts."""
    return _listing(request, "programmes", thematique, politique, statut, departement, page, taille)


@read_operation(
    "/pactes/", response=listing(schemas.PacteList), tags=["Catalogue"], summary="Pactes et contrats"
)
def pactes(
    request,
    thematique: str | None = THEME_PARAM,
    politique: str | None = POLICY_PARAM,
    statut: StatusCode | None = STATUS_PARAM,
    departement: str | None = DEPARTEMENT_PARAM,
    page: int = PAGE_PARAM,
    taille: int = SIZE_PARAM,
):
    """Pactes publiés, avec leur territoire, leurs dates et leur montant quand il est connu."""
    return _listing(request, "pactes", thematique, politique, statut, departement, page, taille)


@read_operation(
    "/formations/", response=listing(schemas.TrainingList), tags=["Catalogue"], summary="Offres de formation"
)
def formations(
    request,
    thematique: str | None = THEME_PARAM,
    politique: str | None = POLICY_PARAM,
    statut: StatusCode | None = STATUS_PARAM,
    page: int = PAGE_PARAM,
    taille: int = SIZE_PARAM,
):
    """Offres de formation des élus publiées."""
    return _listing(request, "formations", thematique, politique, statut, None, page, taille)


@read_operation(
    "/communes/{code}/",
    response={200: schemas.CommuneOut, 404: schemas.ErrorOut, 422: schemas.ValidationErrorOut},
    tags=["Communes"],
    summary="Une commune et ses programmes",
)
def commune(request, code: str, thematique: str | None = THEME_PARAM):
    """Chiffres clés de la commune (code INSEE) et évaluation de chaque programme et
    pacte, critère par critère, comme sur la page « Ma commune »."""
    place = get_commune(code)
    return commune_data(place, finder_result(place, thematique), request)


@read_operation(
    "/communes/{code}/france-services/",
    response={200: schemas.FranceServicesNearOut, 404: schemas.ErrorOut},
    tags=["France services"],
    summary="Les France services les plus proches d'une commune",
)
def commune_france_services(request, code: str):
    """Les structures France services de la commune, sinon de son intercommunalité,
    sinon de son département (``niveau`` dit lequel), comme sur la page « Ma commune »."""
    return france_services.near_commune(get_commune(code))


@read_operation(
    "/departements/{code}/france-services/",
    response={200: schemas.FranceServicesDepartementOut, 404: schemas.ErrorOut},
    tags=["France services"],
    summary="Les France services d'un département",
)
def departement_france_services(request, code: str):
    """Toutes les structures France services d'un département (code 01 à 976, 2A, 2B)."""
    return france_services.of_departement(code)


# Intercommunalities and départements: the answers of their pages (``api.territories``).
api.add_router("", territories.router)
