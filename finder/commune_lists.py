"""Import of a list of communes (a CSV of INSEE codes) for a territory type
(QPV communes, mountain communes…), for the current beneficiaries of a
programme page, or for the communes of a page's partial perimeter. Shared by the admin view and the ``import_commune_list``
command.

Good lines are kept and bad ones reported with their line number (malformed
code, unknown commune, duplicate). The list then replaces the previous one in a
single transaction, writing only the differences; a file without a single valid code changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from core import content_version, frontend_cache
from territories.models import Commune, FormerCommuneName
from territories.text import INSEE_CODE_RE

from .models import CommuneList, CurrentBeneficiary, PerimeterMembership, TerritoryTypeMembership

HEADER_NAMES = {
    "code",
    "insee",
    "code_insee",
    "code insee",
    "codgeo",
    "code_commune",
    "code commune",
    "com",
    "code_commune_insee",
    "insee_com",
    "codeinsee",
}


@dataclass
class ListProblem:
    line: int
    value: str
    reason: str


@dataclass
class ListImportReport:
    codes: list[str] = field(default_factory=list)
    problems: list[ListProblem] = field(default_factory=list)
    notes: list[ListProblem] = field(default_factory=list)
    previous_size: int | None = None
    saved: bool = False
    added: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def size(self) -> int:
        return len(self.codes)

    def as_dict(self) -> dict:
        return {
            "size": self.size,
            "problems": [vars(p) for p in self.problems],
            "notes": [vars(n) for n in self.notes],
            "previous_size": self.previous_size,
            "added": self.added,
            "removed": self.removed,
            "unchanged": self.unchanged,
        }

    def summary(self) -> str:
        """The command's closing line, as the territorial import words it."""
        return (
            f"{self.size} communes : {self.added} ajoutées, {self.removed} retirées, {self.unchanged} inchangées, "
            f"{len(self.problems)} lignes rejetées"
        )


def decode(content: bytes | str) -> str:
    if isinstance(content, str):
        return content
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def parse_codes(text: str, report: ListImportReport) -> list[tuple[int, str]]:
    """(line number, code) for each line whose code has the right shape; bad
    lines go to ``report.problems``. The code is the first column, or the
    column whose header names it (code_insee, codgeo…)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count) if any(d in first for d in ";,\t") else ","
    parsed, column, first_row = [], 0, True
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if first_row:
            first_row = False
            known = [i for i, cell in enumerate(cells) if cell.lower() in HEADER_NAMES]
            if known or not any(_looks_like_code(cell) for cell in cells):
                column = known[0] if known else 0
                report.notes.append(ListProblem(number, ";".join(cells), _("ligne d'en-tête ignorée")))
                continue
        value = cells[column] if column < len(cells) else ""
        code = value.upper()
        if code.isdigit() and len(code) == 4:
            # A spreadsheet dropped the leading zero of départements 01 to 09.
            report.notes.append(
                ListProblem(number, value, _("zéro initial rétabli : %(code)s") % {"code": "0" + code})
            )
            code = "0" + code
        if INSEE_CODE_RE.match(code):
            parsed.append((number, code))
        else:
            report.problems.append(
                ListProblem(
                    number,
                    value,
                    _(
                        "ligne mal formée : « %(value)s » n'est pas un code INSEE (5 caractères, par exemple "
                        "08105 ou 2A004)"
                    )
                    % {"value": value},
                )
            )
    return parsed


def _looks_like_code(value: str) -> bool:
    value = value.strip().upper()
    return bool(INSEE_CODE_RE.match(value)) or (value.isdigit() and len(value) == 4)


def check_codes(parsed: list[tuple[int, str]], report: ListImportReport):
    """Resolve the codes against the reference data: unknown codes and
    duplicates are reported; a former commune's code leads to its commune."""
    codes = {code for _, code in parsed}
    current = set(Commune.objects.filter(pk__in=codes).values_list("pk", flat=True))
    former = {}
    for code, commune_id in FormerCommuneName.objects.filter(code__in=codes - current).values_list(
        "code", "commune_id"
    ):
        former.setdefault(code, set()).add(commune_id)
    seen: dict[str, int] = {}
    for number, code in parsed:
        resolved = code
        if code not in current:
            targets = former.get(code, set())
            if len(targets) != 1:
                report.problems.append(
                    ListProblem(
                        number,
                        code,
                        _("code inconnu : aucune commune actuelle n'a le code %(code)s") % {"code": code},
                    )
                )
                continue
            resolved = next(iter(targets))
            report.notes.append(
                ListProblem(
                    number,
                    code,
                    _("ancienne commune rattachée à la commune %(commune)s") % {"commune": resolved},
                )
            )
        if resolved in seen:
            report.problems.append(
                ListProblem(
                    number,
                    code,
                    _("doublon : la commune %(code)s figure déjà ligne %(line)s")
                    % {"code": resolved, "line": seen[resolved]},
                )
            )
            continue
        seen[resolved] = number
        report.codes.append(resolved)


def _target_rows(territory_type, page, perimeter_page):
    """The membership model and filter of the list's single target."""
    if territory_type is not None:
        return TerritoryTypeMembership, {"territory_type": territory_type}, {"territory_type": territory_type}
    if page is not None:
        return CurrentBeneficiary, {"page": page}, {"page": page}
    return PerimeterMembership, {"page": perimeter_page}, {"perimeter_page": perimeter_page}


def import_commune_list(
    content: bytes | str,
    *,
    territory_type=None,
    page=None,
    perimeter_page=None,
    dataset=None,
    user=None,
    source_name: str = "",
    dry_run: bool = False,
) -> ListImportReport:
    """Validate ``content`` and make the list of ``territory_type``, of ``page``
    (current beneficiaries) or of ``perimeter_page`` (exactly one) hold its valid
    codes. Only the differences are written: importing the same file twice
    changes nothing."""
    if sum(target is not None for target in (territory_type, page, perimeter_page)) != 1:
        raise ValueError("Give exactly one of territory_type, page or perimeter_page.")
    report = ListImportReport()
    check_codes(parse_codes(decode(content), report), report)
    report.problems.sort(key=lambda p: p.line)
    model, rows_filter, target = _target_rows(territory_type, page, perimeter_page)
    existing = CommuneList.objects.filter(**target).first()
    report.previous_size = existing.size if existing else None
    old = set(model.objects.filter(**rows_filter).values_list("commune_id", flat=True))
    new = set(report.codes)
    report.added, report.removed, report.unchanged = len(new - old), len(old - new), len(new & old)
    if dry_run or not report.codes:
        return report
    with transaction.atomic():
        model.objects.filter(**rows_filter, commune_id__in=old - new).delete()
        model.objects.bulk_create(
            [model(**rows_filter, commune_id=code) for code in report.codes if code not in old],
            batch_size=1000,
        )
        if existing is None or old != new or (dataset is not None and existing.dataset_id != dataset.pk):
            CommuneList.objects.update_or_create(
                **target,
                defaults={
                    "source_name": source_name[:255],
                    "imported_by": user,
                    "size": report.size,
                    "report": report.as_dict(),
                    "dataset": dataset,
                },
            )
    report.saved = True
    # Commune pages weigh programmes against these lists: recompute cached evaluations
    # and drop the commune pages the HTTP cache holds.
    content_version.bump()
    frontend_cache.purge_path_prefix("/communes/")
    return report
