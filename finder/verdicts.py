"""The finder's vocabulary: the outcome of one criterion, the verdict on a page,
and the evaluated page. Kept apart from the rules (``criteria``) and the
orchestration (``eligibility``) so that each stays small."""

import enum
from dataclasses import dataclass

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


@dataclass
class CriterionResult:
    key: str  # "population", "territory", "covered_territory", "territory_types", "beneficiaries"
    outcome: Outcome
    explanation: str  # what the site knows; the outcome's badge says met / not met once
    source: str = ""  # the official list the answer comes from, when there is one


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

    @property
    def source(self):
        """The page's source for its criteria (a ``catalogue.Source``), or None."""
        return self.page.eligibility_source

    def criterion(self, key: str) -> CriterionResult | None:
        return next((c for c in self.criteria if c.key == key), None)
