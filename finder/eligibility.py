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
from django.utils.translation import gettext as _
from wagtail.models import Page

from catalogue.models import EligibilityCriteria
from core import content_version
from territories.models import Commune, DatasetMembership, OfficialDataset
from territories.text import fold_letters

from . import criteria, territory_types
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
    #: official dataset key -> its rows naming the commune (``DatasetMembership``)
    memberships: dict[str, list] = field(default_factory=dict)
    #: official datasets loaded on the site, by key (lists and zonages, not the network)
    datasets: dict[str, OfficialDataset] = field(default_factory=dict)

    @classmethod
    def load(cls, commune: Commune) -> "CommuneFacts":
        return cls.load_many([commune])[commune.pk]

    @classmethod
    def load_many(cls, communes, where=None) -> dict[str, "CommuneFacts"]:
        """The facts of every commune of ``communes`` (loaded with their
        département, région and EPCI), in the same six queries whatever their
        number: an intercommunality or a département is weighed commune by
        commune without a query per commune. ``where`` (a queryset of the same
        communes) lets the database select their rows by a join rather than
        by a list of codes."""
        by_code = {commune.pk: commune for commune in communes}
        where = list(by_code) if where is None else where.values("pk")
        by_type, by_perimeter = {}, {}
        for item in CommuneList.objects.filter(page__isnull=True).select_related("dataset"):
            mention = item.dataset.mention if item.dataset else ""
            if item.territory_type_id:
                by_type[item.territory_type_id] = mention
            else:
                by_perimeter[item.perimeter_page_id] = mention
        datasets = {d.key: d for d in OfficialDataset.objects.exclude(kind=OfficialDataset.Kind.NETWORK)}
        facts = {
            code: cls(
                commune=commune,
                datasets=datasets,
                listed_territory_types=by_type,
                perimeter_lists=by_perimeter,
            )
            for code, commune in by_code.items()
        }
        by_pk = {dataset.pk: dataset for dataset in datasets.values()}
        rows = DatasetMembership.objects.filter(commune__in=where)
        for row in rows.order_by("commune_id", "dataset_id", "territory_code"):
            dataset, item = by_pk.get(row.dataset_id), facts.get(row.commune_id)
            if dataset is not None and item is not None:
                row.dataset, row.commune = dataset, item.commune
                item.memberships.setdefault(dataset.key, []).append(row)
        for model, attribute, column in (
            (TerritoryTypeMembership, "territory_type_ids", "territory_type_id"),
            (CurrentBeneficiary, "beneficiary_page_ids", "page_id"),
            (PerimeterMembership, "perimeter_page_ids", "page_id"),
        ):
            for commune_id, value in model.objects.filter(commune__in=where).values_list(
                "commune_id", column
            ):
                if commune_id in facts:
                    getattr(facts[commune_id], attribute).add(value)
        return facts


@dataclass
class FinderResult:
    commune: Commune
    #: pages an editor's imported beneficiary list names: listed apart, not evaluated
    already: list[Page] = field(default_factory=list)
    eligible: list[PageEvaluation] = field(default_factory=list)
    to_check: list[PageEvaluation] = field(default_factory=list)
    not_eligible: list[PageEvaluation] = field(default_factory=list)
    facts: CommuneFacts | None = None

    @property
    def already_in(self) -> list[PageEvaluation]:
        """Selection programmes whose official list names the commune or its groupement."""
        return [e for e in self.eligible if e.already]

    @property
    def memberships(self) -> list[dict]:
        """Every official list naming the commune, with its rows, by list title."""
        if self.facts is None:
            return []
        items = [
            {"dataset": self.facts.datasets[key], "rows": rows}
            for key, rows in self.facts.memberships.items()
        ]
        return sorted(items, key=lambda item: fold_letters(item["dataset"].title))

    @property
    def not_eligible_label(self) -> str:
        """ "les 6 pactes et programmes": pactes are not counted as programmes."""
        return family_label(self.not_eligible)

    @property
    def sections(self) -> list[dict]:
        """The page's sections that have content, for the in-page navigation."""
        candidates = [
            ("deja", _("Déjà dans ces programmes"), self.already_in or self.already),
            ("contacts", _("Vos contacts"), True),
            ("eligible-title", _("Ce qui correspond"), True),
            ("to-check-title", _("À vérifier"), self.to_check_on_criteria),
            ("without-criteria-title", _("Sans critère publié"), self.without_criteria),
            ("not-eligible-title", _("Ce qui ne correspond pas"), self.not_eligible),
            ("listes", _("Ce que disent les listes officielles"), self.memberships),
            ("facts-title", _("Chiffres clés"), True),
        ]
        return [{"link": f"#{anchor}", "label": label} for anchor, label, shown in candidates if shown]

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


#: content token -> {theme slug: pages}; one entry, replaced when content changes.
_PAGES: dict[str, dict] = {}


def candidate_pages(theme_slug: str | None = None) -> list[Page]:
    """Live public pages of every eligibility model, relations prefetched, kept
    in memory until the next publication (``core.content_version``): every
    commune reads the same pages, so a commune page loads them once per process
    and publication, not once per commune."""
    key = content_version.token()
    pages = _PAGES.get(key)
    if pages is None:
        _PAGES.clear()
        pages = _PAGES[key] = {}
    if theme_slug not in pages:
        pages[theme_slug] = load_candidate_pages(theme_slug)
    return pages[theme_slug]


def load_candidate_pages(theme_slug: str | None = None) -> list[Page]:
    """Live public pages of every eligibility model, relations prefetched."""
    pages = []
    for model in eligibility_page_models():
        queryset = (
            model.objects.live()
            .public()
            .defer_streamfields()  # page bodies are not read here
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
    result = FinderResult(commune=commune, facts=facts)
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
        territory_types.territory_types(page, facts),
        criteria.beneficiaries(page, commune),
    ]
    return PageEvaluation(
        page=page, criteria=[c for c in results if c is not None], note=page.eligibility_note
    )


def family_label(evaluations) -> str:
    """ "3 programmes et 5 pactes", counted by page family (its verbose name)."""
    counts: dict[str, list] = {}
    for evaluation in evaluations:
        meta = evaluation.page._meta
        counts.setdefault(str(meta.verbose_name), [0, str(meta.verbose_name_plural)])[0] += 1
    # The page families' verbose names are already French and singular or plural.
    parts = [f"{count} {name if count == 1 else plural}" for name, (count, plural) in sorted(counts.items())]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return _("%(first)s et %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}
