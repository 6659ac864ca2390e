"""The finder's vocabulary: the outcome of one criterion, the verdict on a page,
and the evaluated page. Kept apart from the rules (``criteria``) and the
orchestration (``eligibility``) so that each stays small."""

import enum
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Page


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


class Question(enum.StrEnum):
    """The question a verdict answers, because programmes differ (domain notes:
    "three kinds of programme, three questions"), plus the pacte's own."""

    SELECTION = "selection"
    ZONAGE = "zonage"
    OPEN = "ouvert"
    PACTE = "pacte"

    @property
    def label(self) -> str:
        return {
            Question.SELECTION: _("Votre commune fait-elle partie du programme ?"),
            Question.ZONAGE: _("Votre commune est-elle dans le territoire visé ?"),
            Question.OPEN: _("Votre commune peut-elle en bénéficier ?"),
            Question.PACTE: _("Votre commune est-elle dans le territoire du pacte ?"),
        }[self]

    @property
    def kind_label(self) -> str:
        """What kind of answer it is, for a territory of several communes."""
        return {
            Question.SELECTION: _("sélection sur liste officielle"),
            Question.ZONAGE: _("territoire visé"),
            Question.OPEN: _("ouvert aux collectivités"),
            Question.PACTE: _("territoire du pacte"),
        }[self]


@dataclass
class CriterionResult:
    key: str  # "population", "territory", "covered_territory", "territory_types", "beneficiaries"
    outcome: Outcome
    explanation: str  # what the site knows; the outcome's badge says met / not met once
    source: str = ""  # the official list the answer comes from, when there is one
    #: the official datasets (``territories.OfficialDataset``) the answer rests on
    datasets: list = field(default_factory=list)
    #: the dataset rows naming the commune in a selection list (``DatasetMembership``)
    memberships: list = field(default_factory=list)
    question: str = ""  # for the territory-type criterion: selection, zonage or ouvert

    @property
    def unlisted_source(self) -> str:
        """The part of ``source`` that names none of ``datasets`` (a rule's own
        source, an editor's list): the page cites the datasets by their short
        citation and says this part in full."""
        listed = {str(dataset.mention) for dataset in self.datasets}
        return " ; ".join(part for part in self.source.split(" ; ") if part and part not in listed)


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
    def question(self) -> Question:
        """Which question the verdict answers: the territory types' own (a
        selection list first), a pacte's territory, else a zonage when the page
        names places, else "can my commune benefit?"."""
        types = self.criterion("territory_types")
        if types is not None and types.question:
            return Question(types.question)
        if self.criterion("covered_territory") is not None:
            return Question.PACTE
        if self.criterion("territory") is not None:
            return Question.ZONAGE
        return Question.OPEN

    @property
    def already(self) -> list:
        """The list rows that name the commune in a selection programme it
        already takes part in (empty otherwise)."""
        types = self.criterion("territory_types")
        if types is None or types.question != Question.SELECTION or types.outcome != Outcome.MET:
            return []
        return types.memberships

    @property
    def datasets(self) -> list:
        """The official datasets every definite answer of this page rests on."""
        return list({d.pk: d for c in self.criteria for d in c.datasets}.values())

    @property
    def met_count(self) -> int:
        return sum(c.outcome == Outcome.MET for c in self.criteria)

    @property
    def source(self):
        """The page's source for its criteria (a ``catalogue.Source``), or None."""
        return self.page.eligibility_source

    @property
    def source_apart(self):
        """The page's source for its criteria, unless it is the very file of an
        official list a criterion cites (the same address): one document is cited
        once per answer."""
        source = self.source
        if source is not None and source.url and source.url in {d.url for d in self.datasets}:
            return None
        return source

    def criterion(self, key: str) -> CriterionResult | None:
        return next((c for c in self.criteria if c.key == key), None)
