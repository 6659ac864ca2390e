"""Catalogue pages as plain data: one dict per page, the same for the JSON API,
the CSV and the XLSX exports.

Only live, public pages are ever read (``published_pages``): a draft, an
unpublished page or a page behind a privacy restriction never leaves the site.
"""

from django.db.models import Prefetch, Q
from wagtail.rich_text import expand_db_html

from catalogue.models import CataloguePage
from pactes.models import PacteFact, PactePage
from programmes.models import ProgrammePage
from territories.models import Departement
from training.models import TrainingOfferPage

#: The catalogue's page families, by the name the API gives them.
FAMILIES: dict[str, type[CataloguePage]] = {
    "programmes": ProgrammePage,
    "pactes": PactePage,
    "formations": TrainingOfferPage,
}

_COMMON_RELATIONS = ("partners",)
_ELIGIBILITY_RELATIONS = (
    "eligible_territory_types",
    "eligible_beneficiary_types",
    "eligible_regions",
    "eligible_departements",
)
_RELATIONS = {
    ProgrammePage: _COMMON_RELATIONS + _ELIGIBILITY_RELATIONS + ("contacts",),
    PactePage: _COMMON_RELATIONS
    + _ELIGIBILITY_RELATIONS
    + ("covered_departements", "covered_arrondissements", "covered_communes", "perimeter_epcis")
    + (Prefetch("facts", queryset=PacteFact.objects.select_related("source")),),
    TrainingOfferPage: _COMMON_RELATIONS + ("audiences",),
}


def published_pages(model, *, thematique=None, politique=None, statut=None, departement=None):
    """Live public pages of ``model``, filtered, in title order, relations prefetched.

    ``departement`` keeps the pages whose geographic criterion names the
    département or its region (a pacte's covered départements are mirrored in
    ``eligible_departements``). Training offers target no territory: the filter
    leaves none of them."""
    queryset = (
        model.objects.live()
        .public()
        .select_related("theme", "public_policy")
        .prefetch_related(*_RELATIONS[model])
        .order_by("title", "pk")
    )
    if thematique:
        queryset = queryset.filter(theme__slug=thematique)
    if politique:
        queryset = queryset.filter(public_policy__slug=politique)
    if statut:
        queryset = queryset.filter(status=statut)
    if departement:
        queryset = _in_departement(model, queryset, departement)
    return queryset


def _in_departement(model, queryset, code: str):
    if model is TrainingOfferPage:
        return queryset.none()
    region = Departement.objects.filter(pk=code).values_list("region_id", flat=True).first()
    if region is None:
        return queryset.none()
    return queryset.filter(Q(eligible_departements=code) | Q(eligible_regions=region)).distinct()


def _taxon(obj) -> dict | None:
    return {"slug": obj.slug, "nom": obj.name} if obj is not None else None


def _places(manager) -> list[dict]:
    return [{"code": place.pk, "nom": place.name} for place in manager.all()]


def common_fields(page, request=None) -> dict:
    """The facets every catalogue page shares (``catalogue.CataloguePage``)."""
    return {
        "id": page.pk,
        "titre": page.title,
        "url": page.get_full_url(request),
        "resume": page.summary,
        "resume_court": page.listing_summary,
        "thematique": _taxon(page.theme),
        "politique_publique": _taxon(page.public_policy),
        "statut": {"code": page.status, "libelle": str(page.get_status_display())},
        "partenaires": [{"nom": p.name, "sigle": p.acronym} for p in page.partners.all()],
        "premiere_publication": page.first_published_at,
        "derniere_publication": page.last_published_at,
    }


def eligibility_fields(page) -> dict:
    """The structured criteria the finder evaluates (``catalogue.EligibilityCriteria``)."""
    return {
        "population_min": page.population_min,
        "population_max": page.population_max,
        "types_de_territoires": [_taxon(t) for t in page.eligible_territory_types.all()],
        "types_de_beneficiaires": [_taxon(t) for t in page.eligible_beneficiary_types.all()],
        "regions": _places(page.eligible_regions),
        "departements": _places(page.eligible_departements),
        "precisions": page.eligibility_note,
    }


def programme_data(page: ProgrammePage, request=None) -> dict:
    return common_fields(page, request) | {
        "modalite": page.kind,
        "objectifs_html": expand_db_html(page.objectives) if page.objectives else "",
        "apport_agence": page.agency_support or [],
        "comment_en_beneficier_html": expand_db_html(page.how_to_benefit) if page.how_to_benefit else "",
        "date_debut": page.start_date,
        "date_fin": page.end_date,
        "eligibilite": eligibility_fields(page),
        "contacts": [
            {
                "nom": c.name,
                "fonction": c.role,
                "organisme": c.organisation,
                "courriel": c.email,
                "telephone": c.phone,
            }
            for c in page.contacts.all()
        ],
    }


def fact_data(fact) -> dict:
    """A published fact as the page shows it: label, value, the date it
    describes (with its precision) and its source."""
    source = fact.source
    return {
        "cle": fact.key,
        "libelle": fact.label,
        "valeur": fact.value,
        "date": fact.as_of,
        "precision_date": fact.as_of_precision,
        "source": {
            "titre": source.title,
            "editeur": source.publisher,
            "url": source.url,
            "date_publication": source.published_on,
        },
    }


def pacte_data(page: PactePage, request=None) -> dict:
    """The pacte as its page reads: the sourced facts of "Le pacte en bref" (of
    which the amount, duration and end date, under their keys), and the perimeter
    (a partial one names its intercommunalities)."""
    facts = {fact.key: fact_data(fact) for fact in page.facts.all() if fact.public}
    return common_fields(page, request) | {
        "territoire": page.territory_label,
        "departements_couverts": _places(page.covered_departements),
        "arrondissements_couverts": _places(page.covered_arrondissements),
        "communes_couvertes": _places(page.covered_communes),
        "perimetre": {
            "code": page.perimeter,
            "libelle": str(page.get_perimeter_display()),
            "intercommunalites": _places(page.perimeter_epcis),
            "precisions": page.eligibility_note,
        },
        "date_signature": page.signature_date,
        "duree_mois": page.duration_months,
        "date_fin": page.end_date,
        "montant_total": str(page.total_amount) if page.total_amount is not None else None,
        "montant": facts.get(PactePage.AMOUNT_KEY),
        "duree": facts.get(PactePage.DURATION_KEY),
        "fin": facts.get(PactePage.END_KEY),
        "faits": list(facts.values()),
        "eligibilite": eligibility_fields(page),
    }


def training_data(page: TrainingOfferPage, request=None) -> dict:
    return common_fields(page, request) | {
        "nature": page.kind,
        "format": page.format,
        "duree": page.duration_text,
        "lien_inscription": page.registration_url,
        "publics": [_taxon(a) for a in page.audiences.all()],
    }


SERIALISERS = {
    ProgrammePage: programme_data,
    PactePage: pacte_data,
    TrainingOfferPage: training_data,
}


def page_data(page, request=None) -> dict:
    """``page`` (a programme, pacte or training offer) as the API returns it."""
    return SERIALISERS[type(page)](page, request)
