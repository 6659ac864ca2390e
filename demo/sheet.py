"""The public fact sheet (``demo/data/public-facts-2026-11.json``, provenance in
``demo/data/README.md``) and the sources it cites.

A data file names a sheet entry by its group and its ``field`` (never by
position), so an edited sheet fails loudly instead of citing the wrong fact. The
sheet is written in English for checking; what readers see of a source (its
title and publisher) is French, from ``demo/data/sources.yaml``.
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path

from catalogue.models import DatePrecision, Source
from core.data_files import read_yaml

DATA = Path(__file__).resolve().parent / "data"
FACT_SHEET = DATA / "public-facts-2026-11.json"
SOURCES = DATA / "sources.yaml"
KINDS = {"official": Source.Kind.OFFICIAL, "press": Source.Kind.PRESS, "other": Source.Kind.OTHER}


@cache
def fact_sheet() -> dict:
    return json.loads(FACT_SHEET.read_text(encoding="utf-8"))


@cache
def source_labels() -> dict:
    """URL → French ``title`` and ``publisher`` of every source the demo cites."""
    return read_yaml(SOURCES)


def sheet_entry(group: str, field: str) -> dict:
    """The entry of ``group`` ("pactes/creuse") whose ``field`` is ``field``."""
    section, name = group.split("/")
    matches = [entry for entry in fact_sheet()[section][name] if entry["field"] == field]
    if len(matches) != 1:
        raise LookupError(f"{group} : {len(matches)} entrée(s) « {field} » dans la fiche de faits")
    if not matches[0].get("url"):
        raise LookupError(f"{group} : « {field} » n’a pas de source (« not found ») : cela reste inconnu")
    return matches[0]


def entry_citing(url: str) -> dict:
    """The first sheet entry published at ``url``: what the sheet says of that document."""
    for section in fact_sheet().values():
        for entries in section.values():
            for entry in entries:
                if entry.get("url") == url:
                    return entry
    raise LookupError(f"« {url} » n’est cité par aucune entrée de la fiche de faits")


def parse_day(text) -> datetime.date | None:
    """The leading ISO day of ``text`` ("2023-01-25 (mise à jour)"), else None:
    a month or "undated" is not turned into an invented day."""
    if isinstance(text, datetime.date):
        return text
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text or "")
    return datetime.date.fromisoformat(match.group(1)) if match else None


def dated(text) -> tuple[datetime.date | None, str]:
    """``as_of`` of the sheet ("2019-03-15", "2019-04", "2023") and its precision."""
    if isinstance(text, datetime.date):
        return text, DatePrecision.DAY
    text = str(text or "")
    if len(text) == 4:
        return datetime.date(int(text), 1, 1), DatePrecision.YEAR
    if len(text) == 7:
        return datetime.date.fromisoformat(f"{text}-01"), DatePrecision.MONTH
    return parse_day(text), DatePrecision.DAY


def source_for(entry: dict) -> Source:
    """The Source of a sheet entry, found by its address, created or brought up to
    date: French title and publisher from ``sources.yaml``, kind and publication
    date from the sheet, whose raw publication text and note go to the editor's note."""
    labels = source_labels().get(entry["url"])
    if labels is None:
        raise LookupError(f"{entry['url']} : titre et éditeur en français manquants dans {SOURCES.name}")
    published = entry.get("published") or ""
    wanted = {
        "title": labels["title"],
        "publisher": labels["publisher"],
        "kind": KINDS.get(entry.get("kind"), Source.Kind.OTHER),
        "published_on": parse_day(published),
        "note": "; ".join(
            p for p in (f"Publication : {published}" if published else "", entry.get("note")) if p
        ),
    }
    source = Source.objects.filter(url=entry["url"]).order_by("pk").first()
    if source is None:
        return Source.objects.create(url=entry["url"], **wanted)
    changed = [name for name, value in wanted.items() if getattr(source, name) != value]
    if changed:
        for name in changed:
            setattr(source, name, wanted[name])
        source.save(update_fields=changed)
    return source


class SheetReader:
    """Entries and sources of one sheet group ("pactes", "creuse"). An entry is
    named by its ``field``; the older ``(index, start of field)`` reference is
    still read, checked by the start of the field."""

    def __init__(self, section: str, group: str):
        self.group = f"{section}/{group}"

    def entry(self, ref) -> dict:
        if isinstance(ref, str):
            return sheet_entry(self.group, ref)
        index, field_start = ref
        section, name = self.group.split("/")
        field = fact_sheet()[section][name][index]["field"]
        if not field.startswith(field_start):
            raise LookupError(f"{self.group}/{index} est « {field} », pas « {field_start}… »")
        return sheet_entry(self.group, field)

    def source(self, ref) -> Source:
        return source_for(self.entry(ref))
