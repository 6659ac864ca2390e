"""``/api/v1/intercommunalites/<SIREN>/`` and ``/api/v1/departements/<code>/``
give the answers of their pages: the same programmes naming the territory,
the same counts of communes, the same communes and lists."""

import re
from html import unescape

import pytest

from tests.finder.conftest import _official_lists_once, official_lists  # noqa: F401
from tests.finder.test_territory_pages import ARDENNE_METROPOLE, catalogue, section  # noqa: F401

pytestmark = pytest.mark.django_db


def page_counts(body: str, anchor: str) -> dict[int, int]:
    """Programme id -> communes where it fits, as the page's table says."""
    counts = {}
    for page_id, fits in re.findall(
        r'data-page="(\d+)">.*?anct-fits">(\d+) sur', section(body, anchor), re.S
    ):
        counts[int(page_id)] = int(fits)
    return counts


@pytest.mark.parametrize(
    ("api", "page"),
    [
        (f"/api/v1/intercommunalites/{ARDENNE_METROPOLE}/", f"/intercommunalites/{ARDENNE_METROPOLE}/"),
        ("/api/v1/departements/08/", "/departements/08/"),
    ],
)
def test_the_api_says_what_the_page_says(client, catalogue, api, page):  # noqa: F811
    data = client.get(api).json()
    body = client.get(page).content.decode()
    already = unescape(section(body, "deja"))
    assert [item["titre"] for item in data["deja_dans_ces_programmes"]] == re.findall(
        r'anct-already" data-page="\d+"><a href="[^"]+">([^<]+)</a>', already
    )
    fits = {t["page"]["id"]: t["communes_ou_il_correspond"] for t in data["programmes_et_pactes"]}
    for anchor in ("programmes", "pactes"):
        for page_id, count in page_counts(body, anchor).items():
            assert fits[page_id] == count
    assert data["territoire"]["nombre_de_communes"] == len(data["communes"])
    lists = {item["liste"]["cle"]: item["communes_nommees"] for item in data["listes_officielles"]}
    for key, count in re.findall(
        r'data-dataset="([-\w]+)">.*?anct-communes-named">(\d+) commune', section(body, "listes"), re.S
    ):
        assert lists[key] == int(count)


def test_the_intercommunality_api_names_its_territoire_d_industrie_with_the_list(client, catalogue):  # noqa: F811
    data = client.get(f"/api/v1/intercommunalites/{ARDENNE_METROPOLE}/").json()
    ti = next(item for item in data["deja_dans_ces_programmes"] if item["titre"] == "Territoires d'industrie")
    assert ti["entrees_qui_nomment_le_territoire"] == [
        {"liste": "territoires-d-industrie-2023", "entree": "Nord Ardennes"}
    ]
    assert ti["listes_officielles"][0]["date"] == "4 juillet 2024"
    charleville = next(c for c in data["communes"] if c["code_insee"] == "08105")
    assert charleville["url"] == "http://testserver/communes/08105/"
    assert data["contacts"]["delegues"][0]["delegue_territorial"] == "Préfecture des Ardennes"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/intercommunalites/123/",
        "/api/v1/intercommunalites/999999999/",
        "/api/v1/departements/ZZ/",
        "/api/v1/departements/0%008/",
    ],
)
def test_unknown_or_malformed_codes_are_404(client, real_territories, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind_code", [f"intercommunalites/{ARDENNE_METROPOLE}", "departements/08"])
def test_the_exports_hold_the_api_answers(client, catalogue, kind_code):  # noqa: F811
    from tests.api.test_exports import csv_rows, xlsx_rows

    data = client.get(f"/api/v1/{kind_code}/").json()
    programmes = csv_rows(client.get(f"/api/v1/{kind_code}/programmes.csv"))
    expected = {t["page"]["id"]: t["communes_ou_il_correspond"] for t in data["programmes_et_pactes"]}
    assert {int(r["page.id"]): int(r["communes_ou_il_correspond"]) for r in programmes} == expected
    assert {r["territoire.code"] for r in programmes} == {data["territoire"]["code"]}
    communes = xlsx_rows(client.get(f"/api/v1/{kind_code}/communes.xlsx"))
    assert [(r["code_insee"], r["programmes_qui_correspondent"]) for r in communes] == [
        (c["code_insee"], c["programmes_qui_correspondent"]) for c in data["communes"]
    ]
    page = client.get(f"/{kind_code}/").content.decode()
    assert f'href="/api/v1/{kind_code}/programmes.csv"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/intercommunalites/999999999/programmes.csv",
        "/api/v1/intercommunalites/12/communes.xlsx",
        "/api/v1/departements/ZZ/programmes.csv",
        "/api/v1/departements/100/communes.csv",
    ],
)
def test_exports_of_unknown_territories_are_404(client, real_territories, url):
    assert client.get(url).status_code == 404
