"""Public facts with their sources: reading the fact sheet, citing its sources,
and putting facts on pages through the editors' own path (a page revision).

The fact sheet (``catalogue/data/public-facts-2026-11.json``, provenance in
``catalogue/data/README.md``) gathers what public documents say about the pactes
and programmes. A page family picks the entries it shows in its own
``fact_sheet`` module, writes its own sentence for each, and calls
``upsert_children`` here: idempotent, so the demo loader can run again and an
editor's own additions stay.
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.db import models

from .models import DatePrecision, Source

FACT_SHEET = Path(__file__).resolve().parent / "data" / "public-facts-2026-11.json"

KINDS = {"official": Source.Kind.OFFICIAL, "press": Source.Kind.PRESS, "other": Source.Kind.OTHER}


@cache
def fact_sheet() -> dict:
    return json.loads(FACT_SHEET.read_text(encoding="utf-8"))


def sheet_entry(section: str, group: str, index: int, field_start: str) -> dict:
    """Entry ``index`` of ``section``/``group``, checked by the start of its
    ``field`` so that an edited sheet fails loudly instead of citing the wrong fact."""
    entry = fact_sheet()[section][group][index]
    if not entry["field"].startswith(field_start):
        raise LookupError(f"{section}/{group}/{index} is « {entry['field']} », not « {field_start}… »")
    if not entry.get("url"):
        raise LookupError(f"{section}/{group}/{index} has no source (« not found »): it stays unknown")
    return entry


def parse_day(text: str | None) -> datetime.date | None:
    """The leading ISO day of ``text`` ("2023-01-25 (mise à jour)"), else None:
    a month or "undated" is not turned into an invented day."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text or "")
    return datetime.date.fromisoformat(match.group(1)) if match else None


def default_title(url: str) -> str:
    """What the reader is told of a page whose title the sheet does not give: the
    site it is on ("Page de cd08.fr"). A title rebuilt from the address would lose
    its accents and apostrophes ("Le pacte ardennes signe…" for "signé") and
    misquote the document; an editor can give the real title in the admin."""
    return f"Page de {urlsplit(url).netloc.removeprefix('www.')}"


def source_for(entry: dict, title: str = "") -> Source:
    """The Source of a sheet entry, found by its address, created or brought up
    to date. The sheet's raw publication text and note go to the editor's note."""
    published = entry.get("published") or ""
    wanted = {
        "publisher": entry["publisher"][:200],
        "kind": KINDS.get(entry.get("kind"), Source.Kind.OTHER),
        "published_on": parse_day(published),
        "note": "; ".join(
            p for p in (f"Publication : {published}" if published else "", entry.get("note")) if p
        ),
    }
    source = Source.objects.filter(url=entry["url"]).order_by("pk").first()
    if source is None:
        return Source.objects.create(url=entry["url"], title=title or default_title(entry["url"]), **wanted)
    changed = [name for name, value in wanted.items() if getattr(source, name) != value]
    if title and source.title != title:
        source.title = title
        changed.append("title")
    if changed:
        for name in changed:
            if name != "title":
                setattr(source, name, wanted[name])
        source.save(update_fields=changed)
    return source


def _differs(obj, name: str, value) -> bool:
    if isinstance(value, models.Model):
        return getattr(obj, f"{name}_id") != value.pk
    return getattr(obj, name) != value


def upsert_children(page, relation: str, rows: list[dict], match_on: tuple[str, ...]) -> bool:
    """Bring the inline rows ``relation`` of ``page`` (in memory) up to ``rows``.

    A row is matched on the ``match_on`` fields; a matched row is updated, an
    unmatched one appended; rows the loader does not know (an editor's) stay.
    Returns whether anything changed; the caller publishes one revision.
    """
    children = list(getattr(page, relation).all())
    model = getattr(page, relation).model
    changed = False
    for position, row in enumerate(rows):
        child = next((c for c in children if all(not _differs(c, f, row[f]) for f in match_on)), None)
        if child is None:
            child = model(**row)
            children.append(child)
            changed = True
        for name, value in row.items():
            if _differs(child, name, value):
                setattr(child, name, value)
                changed = True
        if hasattr(child, "sort_order") and child.sort_order is None:
            child.sort_order = position
    if changed:
        setattr(page, relation, children)
    return changed


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
