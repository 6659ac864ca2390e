"""The way in: the home page asks which commune, with the same combobox as
/communes/; a query naming one commune opens its page; the header's site search
does not repeat the commune query."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_home_page_asks_for_the_commune_with_a_visible_label(client, home_page):
    page = soup(client.get("/"))
    assert page.h1.get_text(strip=True) == "Quels programmes pour votre commune ?"
    form = page.find("form", attrs={"data-commune-combobox": True})
    assert form["action"] == reverse("territories:search")
    assert form["data-autocomplete-url"] == reverse("territories:autocomplete")
    # The site search's suggestions must leave this field to its own combobox: two
    # scripts on one field gave two lists, the first full of "undefined".
    assert not form.has_attr("data-search-autocomplete")
    field = form.find("input", attrs={"name": "q"})
    label = page.find("label", attrs={"for": field["id"]})
    assert label.find_parent(class_="fr-search-bar") is None  # DSFR hides labels inside a search bar
    assert label.get_text(" ", strip=True).startswith("Votre commune")
    assert form.find("button", type="submit").get_text(strip=True) == "Voir ses programmes"
    assert page.find("script", src=lambda src: src and src.endswith("territories/commune-combobox.js"))


def test_a_query_naming_one_commune_opens_its_page(client, home_page, real_territories):
    for query in ("Charleville-Mézières", "08105", "charleville mezieres"):
        response = client.get(reverse("territories:search"), {"q": query})
        assert response.status_code == 302, query
        assert response["Location"] == "/communes/08105/"


def test_a_former_name_lists_its_commune_with_the_explanation(client, home_page, real_territories):
    response = client.get(reverse("territories:search"), {"q": "terron sur aisne"})
    assert response.status_code == 200
    assert "anciennement Terron-sur-Aisne" in response.content.decode()


def test_a_query_naming_several_communes_lists_them(client, home_page, real_territories):
    page = soup(client.get(reverse("territories:search"), {"q": "saint-denis"}))
    assert len(page.select(".anct-commune-results li")) > 1


def test_the_header_search_is_not_filled_with_the_commune_query(client, home_page, real_territories):
    page = soup(client.get(reverse("territories:search"), {"q": "saint-denis"}))
    assert page.find(id="commune-search-input")["value"] == "saint-denis"
    assert not page.find(id="header-search-input").get("value")
    search = soup(client.get(reverse("search"), {"q": "ruralité"}))
    assert search.find(id="header-search-input")["value"] == "ruralité"
