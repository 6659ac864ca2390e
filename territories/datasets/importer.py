"""One importer for every official list and zonage.

A file becomes the ``DatasetMembership`` rows of its dataset: one per commune
it names (and per entry, when a commune belongs to several). Groupement lists
are expanded here, once, to their member communes through the territorial
reference data (EPCI, EPT), or through the preparer's derived file for a
groupement the reference data does not know (a PETR, a territory given by its
id); the rows keep the groupement they came from. Codes of former communes lead
to their commune and keep their own code and name.

Nothing is half-written: a file without its required columns or without a
single valid row changes nothing; otherwise bad lines are reported by number
and skipped, the good ones kept, and the rows are synced in one transaction
(only the differences are written, so a second run changes nothing).
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from core import content_version, frontend_cache
from core.bulk_insert import insert_rows

from ..models import EPCI, EPT, Commune, DatasetMembership, FormerCommuneName, OfficialDataset
from ..official_lists import ListReport
from ..text import INSEE_CODE_RE
from .manifest import DATA_DIR, DatasetSpec, load_manifest
from .signals import CommuneChanges, memberships_changed

#: The membership fields compared to decide whether a row changed.
FIELDS = (
    "territory_name",
    "via_kind",
    "via_code",
    "via_name",
    "source_code",
    "source_name",
    "source_kind",
    "certain",
    "attributes",
)
BATCH_SIZE = 2000


@dataclass
class DatasetReport(ListReport):
    """What one import did (rows are memberships), and whether the file was refused."""

    key: str = ""
    refused: bool = False
    communes: int = 0

    def summary(self) -> str:
        if self.refused:
            return f"{self.key} : fichier refusé ({self.rejected[0]['reason']}), rien n'a changé"
        return f"{self.key} : {self.communes} communes ; " + super().summary()


@dataclass
class CommuneIndex:
    """The reference data an import reads, loaded once per run."""

    names: dict[str, str] = field(default_factory=dict)
    former: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (commune, kind)
    members: dict[str, list[str]] = field(default_factory=dict)  # EPCI or EPT SIREN -> communes
    groupement_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "CommuneIndex":
        index = cls(names=dict(Commune.objects.values_list("code", "name")))
        targets = defaultdict(set)
        for code, commune_id, kind in FormerCommuneName.objects.values_list("code", "commune_id", "kind"):
            targets[code].add((commune_id, kind))
        index.former = {code: next(iter(t)) for code, t in targets.items() if len(t) == 1}
        members = defaultdict(list)
        for code, epci_id, ept_id in Commune.objects.values_list("code", "epci_id", "ept_id"):
            for groupement in (epci_id, ept_id):
                if groupement:
                    members[groupement].append(code)
        index.members = dict(members)
        for model in (EPCI, EPT):
            index.groupement_names.update(model.objects.values_list("code", "name"))
        return index

    def resolve(self, code: str) -> tuple[str, str] | None:
        """(current commune, kind of the former one or "") for an INSEE code."""
        if code in self.names:
            return code, ""
        return self.former.get(code)


def import_datasets(keys=None, index: CommuneIndex | None = None) -> list[DatasetReport]:
    """Every shipped dataset (or those of ``keys``), from its file in ``DATA_DIR``."""
    index = index or CommuneIndex.load()
    reports = []
    for spec in load_manifest():
        if keys is None or spec.key in keys:
            reports.append(import_dataset(spec, index=index))
    return reports


def import_dataset(
    spec: DatasetSpec,
    content: bytes | str | None = None,
    *,
    file_name: str = "",
    index: CommuneIndex | None = None,
) -> DatasetReport:
    """Import ``content`` (default: the shipped file) as the rows of ``spec``."""
    report = DatasetReport(key=spec.key)
    if content is None:
        content = (DATA_DIR / spec.file).read_bytes()
    header, rows = read_table(content)
    missing = [name for name in spec.required_columns() if name not in header]
    if missing:
        report.reject(1, ", ".join(missing), f"colonne absente : {', '.join(missing)}")
        report.refused = True
        return report
    report.rows = len(rows)
    index = index or CommuneIndex.load()
    members = _members(spec) if spec.members_file else {}
    wanted = Expansion(spec, index, members, report).run(rows)
    if not wanted:
        report.reject(0, spec.key, "aucune ligne valide : la liste n'a pas été modifiée")
        report.refused = True
        return report
    with transaction.atomic():
        dataset, _ = OfficialDataset.objects.update_or_create(
            key=spec.key, defaults=spec.provenance(file_name)
        )
        changes = _sync(dataset, wanted, report)
        report.communes = len({commune for commune, _ in wanted})
        dataset.rows = report.rows
        dataset.communes_count = report.communes
        dataset.territories_count = len({code for _, code in wanted if code})
        dataset.counts = report.counts()
        dataset.rejected = report.rejected
        dataset.save()
        if changes:
            memberships_changed.send(sender=OfficialDataset, dataset=dataset, changes=changes)
    if report.created or report.updated or report.deleted:
        # Commune, intercommunality and département pages weigh programmes against these lists.
        content_version.bump()
        for prefix in ("/communes/", "/intercommunalites/", "/departements/"):
            frontend_cache.purge_path_prefix(prefix)
    return report


def read_table(content: bytes | str) -> tuple[list[str], list[tuple[int, dict]]]:
    """(header, [(line where the row starts, row)]) of a CSV in UTF-8 (or
    Windows-1252), separated by commas, semicolons or tabs."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            content = content.decode("cp1252", errors="replace")
    content = content.replace("\x00", "")
    first = next((line for line in content.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    rows, start = [], 2
    try:
        for row in reader:
            rows.append((start, {k: (v or "").strip() for k, v in row.items() if isinstance(k, str) and k}))
            start = reader.line_num + 1
    except csv.Error:
        pass  # a broken quote ends the file: the rows read so far are kept
    return header, rows


def _members(spec: DatasetSpec) -> dict[tuple[str, str], list[dict]]:
    """The derived file's rows by (territory, groupement) and by (territory, "")."""
    columns = spec.members
    _, rows = read_table((DATA_DIR / spec.members_file).read_bytes())
    grouped = defaultdict(list)
    for _, row in rows:
        territory = row.get(columns["territory_code"], "")
        grouped[(territory, row.get(columns["groupement"], ""))].append(row)
        grouped[(territory, "")].append(row)
    return grouped


class Expansion:
    """The rows of one file turned into memberships keyed by (commune, entry)."""

    def __init__(self, spec: DatasetSpec, index: CommuneIndex, members: dict, report: DatasetReport):
        self.spec, self.index, self.members, self.report = spec, index, members, report
        self.columns = spec.columns
        self.wanted: dict[tuple[str, str], dict] = {}
        self.lines: dict[tuple[str, str], int] = {}

    def run(self, rows) -> dict[tuple[str, str], dict]:
        for line, row in rows:
            if self.spec.kind == "groupements":
                self.groupement_row(line, row)
            else:
                self.commune_row(line, row)
        return self.wanted

    def column(self, row: dict, name: str) -> str:
        column = self.columns.get(name)
        return row.get(column, "") if column else ""

    def code(self, line: int, value: str) -> tuple[str, str, str] | None:
        """(commune, source code, kind of former commune) or None when rejected."""
        code = value.strip().upper()
        if code.isdigit() and len(code) == 4:
            code = "0" + code  # a spreadsheet dropped the leading zero
        if not INSEE_CODE_RE.match(code):
            self.report.reject(line, value, f"code INSEE mal formé : « {value} »")
            return None
        resolved = self.index.resolve(code)
        if resolved is None:
            self.report.reject(line, code, f"code INSEE inconnu : aucune commune actuelle n'a le code {code}")
            return None
        commune, kind = resolved
        if commune != code:
            self.report.notes.append(
                {"line": line, "value": code, "reason": f"rattaché à la commune {commune}"}
            )
        return commune, code, kind

    def commune_row(self, line: int, row: dict):
        found = self.code(line, self.column(row, "commune"))
        if found is None:
            return
        commune, code, kind = found
        source_code = self.column(row, "source_code").upper() or code
        if source_code != commune and not kind:
            kind = (self.index.resolve(source_code) or ("", "ancienne commune"))[1] or "ancienne commune"
        self.add(line, commune, self.column(row, "territory_code"), row, source=(source_code, kind))

    def groupement_row(self, line: int, row: dict):
        territory = self.column(row, "territory_code")
        code = self.column(row, "groupement")
        kind = self.column(row, "groupement_kind")
        name = self.column(row, "groupement_name")
        if not territory:
            self.report.reject(line, code, "identifiant de l'entrée manquant")
            return
        if kind.lower() == "commune":
            found = self.code(line, self.column(row, "commune") or code)
            if found is not None:
                commune, source, former_kind = found
                self.add(
                    line, commune, territory, row, via=("commune", code, ""), source=(source, former_kind)
                )
            return
        if code in self.index.members:
            via = (kind or "EPCI", code, name or self.index.groupement_names.get(code, ""))
            for commune in self.index.members[code]:
                self.add(line, commune, territory, row, via=via, direct=False)
            return
        derived = self.members.get((territory, code)) or self.members.get((territory, ""))
        if derived:
            for member in derived:
                self.derived_row(line, territory, member, row)
            return
        label = name or self.column(row, "source_name") or code
        self.report.reject(
            line,
            code,
            f"groupement inconnu des données territoriales : {label} ({code}) ; ses communes ne sont pas connues",
        )

    def derived_row(self, line: int, territory: str, member: dict, row: dict):
        columns = self.spec.members
        commune = member.get(columns["commune"], "")
        if commune not in self.index.names:
            self.report.reject(line, commune, f"commune dérivée inconnue : {commune}")
            return
        code = member.get(columns["groupement"], "")
        kind = member.get(columns["groupement_kind"], "")
        via = (kind, code, self.index.groupement_names.get(code, ""))
        self.add(line, commune, territory, row, via=via, direct=kind == "commune")

    def add(self, line, commune, territory, row, *, via=("", "", ""), source=("", ""), direct=True):
        key = (commune, territory)
        source_code, source_kind = source
        # A source name is the commune's own only when the row names the commune itself.
        source_name = self.column(row, "source_name") if via[0] in ("", "commune") else ""
        fields = {
            "territory_name": self.column(row, "territory_name")[:300],
            "via_kind": via[0][:40],
            "via_code": via[1][:20],
            "via_name": via[2][:200],
            "source_code": source_code if source_code != commune else "",
            "source_name": source_name[:200]
            if source_name and source_name != self.index.names[commune]
            else "",
            "source_kind": source_kind if source_code != commune else "",
            "certain": direct or not self.spec.uncertain_via_groupement,
            "attributes": self.attributes(line, row),
        }
        if key in self.wanted:
            # The commune is already named for this entry: a direct mention wins over a groupement.
            if direct and self.wanted[key]["via_kind"] not in ("", "commune"):
                self.wanted[key] = fields
            elif self.spec.kind != "groupements":
                self.report.reject(
                    line, commune, f"doublon : la commune {commune} figure déjà ligne {self.lines[key]}"
                )
            return
        self.wanted[key], self.lines[key] = fields, line

    def attributes(self, line: int, row: dict) -> dict:
        values = {}
        for name, spec in self.spec.attributes.items():
            column, _, kind = spec.partition(":")
            value = row.get(column, "")
            if kind == "int":
                value = int(value) if value.isdigit() else None
            elif kind == "list":
                value = [part.strip() for part in value.split("|") if part.strip()]
            values[name] = value
        return values


def _sync(dataset: OfficialDataset, wanted: dict, report: DatasetReport) -> CommuneChanges:
    """Make the dataset's rows hold exactly ``wanted``; count what changed and
    return which communes the list now names, no longer names, or names otherwise."""
    existing = {
        (row.commune_id, row.territory_code): row
        for row in DatasetMembership.objects.filter(dataset=dataset).only(
            "commune_id", "territory_code", *FIELDS
        )
    }
    before = {commune for commune, _ in existing}
    after = {commune for commune, _ in wanted}
    to_create, to_update = [], []
    for (commune, territory), fields in wanted.items():
        row = existing.pop((commune, territory), None)
        if row is None:
            to_create.append(
                DatasetMembership(dataset=dataset, commune_id=commune, territory_code=territory, **fields)
            )
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            to_update.append(row)
        else:
            report.unchanged += 1
    insert_rows(DatasetMembership, to_create)
    DatasetMembership.objects.bulk_update(to_update, list(FIELDS), batch_size=BATCH_SIZE)
    stale = [row.pk for row in existing.values()]
    for start in range(0, len(stale), BATCH_SIZE):
        DatasetMembership.objects.filter(pk__in=stale[start : start + BATCH_SIZE]).delete()
    report.created, report.updated, report.deleted = len(to_create), len(to_update), len(stale)
    touched = {row.commune_id for row in [*to_create, *to_update, *existing.values()]}
    return CommuneChanges(added=after - before, removed=before - after, changed=touched & before & after)


def shipped_file(spec: DatasetSpec) -> Path:
    return DATA_DIR / spec.file
