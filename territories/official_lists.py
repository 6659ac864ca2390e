"""Import of the official lists the agency publishes about its network: the
France services structures and the agency's single desk in each département.

They are reference data (no content app involved), so they live here beside the
territorial import, and follow its rules: the run is idempotent (rows are
compared before anything is written; a second run reports everything
"unchanged"), bad rows are reported with their line number and skipped, the
good ones kept, and the file's provenance (publisher, date, licence) is stored
as an ``OfficialDataset`` shown on ``/communes/donnees/``.

The shipped copies and their provenance are in ``territories/data/`` (README.md).
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .models import (
    Commune,
    Departement,
    FormerCommuneName,
    FranceServicesStructure,
    OfficialDataset,
    SingleDesk,
)
from .text import INSEE_CODE_RE

DATA_DIR = Path(__file__).resolve().parent / "data"
WEEKDAYS = [
    ("h_lundi", "lundi"),
    ("h_mardi", "mardi"),
    ("h_mercredi", "mercredi"),
    ("h_jeudi", "jeudi"),
    ("h_vendredi", "vendredi"),
    ("h_samedi", "samedi"),
]

#: Provenance of the shipped files (see data/README.md), stored with the rows.
FRANCE_SERVICES = {
    "key": "france-services",
    "title": "Liste des structures France services",
    "publisher": "ANCT",
    "url": "https://www.data.gouv.fr/fr/datasets/liste-des-structures-france-services/",
    "date_label": "1er août 2024",
    "citation": "ANCT, liste France services au 1er août 2024",
    "licence": "Licence Ouverte 2.0",
    "file_name": "france-services-2024-08-01.csv",
}
SINGLE_DESKS = {
    "key": "guichets-anct",
    "title": "Annuaire des guichets uniques de l'ANCT dans les départements",
    "publisher": "ANCT",
    "url": "https://github.com/anct-carto/annuaire_delegues_anct",
    "date_label": "2023 à 2025, selon le département",
    "citation": "ANCT, annuaire des guichets uniques",
    "licence": "publié par l'agence pour un usage public",
    "file_name": "guichets-anct-departements.csv",
}


@dataclass
class ListReport:
    """What one run did, in the words of the territorial import."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)

    def reject(self, line: int, value: str, reason: str):
        self.rejected.append({"line": line, "value": value, "reason": reason})

    def counts(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "rejected": len(self.rejected),
        }

    def summary(self) -> str:
        return (
            f"{self.rows} lignes : {self.created} créées, {self.updated} mises à jour, "
            f"{self.unchanged} inchangées, {self.deleted} supprimées, {len(self.rejected)} rejetées"
        )


def read_rows(path: Path) -> list[tuple[int, dict]]:
    """(line number in the file where the row starts, row) for each data row; line 1
    is the header. A quoted field may span several lines, so rows and lines differ."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        start = 2
        for row in reader:
            rows.append((start, {k: (v or "").strip() for k, v in row.items() if k}))
            start = reader.line_num + 1
    return rows


def record_dataset(provenance: dict, report: ListReport) -> OfficialDataset:
    dataset, _ = OfficialDataset.objects.update_or_create(
        key=provenance["key"],
        defaults={**provenance, "rows": report.rows, "counts": report.counts(), "rejected": report.rejected},
    )
    return dataset


def sync(model, key_of, wanted: dict, report: ListReport):
    """Make the table hold exactly ``wanted`` (key -> unsaved instance): create,
    update or delete only what differs, and count it."""
    existing = {key_of(obj): obj for obj in model.objects.all()}
    fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    to_create, to_update = [], []
    for key, obj in wanted.items():
        current = existing.pop(key, None)
        if current is None:
            to_create.append(obj)
        elif any(getattr(current, f) != getattr(obj, f) for f in fields):
            obj.pk = current.pk
            to_update.append(obj)
        else:
            report.unchanged += 1
    model.objects.bulk_create(to_create, batch_size=500)
    model.objects.bulk_update(to_update, fields, batch_size=500)
    model.objects.filter(pk__in=[obj.pk for obj in existing.values()]).delete()
    report.created, report.updated, report.deleted = len(to_create), len(to_update), len(existing)


def commune_resolver():
    """INSEE code -> current commune code, municipal arrondissements and communes
    déléguées included (attached to their commune, not dropped)."""
    codes = {code: code for code in Commune.objects.values_list("code", flat=True)}
    former: dict[str, set] = {}
    for code, commune_id in FormerCommuneName.objects.values_list("code", "commune_id"):
        former.setdefault(code, set()).add(commune_id)
    for code, targets in former.items():
        if code not in codes and len(targets) == 1:
            codes[code] = next(iter(targets))
    return codes


def departement_code(value: str) -> str:
    return value.zfill(2) if value.isdigit() and len(value) < 2 else value.upper()


def import_france_services(path: Path | None = None) -> ListReport:
    """Load the France services file; each structure is attached to its commune."""
    path = path or DATA_DIR / FRANCE_SERVICES["file_name"]
    report = ListReport()
    rows = read_rows(path)
    report.rows = len(rows)
    communes = commune_resolver()
    departements = set(Departement.objects.values_list("code", flat=True))
    wanted = {}
    with transaction.atomic():
        dataset = record_dataset(FRANCE_SERVICES, report)
        for line, row in rows:
            structure = _france_services_row(line, row, communes, departements, dataset, report)
            if structure is None:
                continue
            if structure.identifier in wanted:
                report.reject(line, structure.identifier, "identifiant en double")
                continue
            wanted[structure.identifier] = structure
        sync(FranceServicesStructure, lambda s: s.identifier, wanted, report)
        record_dataset(FRANCE_SERVICES, report)
    return report


def _france_services_row(line, row, communes, departements, dataset, report):
    identifier, name, code = row.get("id_fs", ""), row.get("lib_fs", ""), row.get("insee_com", "").upper()
    if not identifier or not name:
        report.reject(line, identifier or name, "identifiant ou nom manquant")
        return None
    if not INSEE_CODE_RE.match(code):
        report.reject(line, code, f"code INSEE mal formé : « {code} »")
        return None
    if code not in communes:
        report.reject(line, code, f"code INSEE inconnu : {code}")
        return None
    commune_code = communes[code]
    if commune_code != code:
        report.notes.append({"line": line, "value": code, "reason": f"rattaché à la commune {commune_code}"})
    departement = departement_code(row.get("insee_dep", ""))
    if departement not in departements:
        report.reject(line, departement, f"département inconnu : {departement}")
        return None
    address = ", ".join(part for part in (row.get("adresse", ""), row.get("complement_adresse", "")) if part)
    return FranceServicesStructure(
        identifier=identifier,
        name=name,
        departement_id=departement,
        commune_id=commune_code,
        address=address,
        postal_code=row.get("code_postal", "").zfill(5)[:5] if row.get("code_postal") else "",
        city=row.get("lib_com", ""),
        email=row.get("mail", ""),
        phone=row.get("telephone", ""),
        opening_hours=[[day, row[column]] for column, day in WEEKDAYS if row.get(column)],
        appointment=row.get("prise_rdv", "").lower() == "oui",
        kind=row.get("type_fs", ""),
        format=row.get("format_fs", "").replace("_", " "),
        dataset=dataset,
    )


def import_single_desks(path: Path | None = None) -> ListReport:
    """Load the agency's single desks, in the file's order within each département."""
    path = path or DATA_DIR / SINGLE_DESKS["file_name"]
    report = ListReport()
    rows = read_rows(path)
    report.rows = len(rows)
    departements = set(Departement.objects.values_list("code", flat=True))
    wanted, lines = {}, {}
    with transaction.atomic():
        dataset = record_dataset(SINGLE_DESKS, report)
        for line, row in rows:
            departement = departement_code(row.get("code_departement", ""))
            service = row.get("service", "")
            if departement not in departements:
                report.reject(line, departement, f"département inconnu : « {departement} »")
                continue
            if not service:
                report.reject(line, departement, "service manquant")
                continue
            desk = SingleDesk(
                departement_id=departement,
                service=service,
                address=_postal_address(row),
                email=row.get("courriel", ""),
                phone=row.get("telephone", ""),
                website=row.get("site_web", "") if row.get("site_web", "").startswith("http") else "",
                updated_on=_date(row.get("mise_a_jour", "")),
                dataset=dataset,
            )
            _keep_latest(wanted, lines, (departement, service), desk, line, report)
        for position, desk in enumerate(
            sorted(wanted.values(), key=lambda d: lines[(d.departement_id, d.service)])
        ):
            desk.sort_order = position
        sync(SingleDesk, lambda d: (d.departement_id, d.service), wanted, report)
        record_dataset(SINGLE_DESKS, report)
    return report


def _keep_latest(wanted: dict, lines: dict, key, desk: SingleDesk, line: int, report: ListReport):
    """The file lists some services twice: keep the most recently updated version
    (an undated row counts as the oldest) and report the other one by its line."""
    kept = wanted.get(key)
    if kept is None:
        wanted[key], lines[key] = desk, line
        return
    undated = datetime.date.min
    if (desk.updated_on or undated) > (kept.updated_on or undated):
        report.reject(
            lines[key], desk.service, f"doublon : la version de la ligne {line}, plus récente, est gardée"
        )
        wanted[key], lines[key] = desk, line
    else:
        report.reject(line, desk.service, f"doublon : la version de la ligne {lines[key]} est gardée")


def _postal_address(row: dict) -> str:
    postal_code = row.get("code_postal", "")
    postal_code = postal_code.zfill(5) if postal_code.isdigit() else postal_code
    city = " ".join(p for p in (postal_code, row.get("ville", ""), row.get("cedex", "")) if p)
    return ", ".join(p for p in (row.get("adresse", ""), row.get("complement_adresse", ""), city) if p)


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        return None
