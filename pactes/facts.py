"""Puts the public facts of ``fact_sheet`` on the pacte pages, through a page
revision as an editor's save would: signature date, sourced facts, published
progress reports, signatories, axes and milestones, each citing its source.

Idempotent: rows are matched by key (facts), date (progress reports),
organisation and role (signatories), title (axes) or date and label
(milestones); a page is republished only when something differs, and rows an
editor added stay.
"""

import datetime

from catalogue.facts import parse_day, sheet_entry, source_for, upsert_children
from catalogue.models import DatePrecision

from .fact_sheet import PACTE_FACTS
from .models import PactePage


def dated(text: str | None) -> tuple[datetime.date | None, str]:
    """``as_of`` of the sheet ("2019-03-15", "2019-04", "2023") and its precision."""
    if not text:
        return None, DatePrecision.DAY
    if len(text) == 4:
        return datetime.date(int(text), 1, 1), DatePrecision.YEAR
    if len(text) == 7:
        return datetime.date.fromisoformat(f"{text}-01"), DatePrecision.MONTH
    return parse_day(text), DatePrecision.DAY


class SheetReader:
    """Entries and sources of one sheet group, each looked up once."""

    def __init__(self, section: str, group: str):
        self.section, self.group = section, group

    def entry(self, ref) -> dict:
        index, field_start = ref
        return sheet_entry(self.section, self.group, index, field_start)

    def source(self, ref):
        return source_for(self.entry(ref))


def fact_rows(reader: SheetReader, facts) -> list[dict]:
    rows = []
    for position, (key, ref, label, value, *options) in enumerate(facts):
        public = options[0] if options else True
        entry = reader.entry(ref)
        as_of, precision = dated(options[1] if len(options) > 1 else entry.get("as_of"))
        rows.append(
            {
                "key": key,
                "label": label,
                "value": value,
                "as_of": as_of,
                "as_of_precision": precision,
                "source": reader.source(ref),
                "public": public,
                "sort_order": position,
            }
        )
    return rows


def progress_rows(reader: SheetReader, reports) -> list[dict]:
    rows = []
    for report in reports:
        entry = reader.entry(report["entry"])
        as_of, precision = dated(entry.get("as_of"))
        rows.append(
            {
                "as_of": as_of,
                "as_of_precision": precision,
                "unit": report["unit"],
                "done": report.get("done"),
                "in_progress": report.get("in_progress"),
                "total": report.get("total"),
                "statement": report.get("statement", ""),
                "source": reader.source(report["entry"]),
            }
        )
    return rows


def load_pacte_facts(page: PactePage, data: dict) -> bool:
    """Upsert the facts of ``data`` (one ``PACTE_FACTS`` value) on ``page``;
    publishes one revision when something changed. Returns whether it did."""
    reader = SheetReader("pactes", data["group"])
    page = page.get_latest_revision_as_object() if page.has_unpublished_changes else page.specific
    changed = False
    signature = datetime.date.fromisoformat(data["signature_date"]) if data.get("signature_date") else None
    if signature and page.signature_date != signature:
        page.signature_date, changed = signature, True
    children = {
        "facts": (fact_rows(reader, data.get("facts", [])), ("key",)),
        "progress_reports": (progress_rows(reader, data.get("progress", [])), ("as_of", "unit")),
        "signatories": (
            [
                {"organisation": org, "signatory_role": role, "source": reader.source(ref)}
                for ref, org, role in data.get("signatories", [])
            ],
            ("organisation", "signatory_role"),
        ),
        "axes": (
            [{"title": title, "source": reader.source(ref)} for ref, title in data.get("axes", [])],
            ("title",),
        ),
        "milestones": (
            [
                {
                    "date": datetime.date.fromisoformat(day),
                    "label": label,
                    "done": True,
                    "source": reader.source(ref),
                }
                for ref, day, label in data.get("milestones", [])
            ],
            ("date", "label"),
        ),
    }
    for relation, (rows, match_on) in children.items():
        changed = upsert_children(page, relation, rows, match_on) or changed
    if changed:
        page.save_revision().publish()
    return changed


def load_all(index, report) -> None:
    """Facts of every pacte of ``PACTE_FACTS`` found under ``index``, counted on
    ``report`` (``updated`` / ``unchanged``). A pacte not yet created is skipped."""
    for slug, data in PACTE_FACTS.items():
        page = PactePage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            continue
        if load_pacte_facts(page, data):
            report.updated += 1
        else:
            report.unchanged += 1
