"""A page's criteria read once, for every commune weighed against it, and
what in a commune's facts its answer depends on.

Each related list (territory types, beneficiary types, covered places,
perimeter intercommunalities) costs a related manager per access even when
prefetched; an intercommunality or a département weighs every page for every
one of its communes, so the finder reads them once per page and keeps them on
the page object. The pages come from ``eligibility.candidate_pages``, replaced
whenever content is published, so the memory never outlives the content.

``signature`` lets a territory evaluate a page once per distinct situation
rather than once per commune: most communes of an intercommunality are, for a
given list, simply absent from it. It must name every fact the criteria
(``criteria``, ``territory_types``) read; ``tests/finder/test_territory_pages.py``
checks the batch against each commune's own answer.
"""

from dataclasses import dataclass, field

from catalogue.models import TerritoryType

KEY = "_finder_criteria"


@dataclass
class PageCriteria:
    territory_types: list = field(default_factory=list)
    beneficiary_types: list = field(default_factory=list)
    places: list = field(default_factory=list)
    perimeter_epcis: list = field(default_factory=list)
    question: str = ""  # the territory types' question (``question_of``)
    #: ``page.covers`` with the places read once (``coverage_test``)
    covers: object = None
    has_population: bool = False
    perimeter_epci_ids: set = field(default_factory=set)
    type_ids: tuple = ()
    #: official dataset keys the territory types answer from (lists and facts)
    dataset_keys: tuple = ()

    @classmethod
    def read(cls, page) -> "PageCriteria":
        types = list(page.eligible_territory_types.all())
        places = page.covered_places()
        epcis = list(page.perimeter_epcis.all()) if page.is_partial else []
        return cls(
            territory_types=types,
            beneficiary_types=list(page.eligible_beneficiary_types.all()),
            places=places,
            perimeter_epcis=epcis,
            perimeter_epci_ids={epci.pk for epci in epcis},
            type_ids=tuple(t.pk for t in types),
            question=question_of(types) if types else "",
            covers=page.coverage_test() if places else (lambda commune: False),
            has_population=page.population_min is not None or page.population_max is not None,
            dataset_keys=tuple(
                dict.fromkeys(key for t in types for key in (t.dataset_id, t.fact_dataset_id) if key)
            ),
        )


def question_of(types) -> str:
    """The question the page's territory criterion answers: selection first
    (a list of the communes retained), then zonage, then open."""
    kinds = {t.question for t in types}
    for question in (
        TerritoryType.Question.SELECTION,
        TerritoryType.Question.ZONAGE,
        TerritoryType.Question.OPEN,
    ):
        if question in kinds:
            return question
    return TerritoryType.Question.ZONAGE


def criteria_of(page) -> PageCriteria:
    """The page's criteria, read on first use and kept on the page."""
    found = page.__dict__.get(KEY)
    if found is None:
        found = page.__dict__[KEY] = PageCriteria.read(page)
    return found


def signature(page, facts) -> tuple:
    """Everything the page's answer for ``facts.commune`` depends on: two
    communes with the same signature get the same verdict, question and lists
    (the list rows themselves are part of it, so a commune a list names is
    always weighed on its own)."""
    compiled = criteria_of(page)
    own = _commune_key(facts)
    return (
        own.population if compiled.has_population else None,
        compiled.covers(facts.commune) if compiled.places else None,
        (page.pk in facts.perimeter_page_ids, own.epci_id in compiled.perimeter_epci_ids)
        if compiled.perimeter_epcis or page.is_partial
        else None,
        tuple(own.rows.get(key, ()) for key in compiled.dataset_keys),
        own.place,
        tuple(pk in own.type_ids for pk in compiled.type_ids),
        own.epci_id is not None if compiled.beneficiary_types else None,
    )


@dataclass
class _CommuneKey:
    population: int | None
    epci_id: str | None
    place: tuple  # overseas, in a collectivité d'outre-mer
    rows: dict  # dataset key -> ids of the rows naming the commune
    type_ids: set


def _commune_key(facts) -> _CommuneKey:
    """The commune's part of every signature, read once per commune."""
    found = facts.__dict__.get("_signature_key")
    if found is None:
        commune = facts.commune
        found = facts.__dict__["_signature_key"] = _CommuneKey(
            population=commune.population,
            epci_id=commune.epci_id,
            place=(commune.is_overseas, commune.in_com),
            rows={key: tuple(row.id for row in rows) for key, rows in facts.memberships.items()},
            type_ids=facts.territory_type_ids,
        )
    return found
