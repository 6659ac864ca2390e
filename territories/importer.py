"""Import of the territorial reference data from ``@etalab/decoupage-administratif``.

Idempotent: every table is compared with what the data says before anything
is written, so a second run of the same version creates, updates and deletes
nothing. Writes are batched (``core.bulk_insert``, ``bulk_update``) inside one
transaction, which keeps the whole run to a few seconds on SQLite and
PostgreSQL. A bad record (unknown département, EPCI member that is not a
current commune…) is reported with its reason and skipped; the good ones are
kept. Every run is recorded as a ``TerritorialDataImport`` (version, date,
counts, rejected records), shown on the site's data page.
"""

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import capfirst

from core.upsert import LoadReport, sync_table

from .models import (
    EPCI,
    EPT,
    Arrondissement,
    Commune,
    CommunePostalCode,
    Departement,
    FormerCommuneName,
    Region,
    TerritorialDataImport,
)
from .text import INSEE_CODE_RE, POSTAL_CODE_RE, fold

PACKAGE_NAME = "@etalab/decoupage-administratif"
DEFAULT_PACKAGE_DIR = Path(settings.BASE_DIR) / "node_modules" / "@etalab" / "decoupage-administratif"
BATCH_SIZE = 1000

CURRENT = "commune-actuelle"
FORMER_KINDS = {
    "commune-deleguee": "chefLieu",
    "commune-associee": "chefLieu",
    "arrondissement-municipal": "commune",
}


class TerritorialDataError(Exception):
    """The data directory cannot be read at all (missing file, invalid JSON)."""


@dataclass
class ImportReport:
    version: str = ""
    totals: dict = field(default_factory=dict)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    rejected: list = field(default_factory=list)

    def reject(self, file: str, record: dict | str, reason: str):
        if isinstance(record, dict):
            code, name = str(record.get("code", "")), str(record.get("nom", ""))
        else:
            code, name = record, ""
        self.rejected.append({"file": file, "code": code, "name": name, "reason": reason})

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values()) or any(self.deleted.values())

    def summary(self) -> str:
        return (
            f"{PACKAGE_NAME} {self.version} : "
            f"{sum(self.created.values())} créés, {sum(self.updated.values())} mis à jour, "
            f"{sum(self.deleted.values())} supprimés, {len(self.rejected)} rejetés "
            f"({self.totals.get('communes', 0)} communes, {self.totals.get('epci', 0)} EPCI)."
        )


def read_version(path: Path) -> str:
    """Version of the package from its package.json (in ``path`` or its parent)."""
    for candidate in (path / "package.json", path.parent / "package.json"):
        if candidate.is_file():
            try:
                return str(json.loads(candidate.read_text(encoding="utf-8")).get("version", ""))
            except ValueError:
                return ""
    return ""


def _data_dir(path: Path) -> Path:
    return path / "data" if (path / "data" / "communes.json").is_file() else path


def _load(data_dir: Path, name: str) -> list:
    try:
        return json.loads((data_dir / name).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TerritorialDataError(f"Fichier introuvable : {data_dir / name}") from exc
    except ValueError as exc:
        raise TerritorialDataError(f"JSON invalide dans {data_dir / name} : {exc}") from exc


def import_territories(
    path: Path | str | None = None, progress: Callable[[str], None] | None = None
) -> ImportReport:
    """Load régions, départements, arrondissements, EPCI, communes, postal codes and
    former names from the package at ``path`` (default: the pinned npm package)."""
    path = Path(path) if path else DEFAULT_PACKAGE_DIR
    progress = progress or (lambda message: None)
    data_dir = _data_dir(path)
    report = ImportReport(version=read_version(data_dir) or "inconnue")
    raw = {
        name: _load(data_dir, f"{name}.json")
        for name in ("regions", "departements", "arrondissements", "epci", "communes")
    }
    # The établissements publics territoriaux of the Grand Paris: absent from older versions.
    raw["ept"] = _load(data_dir, "ept.json") if (data_dir / "ept.json").exists() else []

    with transaction.atomic():
        _Import(raw, report, progress).run()
        TerritorialDataImport.objects.create(
            source=PACKAGE_NAME,
            version=report.version,
            counts={
                **report.totals,
                "created": dict(report.created),
                "updated": dict(report.updated),
                "deleted": dict(report.deleted),
            },
            rejected=report.rejected,
        )
    return report


class _Import:
    """One run: validates the records, then syncs each table in dependency order."""

    def __init__(self, raw: dict, report: ImportReport, progress: Callable[[str], None]):
        self.raw = raw
        self.report = report
        self.progress = progress
        self.stale: list[tuple[type, set]] = []

    def run(self):
        regions = self.regions()
        departements = self.departements(regions)
        arrondissements = self.arrondissements(departements)
        communes, former = self.split_communes()
        current = self.communes(communes, regions, departements, arrondissements)
        epcis, epci_of = self.epcis(set(current))
        epts, ept_of = self.groupements("ept", set(current))
        for code, commune_fields in current.items():
            commune_fields["epci_id"] = epci_of.get(code)
            commune_fields["ept_id"] = ept_of.get(code)

        self.sync(Region, regions, "regions")
        self.sync(Departement, departements, "departements")
        self.sync(Arrondissement, arrondissements, "arrondissements")
        self.sync(EPCI, epcis, "epci")
        self.sync(EPT, epts, "ept")
        self.sync(Commune, current, "communes")
        self.sync_postal_codes(current)
        self.sync_former_names(former, current)
        # Stale rows go last, children before parents (foreign keys are protected).
        for model, keys in reversed(self.stale):
            if keys:
                keys = sorted(keys)
                for start in range(0, len(keys), BATCH_SIZE):
                    model.objects.filter(pk__in=keys[start : start + BATCH_SIZE]).delete()
                self.report.deleted[model._meta.model_name] += len(keys)

    # Validation: records as the data gives them → field dicts keyed by primary key.

    def regions(self) -> dict:
        wanted = {}
        for record in self.raw["regions"]:
            if not record.get("code") or not record.get("nom"):
                self.report.reject("regions.json", record, "code ou nom manquant")
                continue
            wanted[record["code"]] = {"name": record["nom"], "zone": record.get("zone", "")}
        return wanted

    def departements(self, regions: dict) -> dict:
        wanted = {}
        for record in self.raw["departements"]:
            if not record.get("code") or not record.get("nom"):
                self.report.reject("departements.json", record, "code ou nom manquant")
                continue
            if record.get("region") not in regions:
                self.report.reject("departements.json", record, f"région inconnue : {record.get('region')}")
                continue
            wanted[record["code"]] = {
                "name": record["nom"],
                "region_id": record["region"],
                "zone": record.get("zone", ""),
                "liaison_type": int(record.get("typeLiaison") or 0),
            }
        return wanted

    def arrondissements(self, departements: dict) -> dict:
        wanted = {}
        for record in self.raw["arrondissements"]:
            if not record.get("code") or not record.get("nom"):
                self.report.reject("arrondissements.json", record, "code ou nom manquant")
                continue
            if record.get("departement") not in departements:
                self.report.reject(
                    "arrondissements.json", record, f"département inconnu : {record.get('departement')}"
                )
                continue
            wanted[record["code"]] = {"name": record["nom"], "departement_id": record["departement"]}
        return wanted

    def split_communes(self) -> tuple[list, list]:
        current, former = [], []
        for record in self.raw["communes"]:
            kind = record.get("type")
            if kind == CURRENT:
                current.append(record)
            elif kind in FORMER_KINDS:
                former.append(record)
            else:
                self.report.reject("communes.json", record, f"type inconnu : {kind}")
        return current, former

    def communes(self, records: list, regions: dict, departements: dict, arrondissements: dict) -> dict:
        wanted = {}
        for record in records:
            code, name = record.get("code", ""), record.get("nom", "")
            if not INSEE_CODE_RE.match(code) or not name:
                self.report.reject("communes.json", record, "code INSEE invalide ou nom manquant")
                continue
            if code in wanted:
                self.report.reject("communes.json", record, "code INSEE en double")
                continue
            if record.get("departement") not in departements:
                self.report.reject(
                    "communes.json", record, f"département inconnu : {record.get('departement')}"
                )
                continue
            if record.get("region") not in regions:
                self.report.reject("communes.json", record, f"région inconnue : {record.get('region')}")
                continue
            arrondissement = record.get("arrondissement") or None
            if arrondissement and arrondissement not in arrondissements:
                self.report.reject(
                    "communes.json",
                    record,
                    f"arrondissement inconnu : {arrondissement} (commune gardée sans arrondissement)",
                )
                arrondissement = None
            population = record.get("population")
            if population is not None and (not isinstance(population, int) or population < 0):
                self.report.reject(
                    "communes.json",
                    record,
                    f"population invalide : {population!r} (commune gardée sans population)",
                )
                population = None
            postal_codes = []
            for postal_code in record.get("codesPostaux") or []:
                if isinstance(postal_code, str) and POSTAL_CODE_RE.match(postal_code):
                    if postal_code not in postal_codes:
                        postal_codes.append(postal_code)
                else:
                    self.report.reject(
                        "communes.json", record, f"code postal invalide ignoré : {postal_code!r}"
                    )
            wanted[code] = {
                "name": name,
                "search_name": fold(name),
                "postal_codes": postal_codes,
                "population": population,
                "departement_id": record["departement"],
                "region_id": record["region"],
                "arrondissement_id": arrondissement,
                "zone": record.get("zone", ""),
                "epci_id": None,
                "ept_id": None,
            }
        return wanted

    def epcis(self, current_codes: set) -> tuple[dict, dict]:
        return self.groupements("epci", current_codes, kind_field="kind")

    def groupements(self, name: str, current_codes: set, kind_field: str = "") -> tuple[dict, dict]:
        """EPCI or EPT records -> (fields by SIREN, SIREN of each member commune);
        a commune belongs to one groupement of each kind."""
        wanted, member_of, file = {}, {}, f"{name}.json"
        for record in self.raw[name]:
            code, label = str(record.get("code", "")), record.get("nom", "")
            if not (len(code) == 9 and code.isdigit()) or not label or code in wanted:
                self.report.reject(file, record, "SIREN invalide ou en double, ou nom manquant")
                continue
            population = record.get("populationMunicipale")
            wanted[code] = {
                "name": label,
                "search_name": fold(label),
                "population": population if isinstance(population, int) and population >= 0 else None,
                **({kind_field: str(record.get("type", ""))[:10]} if kind_field else {}),
            }
            for member in record.get("membres") or []:
                member_code = member.get("code") if isinstance(member, dict) else member
                if member_code not in current_codes:
                    reason = f"membre {member_code} : pas une commune actuelle (lien ignoré)"
                elif member_code in member_of:
                    reason = f"membre {member_code} : déjà membre de {member_of[member_code]} (lien ignoré)"
                else:
                    member_of[member_code], reason = code, ""
                if reason:
                    self.report.reject(file, record, reason)
        return wanted, member_of

    # Writing: core.upsert.sync_table compares and writes in batches; stale keys
    # are remembered and deleted last, children before parents.

    def count(self, name: str, table: LoadReport):
        self.report.created[name] += table.created
        self.report.updated[name] += table.updated

    def sync(self, model, wanted: dict, label: str):
        fields = list(next(iter(wanted.values())).keys()) if wanted else []
        table = LoadReport()
        stale = sync_table(
            model,
            {pk: {"pk": pk, **values} for pk, values in wanted.items()},
            table,
            queryset=model.objects.only(*[f.removesuffix("_id") for f in fields]),
            batch_size=BATCH_SIZE,
        )
        self.stale.append((model, set(stale)))
        self.count(model._meta.model_name, table)
        self.report.totals[label] = len(wanted)
        self.progress(
            f"{capfirst(model._meta.verbose_name_plural)} : {len(wanted)} lus, "
            f"{table.created} créés, {table.updated} mis à jour."
        )

    def sync_postal_codes(self, current: dict):
        wanted = {
            (postal_code, code): {"postal_code": postal_code, "commune_id": code}
            for code, values in current.items()
            for postal_code in values["postal_codes"]
        }
        table = LoadReport()
        stale = sync_table(
            CommunePostalCode,
            dict(sorted(wanted.items())),
            table,
            key=lambda row: (row.postal_code, row.commune_id),
            batch_size=BATCH_SIZE,
        )
        CommunePostalCode.objects.filter(pk__in=stale).delete()
        self.count("communepostalcode", table)
        self.report.deleted["communepostalcode"] += len(stale)
        self.report.totals["codes_postaux"] = len(wanted)
        self.progress(f"Codes postaux : {len(wanted)} liens, {table.created} créés, {len(stale)} supprimés.")

    def sync_former_names(self, records: list, current: dict):
        wanted = {}
        for record in records:
            kind = record["type"]
            target = record.get(FORMER_KINDS[kind])
            code, name = record.get("code", ""), record.get("nom", "")
            if not INSEE_CODE_RE.match(code) or not name:
                self.report.reject("communes.json", record, "code INSEE invalide ou nom manquant")
            elif target not in current:
                self.report.reject("communes.json", record, f"commune de rattachement inconnue : {target}")
            else:
                wanted[(code, kind, target)] = {
                    "code": code,
                    "kind": kind,
                    "commune_id": target,
                    "name": name,
                    "search_name": fold(name),
                }
        table = LoadReport()
        stale = sync_table(
            FormerCommuneName,
            wanted,
            table,
            key=lambda row: (row.code, row.kind, row.commune_id),
            batch_size=BATCH_SIZE,
        )
        FormerCommuneName.objects.filter(pk__in=stale).delete()
        self.count("formercommunename", table)
        self.report.deleted["formercommunename"] += len(stale)
        self.report.totals["anciens_noms"] = len(wanted)
        self.progress(
            f"Communes déléguées, associées et arrondissements municipaux : {len(wanted)} lus, "
            f"{table.created} créés, {table.updated} mis à jour."
        )
