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

import enum
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from catalogue.models import BeneficiaryType, EligibilityCriteria, TerritoryType
from territories.models import Commune

from .models import CommuneList, CurrentBeneficiary, TerritoryTypeMembership

# Read for every page; the geographic relations come from each model's ``coverage_relations``.
ELIGIBILITY_RELATIONS = ("eligible_territory_types", "eligible_beneficiary_types")


class Outcome(enum.StrEnum):
    MET = "met"
    TO_CHECK = "to_check"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return {
            Outcome.MET: _("critère rempli"),
            Outcome.TO_CHECK: _("à vérifier"),
            Outcome.NOT_MET: _("critère non rempli"),
        }[self]


class Verdict(enum.StrEnum):
    ELIGIBLE = "eligible"
    TO_CHECK = "to_check"
    NOT_ELIGIBLE = "not_eligible"

    @property
    def label(self) -> str:
        return {
            Verdict.ELIGIBLE: _("Correspond à votre commune"),
            Verdict.TO_CHECK: _("À vérifier"),
            Verdict.NOT_ELIGIBLE: _("Ne correspond pas"),
        }[self]


_ORDER = {Outcome.MET: 0, Outcome.TO_CHECK: 1, Outcome.NOT_MET: 2}


@dataclass
class CriterionResult:
    key: str  # "population", "territory", "covered_territory", "territory_types", "beneficiaries"
    outcome: Outcome
    explanation: str


@dataclass
class PageEvaluation:
    page: Page
    criteria: list[CriterionResult]
    note: str = ""

    def __post_init__(self):
        self.criteria.sort(key=lambda c: _ORDER[c.outcome])

    @property
    def verdict(self) -> Verdict:
        outcomes = {c.outcome for c in self.criteria}
        if Outcome.NOT_MET in outcomes:
            return Verdict.NOT_ELIGIBLE
        if not outcomes or Outcome.TO_CHECK in outcomes:
            return Verdict.TO_CHECK
        return Verdict.ELIGIBLE

    @property
    def met_count(self) -> int:
        return sum(c.outcome == Outcome.MET for c in self.criteria)

    def criterion(self, key: str) -> CriterionResult | None:
        return next((c for c in self.criteria if c.key == key), None)


@dataclass
class CommuneFacts:
    """What the finder knows about a commune beyond its row: read once."""

    commune: Commune
    territory_type_ids: set[int] = field(default_factory=set)
    listed_territory_type_ids: set[int] = field(default_factory=set)
    beneficiary_page_ids: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, commune: Commune) -> "CommuneFacts":
        return cls(
            commune=commune,
            territory_type_ids=set(
                TerritoryTypeMembership.objects.filter(commune=commune).values_list(
                    "territory_type_id", flat=True
                )
            ),
            listed_territory_type_ids=set(
                CommuneList.objects.filter(territory_type__isnull=False).values_list(
                    "territory_type_id", flat=True
                )
            ),
            beneficiary_page_ids=set(
                CurrentBeneficiary.objects.filter(commune=commune).values_list("page_id", flat=True)
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
            model.objects.live().public().prefetch_related(*ELIGIBILITY_RELATIONS, *model.coverage_relations)
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
    criteria = [
        _population(page, commune),
        _coverage(page, commune),
        _territory_types(page, facts),
        _beneficiaries(page, commune),
    ]
    criteria = [c for c in criteria if c is not None]
    return PageEvaluation(page=page, criteria=criteria, note=page.eligibility_note)


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def _population(page, commune) -> CriterionResult | None:
    low, high = page.population_min, page.population_max
    if low is None and high is None:
        return None
    if commune.population is None:
        return CriterionResult(
            "population",
            Outcome.TO_CHECK,
            _(
                "Population : la population de la commune n'est pas connue dans les données de référence — "
                "à vérifier."
            ),
        )
    population = commune.population
    inhabitants = ngettext(
        "Population : %(population)s habitant", "Population : %(population)s habitants", population
    ) % {"population": _n(population)}
    if low is not None and population < low:
        return CriterionResult(
            "population",
            Outcome.NOT_MET,
            _("%(start)s, inférieure au seuil de %(low)s — critère non rempli.")
            % {"start": inhabitants, "low": _n(low)},
        )
    if high is not None and population > high:
        return CriterionResult(
            "population",
            Outcome.NOT_MET,
            _("%(start)s, supérieure au plafond de %(high)s — critère non rempli.")
            % {"start": inhabitants, "high": _n(high)},
        )
    if low is not None and high is not None:
        text = _("%(start)s, entre %(low)s et %(high)s — critère rempli.")
    elif high is not None:
        text = (
            _("%(start)s, égale au plafond de %(high)s — critère rempli.")
            if population == high
            else _("%(start)s, inférieure au plafond de %(high)s — critère rempli.")
        )
    else:
        text = _("%(start)s, au moins %(low)s — critère rempli.")
    return CriterionResult(
        "population", Outcome.MET, text % {"start": inhabitants, "low": _n(low or 0), "high": _n(high or 0)}
    )


def _names(objects, limit: int = 6) -> str:
    names = [o.name for o in objects]
    return ", ".join(names[:limit]) + (" …" if len(names) > limit else "")


def _coverage(page, commune) -> CriterionResult | None:
    """The geographic criterion, asked the same way of every page."""
    places = page.covered_places()
    if not places:
        return None
    met = page.covers(commune)
    if page.coverage_key == "covered_territory":
        return _covered_territory(page.coverage_label() or _names(places), met)
    return _targeted_territory(commune, _names(places), met)


def _targeted_territory(commune, targeted: str, met: bool) -> CriterionResult:
    where = _("la commune est %(dep)s (région %(region)s)") % {
        "dep": _("dans le département %(name)s") % {"name": commune.departement.name_with_de},
        "region": commune.region.name,
    }
    if met:
        return CriterionResult(
            "territory",
            Outcome.MET,
            _("Territoire : %(where)s, parmi les territoires visés (%(targeted)s) — critère rempli.")
            % {"where": where, "targeted": targeted},
        )
    return CriterionResult(
        "territory",
        Outcome.NOT_MET,
        _("Territoire : %(where)s, hors des territoires visés (%(targeted)s) — critère non rempli.")
        % {"where": where, "targeted": targeted},
    )


def _covered_territory(label: str, met: bool) -> CriterionResult:
    if met:
        return CriterionResult(
            "covered_territory",
            Outcome.MET,
            _(
                "Territoire couvert : la commune fait partie du territoire du pacte (%(label)s) — "
                "critère rempli."
            )
            % {"label": label},
        )
    return CriterionResult(
        "covered_territory",
        Outcome.NOT_MET,
        _(
            "Territoire couvert : la commune n'est pas dans le territoire du pacte (%(label)s) — "
            "critère non rempli."
        )
        % {"label": label},
    )


def _territory_types(page, facts: CommuneFacts) -> CriterionResult | None:
    types = list(page.eligible_territory_types.all())
    if not types:
        return None
    met, unknown, unmet = [], [], []
    for territory_type in types:
        if territory_type.rule == TerritoryType.Rule.OVERSEAS:
            (met if facts.commune.is_overseas else unmet).append(territory_type)
        elif territory_type.pk in facts.territory_type_ids:
            met.append(territory_type)
        elif territory_type.pk in facts.listed_territory_type_ids:
            unmet.append(territory_type)
        else:
            unknown.append(territory_type)
    if met:
        return CriterionResult(
            "territory_types",
            Outcome.MET,
            _("Type de territoire : la commune relève de « %(types)s » — critère rempli.")
            % {"types": "», « ".join(t.name for t in met)},
        )
    if unknown:
        return CriterionResult(
            "territory_types",
            Outcome.TO_CHECK,
            _(
                "Type de territoire : le site ne dispose pas encore de la liste des communes « %(types)s » ; "
                "l'appartenance de la commune est à vérifier auprès de la préfecture."
            )
            % {"types": "», « ".join(t.name for t in unknown)},
        )
    return CriterionResult(
        "territory_types",
        Outcome.NOT_MET,
        _("Type de territoire : la commune ne relève pas de « %(types)s » — critère non rempli.")
        % {"types": "», « ".join(t.name for t in unmet)},
    )


def _beneficiaries(page, commune) -> CriterionResult | None:
    types = list(page.eligible_beneficiary_types.all())
    if not types:
        return None
    # Which types designate the commune or its EPCI is data (BeneficiaryType.collectivite_level).
    levels = {t.collectivite_level for t in types}
    if BeneficiaryType.CollectiviteLevel.COMMUNE in levels:
        return CriterionResult(
            "beneficiaries",
            Outcome.MET,
            _("Bénéficiaires : les communes peuvent en bénéficier — critère rempli."),
        )
    if BeneficiaryType.CollectiviteLevel.EPCI in levels and commune.epci_id:
        return CriterionResult(
            "beneficiaries",
            Outcome.MET,
            _(
                "Bénéficiaires : les intercommunalités peuvent en bénéficier, dont celle de la commune "
                "(%(epci)s) — critère rempli."
            )
            % {"epci": commune.epci.name},
        )
    return CriterionResult(
        "beneficiaries",
        Outcome.TO_CHECK,
        _(
            "Bénéficiaires : s'adresse à %(types)s, pas directement à la commune — à vérifier selon "
            "le porteur du projet."
        )
        % {"types": _names(types).lower()},
    )
