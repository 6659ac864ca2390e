"""Puts the key figures of ``fact_sheet`` on the programme pages, through a page
revision as an editor's save would. Idempotent: facts are matched by key, a
page is republished only when one differs, and an editor's own facts stay."""

from catalogue.facts import SheetReader, fact_rows, upsert_children

from .fact_sheet import PROGRAMME_FACTS
from .models import ProgrammePage


def load_programme_facts(page: ProgrammePage, group: str, facts: list) -> bool:
    """Upsert ``facts`` (lines of ``PROGRAMME_FACTS``) on ``page``; returns
    whether a revision was published."""
    page = page.get_latest_revision_as_object() if page.has_unpublished_changes else page.specific
    rows = fact_rows(SheetReader("programmes", group), facts)
    if not upsert_children(page, "facts", rows, ("key",)):
        return False
    page.save_revision().publish()
    return True


def load_all(index, report) -> None:
    """Facts of every programme of ``PROGRAMME_FACTS`` found under ``index``,
    counted on ``report`` (``updated`` / ``unchanged``)."""
    for slug, (group, facts) in PROGRAMME_FACTS.items():
        page = ProgrammePage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            continue
        if load_programme_facts(page, group, facts):
            report.updated += 1
        else:
            report.unchanged += 1
