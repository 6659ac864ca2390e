"""A commune's facts and the finder's evaluation of every catalogue page, as data.

The verdicts come from ``finder.eligibility.find_programmes``, the very function
behind the commune page: the API, the exports and the page cannot disagree.
"""

from django.shortcuts import get_object_or_404

from finder import eligibility
from finder.eligibility import FinderResult, PageEvaluation
from territories.models import Commune, TerritorialDataImport
from territories.text import INSEE_CODE_RE

from .serializers import FAMILIES

_FAMILY_OF = {model: name for name, model in FAMILIES.items()}


def get_commune(code: str) -> Commune:
    """The commune of INSEE ``code`` (Corsican codes in either case), or 404."""
    code = (code or "").upper()
    if not INSEE_CODE_RE.match(code):
        code = "-"  # never a primary key: the lookup below answers 404
    return get_object_or_404(
        Commune.objects.select_related("departement", "region", "epci", "arrondissement"), pk=code
    )


def commune_facts(commune: Commune) -> dict:
    def place(obj):
        return {"code": obj.pk, "nom": obj.name} if obj is not None else None

    return {
        "code_insee": commune.code,
        "nom": commune.name,
        "population": commune.population,
        "codes_postaux": list(commune.postal_codes or []),
        "departement": place(commune.departement),
        "region": place(commune.region),
        "arrondissement": place(commune.arrondissement),
        "epci": place(commune.epci),
    }


def data_source() -> dict:
    """Where the commune's facts come from: the last reference data import."""
    last = TerritorialDataImport.objects.order_by("-imported_at").first()
    return {
        "nom": last.source if last else "@etalab/decoupage-administratif",
        "version": last.version if last else "",
        "importe_le": last.imported_at if last else None,
    }


def dataset_data(dataset) -> dict:
    """An official list as the API cites it: name, publisher, date, licence, address."""
    return {
        "cle": dataset.key,
        "nom": dataset.title,
        "editeur": dataset.publisher,
        "date": dataset.date_label,
        "licence": dataset.licence,
        "url": dataset.url,
    }


def evaluation_data(evaluation: PageEvaluation, request=None) -> dict:
    page = evaluation.page
    source = evaluation.source
    return {
        "page": _page_ref(page, request),
        "question": {"code": str(evaluation.question), "libelle": evaluation.question.label},
        "verdict": {"code": str(evaluation.verdict), "libelle": evaluation.verdict.label},
        "deja_dans_le_programme": bool(evaluation.already),
        "listes_officielles": [dataset_data(d) for d in evaluation.datasets],
        "source_des_criteres": (
            {"titre": str(source), "editeur": source.publisher, "url": source.url} if source else None
        ),
        "criteres": [
            {
                "cle": c.key,
                "resultat": str(c.outcome),
                "libelle": c.outcome.label,
                "explication": c.explanation,
                "source": c.source,
            }
            for c in evaluation.criteria
        ],
        "precisions": evaluation.note,
        # The criteria are the page's own published fields: the page is their source.
        "source": page.get_full_url(request),
    }


def _page_ref(page, request=None) -> dict:
    return {
        "id": page.pk,
        "type": _FAMILY_OF.get(type(page), page._meta.model_name),
        "titre": page.title,
        "url": page.get_full_url(request),
    }


def finder_result(commune: Commune, thematique: str | None = None) -> FinderResult:
    return eligibility.find_programmes(commune, thematique or None)


def commune_data(commune: Commune, result: FinderResult, request=None) -> dict:
    """The commune endpoint's body: facts, sources, pages it already benefits
    from, then every evaluation in the commune page's order."""
    return {
        "commune": commune_facts(commune),
        "sources": {"donnees_territoriales": data_source()},
        "deja_beneficiaire": [
            {**_page_ref(e.page, request), "listes_officielles": [dataset_data(d) for d in e.datasets]}
            for e in result.already_in
        ]
        + [{**_page_ref(page, request), "listes_officielles": []} for page in result.already],
        "evaluations": [evaluation_data(e, request) for e in result.evaluations],
    }
