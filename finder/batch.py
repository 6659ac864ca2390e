"""Every programme and pacte weighed for every commune of a territory at once:
an intercommunality, a département.

The answers are the commune page's own (``eligibility.evaluate`` on
``CommuneFacts``), so a territory page can never disagree with the pages of
its communes. What changes is how the facts are read: the memberships of all
the communes in one query (``CommuneFacts.load_many``), the compiled pages
from memory (``candidate_pages``), then the evaluation in Python, once per
page and distinct situation (``compiled.signature``: most communes are
absent from most lists). A territory of a hundred communes costs the same
handful of queries as one commune.
"""

from dataclasses import dataclass, field

from wagtail.models import Page

from .compiled import signature
from .eligibility import CommuneFacts, candidate_pages, evaluate
from .verdicts import Question, Verdict


@dataclass
class PageTally:
    """One programme or pacte over the communes of a territory."""

    page: Page
    question: Question = Question.OPEN
    has_criteria: bool = False
    eligible: list = field(default_factory=list)  # communes where it fits
    to_check: list = field(default_factory=list)
    not_eligible: int = 0
    #: communes an editor's list of current beneficiaries names (not evaluated)
    beneficiaries: list = field(default_factory=list)
    #: the selection list rows that name a commune of the territory (``DatasetMembership``)
    already: list = field(default_factory=list)
    #: the official lists the answers rest on, by primary key
    datasets: dict = field(default_factory=dict)

    @property
    def fits(self) -> int:
        """Communes where the page fits, current beneficiaries included."""
        return len(self.eligible) + len(self.beneficiaries)

    @property
    def concerns(self) -> bool:
        """Whether the page may concern the territory (fits or to check somewhere)."""
        return bool(self.fits or self.to_check)

    @property
    def is_pacte(self) -> bool:
        return self.question == Question.PACTE

    def add(self, commune, evaluation, verdict: Verdict) -> None:
        if verdict == Verdict.ELIGIBLE:
            self.eligible.append(commune)
            self.already.extend(evaluation.already)
        elif verdict == Verdict.TO_CHECK:
            self.to_check.append(commune)
        else:
            self.not_eligible += 1

    def learn(self, evaluation) -> None:
        """What every answer of the page says alike: its question, whether it
        states criteria, the lists it rests on (once per distinct answer)."""
        if not self.has_criteria:  # the question of a page that states criteria
            self.question, self.has_criteria = evaluation.question, bool(evaluation.criteria)
        for criterion in evaluation.criteria:
            for dataset in criterion.datasets:
                self.datasets.setdefault(dataset.pk, dataset)


@dataclass
class CommunesAnswer:
    """The pages over a territory's communes, and each commune's number of
    programmes and pactes that fit it (the commune page's "N correspond")."""

    communes: list
    tallies: list[PageTally]
    eligible_counts: dict[str, int]
    facts: dict[str, CommuneFacts]

    @property
    def with_criteria(self) -> list[PageTally]:
        return [t for t in self.tallies if t.has_criteria]

    @property
    def without_criteria(self) -> list[PageTally]:
        return [t for t in self.tallies if not t.has_criteria]

    def tally_of(self, page_id: int) -> PageTally | None:
        return next((t for t in self.tallies if t.page.pk == page_id), None)


def answer_communes(communes, where=None) -> CommunesAnswer:
    """Every candidate page evaluated for each of ``communes`` (loaded with their
    département, région and EPCI; ``where``: the same communes as a queryset)."""
    communes = list(communes)
    facts = CommuneFacts.load_many(communes, where)
    pages = candidate_pages()
    tallies = {page.pk: PageTally(page) for page in pages}
    tallies_by_page = [(page.pk, page, tallies[page.pk]) for page in pages]
    counts, answered = {}, {}
    for commune in communes:
        item = facts[commune.pk]
        count = 0
        for page_id, page, tally in tallies_by_page:
            if page_id in item.beneficiary_page_ids:
                tally.beneficiaries.append(commune)
                continue
            key = (page_id, signature(page, item))
            found = answered.get(key)
            if found is None:
                evaluation = evaluate(page, item)
                found = answered[key] = (evaluation, evaluation.verdict)
                tally.learn(evaluation)
            tally.add(commune, *found)
            count += found[1] == Verdict.ELIGIBLE
        counts[commune.pk] = count
    ordered = sorted(tallies.values(), key=lambda t: (-t.fits, -len(t.to_check), t.page.title.lower()))
    return CommunesAnswer(communes=communes, tallies=ordered, eligible_counts=counts, facts=facts)
