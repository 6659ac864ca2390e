"""Puts the public facts of ``fact_sheet`` on the pacte pages, through a page
revision as an editor's save would: signature date, sourced facts, published
progress reports, signatories, axes and milestones, each citing its source.

Idempotent: rows are matched by key (facts), date (progress reports),
organisation and role (signatories), title (axes) or date and label
(milestones); a page is republished only when something differs, and rows an
editor added stay.
"""

import datetime

from catalogue.facts import SheetReader, dated, fact_rows, upsert_children

from .fact_sheet import PACTE_FACTS
from .models import PactePage


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
