"""The commune endpoint gives the same verdicts as the commune page, because both
call ``finder.eligibility.find_programmes``; with the commune's facts and sources."""

import pytest

from finder import eligibility
from finder import views as finder_views

pytestmark = pytest.mark.django_db


def page_verdicts(client, code, **params) -> dict[int, str]:
    """Verdict of each page on the HTML commune page (its rendering context)."""
    finder = client.get(f"/communes/{code}/", params).context["finder"]
    return {e.page.pk: str(e.verdict) for e in finder.evaluations}


def api_verdicts(body) -> dict[int, str]:
    return {e["page"]["id"]: e["verdict"]["code"] for e in body["evaluations"]}


@pytest.mark.parametrize(
    ("code", "name", "departement"),
    [("08105", "Charleville-Mézières", "08"), ("23096", "Guéret", "23"), ("59350", "Lille", "59")],
)
def test_the_api_and_the_commune_page_agree(client, published, code, name, departement):
    body = client.get(f"/api/v1/communes/{code}/").json()
    assert body["commune"]["nom"] == name
    assert body["commune"]["departement"]["code"] == departement
    assert body["commune"]["population"] > 0
    verdicts = api_verdicts(body)
    assert verdicts == page_verdicts(client, code)
    assert published["private"].pk not in verdicts and published["draft"].pk not in verdicts
    assert body["sources"]["donnees_territoriales"]["nom"] == "@etalab/decoupage-administratif"
    assert body["sources"]["donnees_territoriales"]["version"]


def test_the_verdicts_differ_by_commune_as_the_criteria_say(client, published):
    pacte_ardennes = published["pacte_ardennes"].pk
    small_towns = published["petites_villes"].pk
    charleville = api_verdicts(client.get("/api/v1/communes/08105/").json())
    gueret = api_verdicts(client.get("/api/v1/communes/23096/").json())
    assert charleville[pacte_ardennes] == "eligible"
    assert gueret[pacte_ardennes] == "not_eligible"
    assert gueret[published["plan_creuse"].pk] == "eligible"
    # 45,000 inhabitants against a 20,000 ceiling.
    assert charleville[small_towns] == "not_eligible"


def test_each_criterion_comes_with_its_explanation_and_source(client, published):
    body = client.get("/api/v1/communes/08105/").json()
    evaluation = next(e for e in body["evaluations"] if e["page"]["id"] == published["petites_villes"].pk)
    population = next(c for c in evaluation["criteres"] if c["cle"] == "population")
    assert population["resultat"] == "not_met"
    assert population["libelle"] == "critère non rempli"
    assert "au-dessus du plafond de 20" in population["explication"]
    assert evaluation["source"] == published["petites_villes"].get_full_url()


def test_the_commune_endpoint_calls_the_finder_function(client, published, monkeypatch):
    """The same function, not a copy: the API sees a change made to it."""
    calls = []
    original = eligibility.find_programmes

    def spy(commune, theme_slug=None):
        calls.append(commune.code)
        return original(commune, theme_slug)

    monkeypatch.setattr(eligibility, "find_programmes", spy)
    assert client.get("/api/v1/communes/59350/").status_code == 200
    assert calls == ["59350"]
    assert finder_views.find_programmes is original


def test_the_theme_filter_matches_the_page(client, published):
    body = client.get("/api/v1/communes/08105/", {"thematique": "numerique"}).json()
    assert api_verdicts(body) == page_verdicts(client, "08105", thematique="numerique")
    assert set(api_verdicts(body)) == {published["numerique"].pk}


@pytest.mark.parametrize("code", ["00000", "XX", "2C004", "080000", "abcde"])
def test_an_unknown_or_malformed_code_is_a_404(client, published, code):
    response = client.get(f"/api/v1/communes/{code}/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_corsican_code_in_lower_case_is_found(client, published):
    assert client.get("/api/v1/communes/2a004/").json()["commune"]["code_insee"] == "2A004"
