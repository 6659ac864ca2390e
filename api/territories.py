"""``/api/v1/intercommunalites/<SIREN>/`` and ``/api/v1/departements/<code>/``:
the answers of the intercommunality and département pages, as data.

Built from ``finder.places``, the functions behind the pages, so the API and
the pages cannot disagree: the same programmes named, the same counts of
communes, the same lists. Codes are checked by pattern before any query (a
malformed or unknown code answers 404).
"""

from django.http import Http404
from ninja import Router, Schema

from finder.places import DEPARTEMENT_RE, SIREN_RE, departement_place, groupement_place

from .evaluation import _page_ref, data_source, dataset_data
from .schemas import ErrorOut, OfficialList, PageRef, Place, Sources, Status

router = Router(tags=["Territoires"])


class NamedEntry(Schema):
    liste: str
    entree: str


class AlreadyInPlace(PageRef):
    entrees_qui_nomment_le_territoire: list[NamedEntry]
    communes_nommees: list[Place]
    listes_officielles: list[OfficialList]


class PageTallyOut(Schema):
    page: PageRef
    question: Status
    criteres_publies: bool
    communes_ou_il_correspond: int
    communes_a_verifier: int
    communes_ou_il_ne_correspond_pas: int
    listes_officielles: list[OfficialList]


class MemberCommune(Schema):
    code_insee: str
    nom: str
    population: int | None
    programmes_qui_correspondent: int
    url: str


class ListCountOut(Schema):
    liste: OfficialList
    communes_nommees: int
    entrees_qui_nomment_le_territoire: list[str]


class DelegateOut(Schema):
    departement: Place
    delegue_territorial: str
    guichets_uniques: list[str]


class FranceServicesCount(Schema):
    niveau: str
    nombre: int


class Contacts(Schema):
    delegues: list[DelegateOut]
    france_services: FranceServicesCount


class TerritoryFacts(Schema):
    code: str
    nom: str
    nature: str
    population: int | None
    nombre_de_communes: int
    departements: list[Place]


class TerritoryOut(Schema):
    territoire: TerritoryFacts
    sources: Sources
    deja_dans_ces_programmes: list[AlreadyInPlace]
    programmes_et_pactes: list[PageTallyOut]
    communes: list[MemberCommune]
    listes_officielles: list[ListCountOut]
    contacts: Contacts


def _place(obj) -> dict:
    return {"code": obj.pk, "nom": obj.name}


def tally_data(tally, request=None) -> dict:
    return {
        "page": _page_ref(tally.page, request),
        "question": {"code": str(tally.question), "libelle": tally.question.kind_label},
        "criteres_publies": tally.has_criteria,
        "communes_ou_il_correspond": tally.fits,
        "communes_a_verifier": len(tally.to_check),
        "communes_ou_il_ne_correspond_pas": tally.not_eligible,
        "listes_officielles": [dataset_data(d) for d in tally.datasets.values()],
    }


def place_data(place, request=None) -> dict:
    """The page's answers: facts, programmes named, programme counts, communes,
    lists and contacts, in the page's order."""
    return {
        "territoire": {
            "code": place.code,
            "nom": place.name,
            "nature": place.kind_label,
            "population": place.population,
            "nombre_de_communes": len(place.communes),
            "departements": [_place(d) for d in place.departements],
        },
        "sources": {"donnees_territoriales": data_source()},
        "deja_dans_ces_programmes": [
            {
                **_page_ref(item.page, request),
                "entrees_qui_nomment_le_territoire": [
                    {"liste": row.dataset.key, "entree": row.territory_name or row.territory_code}
                    for row in item.entries
                ],
                "communes_nommees": [_place(c) for c in item.communes],
                "listes_officielles": [dataset_data(d) for d in item.datasets],
            }
            for item in place.already_in
        ],
        "programmes_et_pactes": [tally_data(t, request) for t in place.answer.tallies],
        "communes": [
            {
                "code_insee": commune.code,
                "nom": commune.name,
                "population": commune.population,
                "programmes_qui_correspondent": count,
                "url": request.build_absolute_uri(commune.get_absolute_url()) if request else "",
            }
            for commune, count in place.member_counts
        ],
        "listes_officielles": [
            {
                "liste": dataset_data(item.dataset),
                "communes_nommees": item.communes,
                "entrees_qui_nomment_le_territoire": [
                    r.territory_name or r.territory_code for r in item.entries
                ],
            }
            for item in place.lists
        ],
        "contacts": contacts_data(place),
    }


def contacts_data(place) -> dict:
    return {
        "delegues": [
            {
                "departement": _place(departement),
                "delegue_territorial": delegate.office,
                "guichets_uniques": [desk.service for desk in delegate.desks],
            }
            for departement, delegate in zip(place.departements, place.delegates, strict=True)
        ],
        "france_services": {
            "niveau": place.france_services.scope,
            "nombre": len(place.france_services.structures),
        },
    }


@router.get(
    "/intercommunalites/{siren}/",
    response={200: TerritoryOut, 404: ErrorOut},
    summary="Une intercommunalité et ses programmes",
)
def intercommunalite(request, siren: str):
    """Une intercommunalité (EPCI à fiscalité propre ou établissement public territorial, par son
    numéro SIREN) : les programmes dont la liste la nomme, chaque programme et pacte avec le nombre de
    ses communes membres où il correspond, ses communes, ses contacts — comme sa page sur le site."""
    place = groupement_place(siren) if SIREN_RE.match(siren or "") else None
    if place is None:
        raise Http404
    return place_data(place, request)


@router.get(
    "/departements/{code}/",
    response={200: TerritoryOut, 404: ErrorOut},
    summary="Un département et ses programmes",
)
def departement(request, code: str):
    """Un département (01 à 976, 2A, 2B) ou une collectivité d'outre-mer : les pactes qui le couvrent,
    chaque programme avec son nombre de communes et ses listes officielles, ses contacts — comme sa page
    sur le site."""
    code = (code or "").upper()
    place = departement_place(code) if DEPARTEMENT_RE.match(code) else None
    if place is None:
        raise Http404
    return place_data(place, request)
