"""CSV and XLSX exports of the catalogue, of a commune's evaluation and of an
intercommunality's or a département's answers.

Each row is an API item flattened: the same serialisers, the same keys (nested
keys joined with a dot, e.g. ``eligibilite.population_max``), lists of named
things as their names separated by " ; ". A spreadsheet user and an API user
read the same facts. CSV as the agency's other exports: semicolons, UTF-8 with
a byte-order mark so that spreadsheet software opens it with its accents.
"""

import csv
import io
from datetime import date, datetime

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.styles import Font

from finder.places import DEPARTEMENT_RE, SIREN_RE, departement_place, groupement_place

from .evaluation import commune_data, finder_result, get_commune
from .serializers import FAMILIES, page_data, published_pages
from .territories import place_data

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A cell starting with one of these is a formula to spreadsheet software.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str | int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return str(value.get("nom") or value.get("libelle") or value.get("titre") or value.get("code") or "")
    if isinstance(value, list):
        return " ; ".join(str(_text(item)) for item in value)
    return str(value)


def flatten(item: dict, prefix: str = "") -> dict:
    """One API item as flat columns; a nested object with its own fields (such as
    ``eligibilite``) becomes several columns, a named reference one column."""
    row = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not {"nom", "libelle", "titre"} & set(value):
            row.update(flatten(value, f"{name}."))
        else:
            row[name] = _text(value)
    return row


def _safe(value):
    """Neutralise a text cell that spreadsheet software would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _table(rows: list[dict]) -> tuple[list[str], list[list]]:
    header = []
    for row in rows:
        header += [key for key in row if key not in header]
    return header, [[_safe(row.get(key)) for key in header] for row in rows]


def to_csv(rows: list[dict]) -> bytes:
    header, lines = _table(rows)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in line] for line in lines)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict], title: str) -> bytes:

    header, lines = _table(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append(line)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _file(rows: list[dict], name: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    body = to_csv(rows) if fmt == "csv" else to_xlsx(rows, name)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_safe
def catalogue_export(request, family: str, fmt: str):
    """``/api/v1/exports/<famille>.<csv|xlsx>``: every published page of a family."""
    if family not in FAMILIES:
        raise Http404
    rows = [flatten(page_data(page, request)) for page in published_pages(FAMILIES[family])]
    return _file(rows, family, fmt)


def evaluation_rows(body: dict) -> list[dict]:
    """One row per criterion of each evaluated page (a page without criteria
    keeps one row), with the page and its verdict repeated on each."""
    rows = []
    for evaluation in body["evaluations"]:
        base = {
            "code_insee": body["commune"]["code_insee"],
            "commune": body["commune"]["nom"],
            "page.id": evaluation["page"]["id"],
            "page.type": evaluation["page"]["type"],
            "page.titre": evaluation["page"]["titre"],
            "page.url": evaluation["page"]["url"],
            "verdict": evaluation["verdict"]["code"],
            "verdict.libelle": evaluation["verdict"]["libelle"],
        }
        for criterion in evaluation["criteres"] or [{}]:
            rows.append(base | {f"critere.{key}": value for key, value in criterion.items()})
    return rows


@require_safe
def commune_export(request, code: str, fmt: str):
    """``/api/v1/communes/<INSEE>/evaluation.<csv|xlsx>``: the commune endpoint's
    evaluations, one row per criterion."""
    commune = get_commune(code)
    body = commune_data(commune, finder_result(commune), request)
    return _file(evaluation_rows(body), f"evaluation-{commune.code}", fmt)


def territory_programme_rows(body: dict) -> list[dict]:
    """One row per programme or pacte: the territory endpoint's
    ``programmes_et_pactes``, the page spelled out as in the commune export."""
    territory = {"territoire.code": body["territoire"]["code"], "territoire.nom": body["territoire"]["nom"]}
    rows = []
    for tally in body["programmes_et_pactes"]:
        page = {f"page.{key}": value for key, value in tally["page"].items()}
        rest = flatten({key: value for key, value in tally.items() if key != "page"})
        rows.append(territory | page | rest)
    return rows


def territory_commune_rows(body: dict) -> list[dict]:
    """One row per commune: the territory endpoint's ``communes``."""
    territory = {"territoire.code": body["territoire"]["code"], "territoire.nom": body["territoire"]["nom"]}
    return [territory | flatten(commune) for commune in body["communes"]]


TERRITORY_TABLES = {"programmes": territory_programme_rows, "communes": territory_commune_rows}


@require_safe
def territory_export(request, kind: str, code: str, table: str, fmt: str):
    """``/api/v1/<intercommunalites|departements>/<code>/<programmes|communes>.<csv|xlsx>``:
    the territory endpoint's programmes and pactes (with their counts of
    communes) or its communes, as a spreadsheet."""
    if table not in TERRITORY_TABLES:
        raise Http404
    if kind == "intercommunalites":
        place = groupement_place(code) if SIREN_RE.match(code) else None
    else:
        code = code.upper()
        place = departement_place(code) if DEPARTEMENT_RE.match(code) else None
    if place is None:
        raise Http404
    rows = TERRITORY_TABLES[table](place_data(place, request))
    return _file(rows, f"{table}-{place.code}", fmt)
