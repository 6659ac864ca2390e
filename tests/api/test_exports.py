"""CSV and XLSX exports hold the same pages and facts as the API."""

import csv
import io

import pytest
from openpyxl import load_workbook

from api.exports import flatten

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response) -> list[dict]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *lines = [list(row) for row in sheet.iter_rows(values_only=True)]
    return [dict(zip(header, line, strict=True)) for line in lines]


def api_items(client, family) -> list[dict]:
    return client.get(f"/api/v1/{family}/", {"taille": 100}).json()["resultats"]


@pytest.mark.parametrize("family", ["programmes", "pactes", "formations"])
def test_catalogue_exports_match_the_api(client, published, family):
    expected = [flatten(item) for item in api_items(client, family)]
    from_csv = csv_rows(client.get(f"/api/v1/exports/{family}.csv"))
    from_xlsx = xlsx_rows(client.get(f"/api/v1/exports/{family}.xlsx"))
    assert [r["titre"] for r in from_csv] == [r["titre"] for r in expected]
    assert [r["titre"] for r in from_xlsx] == [r["titre"] for r in expected]
    assert set(from_csv[0]) == set(expected[0])
    for row, item in zip(from_xlsx, expected, strict=True):
        assert row["url"] == item["url"] and row["id"] == item["id"]
    assert "Programme en brouillon" not in str(from_csv) and "Programme réservé" not in str(from_csv)


def test_programme_export_spells_out_the_criteria(client, published):
    rows = csv_rows(client.get("/api/v1/exports/programmes.csv"))
    row = next(r for r in rows if r["titre"] == "Petites villes de demain")
    assert row["eligibilite.population_max"] == "20000"
    assert row["eligibilite.population_min"] == ""
    assert row["thematique"] == "Territoires et ruralités"
    assert row["statut"] == "en cours"


def test_commune_evaluation_export_matches_the_api(client, published):
    body = client.get("/api/v1/communes/08105/").json()
    rows = csv_rows(client.get("/api/v1/communes/08105/evaluation.csv"))
    verdicts = {(int(r["page.id"]), r["verdict"]) for r in rows}
    assert verdicts == {(e["page"]["id"], e["verdict"]["code"]) for e in body["evaluations"]}
    criteria = sum(max(1, len(e["criteres"])) for e in body["evaluations"])
    assert len(rows) == criteria
    sheet_rows = xlsx_rows(client.get("/api/v1/communes/08105/evaluation.xlsx"))
    assert [r["critere.explication"] or "" for r in sheet_rows] == [r["critere.explication"] for r in rows]


def test_a_formula_in_a_title_is_not_run_by_spreadsheets(client, published):
    page = published["numerique"]
    page.title = '=HYPERLINK("http://example.org")'
    page.save_revision().publish()
    row = next(r for r in xlsx_rows(client.get("/api/v1/exports/programmes.xlsx")) if r["id"] == page.pk)
    assert row["titre"].startswith("'=")


@pytest.mark.parametrize(
    "url",
    ["/api/v1/exports/inconnu.csv", "/api/v1/exports/pactes.pdf", "/api/v1/communes/99999/evaluation.csv"],
)
def test_unknown_exports_are_404(client, published, url):
    assert client.get(url).status_code == 404
