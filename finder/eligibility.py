"""The programme finder: each page's structured eligibility criteria evaluated
against one commune, criterion by criterion, with a French sentence saying why.

Every criterion has three outcomes: met, not met, or to be checked when the
site lacks the data (e.g. a territory type for which no list of communes has
been imported). The finder never answers "not eligible" from missing data.

It works on any live page model that mixes in
``catalogue.models.EligibilityCriteria`` (programmes, pactes…), discovered at
run time. The geographic criterion goes through the catalogue's coverage
interface (``covered_places`` / ``covers``), which a pacte answers from its own
territory and a programme from the territories it targets. Queries are bounded:
pages are loaded once per model with their many-to-many relations prefetched,
and the commune's memberships are read once, not per page.
"""

from dataclasses import dataclass, field

from django.apps import apps
from wagtail.models import Page

from catalogue.models import EligibilityCriteria
from territories.models import Commune

from . import criteria
from .models import CommuneList, CurrentBeneficiary, PerimeterMembership, TerritoryTypeMembership
from .verdicts import CriterionResult, Outcome, PageEvaluation, Verdict

__all__ = ["CriterionResult", "FinderResult", "Outcome", "PageEvaluation", "Verdict", "find_programmes"]

# Read for every page; the geographic relations come from each model's ``coverage_relations``.
ELIGIBILITY_RELATIONS = ("eligible_territory_types", "eligible_beneficiary_types", "perimeter_epcis")


@dataclass
class CommuneFacts:
    """What the finder knows about a commune beyond its row: read once."""

    commune: Commune
    territory_type_ids: set[int] = field(default_factory=set)
    #: territory type id -> source mention of its imported list ("" when not official)
    listed_territory_types: dict[int, str] = field(default_factory=dict)
    beneficiary_page_ids: set[int] = field(default_factory=set)
    #: page id -> source mention of its imported perimeter list
    perimeter_lists: dict[int, str] = field(default_factory=dict)
    perimeter_page_ids: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, commune: Commune) -> "CommuneFacts":
        lists = CommuneList.objects.filter(page__isnull=True).select_related("dataset")
        by_type, by_perimeter = {}, {}
        for item in lists:
            mention = item.dataset.mention if item.dataset else ""
            if item.territory_type_id:
                by_type[item.territory_type_id] = mention
            else:
                by_perimeter[item.perimeter_page_id] = mention
        return cls(
            commune=commune,
            territory_type_ids=set(
                TerritoryTypeMembership.objects.filter(commune=commune).values_list(
                    "territory_type_id", flat=True
                )
            ),
            listed_territory_types=by_type,
            beneficiary_page_ids=set(
                CurrentBeneficiary.objects.filter(commune=commune).values_list("page_id", flat=True)
            ),
            perimeter_lists=by_perimeter,
            perimeter_page_ids=set(
                PerimeterMembership.objects.filter(commune=commune).values_list("page_id", flat=True)
            ),
        )


@dataclass
class FinderResult:
    commune: Commune
    already: list[Page] = field(default_factory=list)
    eligible: list[PageEvaluation] = field(default_factory=list)
    to_check: list[PageEvaluation] = field(default_factory=list)
    not_eligible: list[PageEvaluation] = field(default_factory=list)

    @property
    def evaluations(self) -> list[PageEvaluation]:
        return self.eligible + self.to_check + self.not_eligible

    @property
    def to_check_on_criteria(self) -> list[PageEvaluation]:
        """To check although the page states criteria: some data is missing."""
        return [e for e in self.to_check if e.criteria]

    @property
    def without_criteria(self) -> list[PageEvaluation]:
        """Pages that state no structured criterion: listed apart so that they do
        not drown the ones the site could actually weigh."""
        return [e for e in self.to_check if not e.criteria]


def eligibility_page_models() -> list[type[Page]]:
    """Concrete page models carrying the shared eligibility criteria."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, EligibilityCriteria)
    ]


def candidate_pages(theme_slug: str | None = None) -> list[Page]:
    """Live public pages of every eligibility model, relations prefetched."""
    pages = []
    for model in eligibility_page_models():
        queryset = (
            model.objects.live()
            .public()
            .select_related("eligibility_source")
            .prefetch_related(*ELIGIBILITY_RELATIONS, *model.coverage_relations)
        )
        if any(f.name == "theme" for f in model._meta.get_fields()):
            queryset = queryset.select_related("theme")
            if theme_slug:
                queryset = queryset.filter(theme__slug=theme_slug)
        pages.extend(queryset)
    return pages


def find_programmes(commune: Commune, theme_slug: str | None = None) -> FinderResult:
    """Every programme and pacte evaluated for ``commune``, grouped by verdict,
    the best first; pages the commune already benefits from are listed apart."""
    facts = CommuneFacts.load(commune)
    result = FinderResult(commune=commune)
    for page in candidate_pages(theme_slug):
        if page.pk in facts.beneficiary_page_ids:
            result.already.append(page)
            continue
        evaluation = evaluate(page, facts)
        {
            Verdict.ELIGIBLE: result.eligible,
            Verdict.TO_CHECK: result.to_check,
            Verdict.NOT_ELIGIBLE: result.not_eligible,
        }[evaluation.verdict].append(evaluation)
    for group in (result.eligible, result.to_check, result.not_eligible):
        group.sort(key=lambda e: (-e.met_count, e.page.title.lower()))
    result.already.sort(key=lambda page: page.title.lower())
    return result


def evaluate(page, facts: CommuneFacts) -> PageEvaluation:
    """The filled criteria of ``page`` evaluated for ``facts.commune``."""
    commune = facts.commune
    results = [
        criteria.population(page, commune),
        criteria.coverage(page, facts),
        criteria.territory_types(page, facts),
        criteria.beneficiaries(page, commune),
    ]
    return PageEvaluation(
        page=page, criteria=[c for c in results if c is not None], note=page.eligibility_note
    )
