"""Published news can be found: the site setup makes an "Actualités" index that
lists every published item as a card, newest first, page by page; the home page
shows the latest items and each programme or pacte page its own; every list of
news shows its feeds as links; and new pages get plain ASCII addresses."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.setup import LoadReport
from news.models import NewsIndexPage, NewsPage
from news.setup import ensure_news_index
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return ensure_news_index(home_page, LoadReport())


def publish(parent, title, day, **fields):
    return NewsPageFactory(parent=parent, title=title, date=datetime.date(2026, 11, day), **fields)


def soup(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page: BeautifulSoup, within: str = "main") -> list[str]:
    return [title.get_text(strip=True) for title in page.select(f"{within} .fr-card .fr-card__title")]


def feed_hrefs(page: BeautifulSoup, within: str = "main") -> set[str]:
    return {link["href"] for link in page.select(f"{within} a.fr-icon-rss-line")}


def test_the_site_setup_creates_the_news_index_once_and_keeps_an_editors_changes(home_page):
    report = LoadReport()
    index = ensure_news_index(home_page, report)
    assert (index.title, index.slug, index.live, index.show_in_menus) == (
        "Actualités",
        "actualites",
        True,
        True,
    )
    assert index.get_parent().pk == home_page.pk and report.created == 1
    index.title = "Toute l’actualité"
    index.save_revision().publish()
    again = LoadReport()
    ensure_news_index(home_page, again)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert NewsIndexPage.objects.get().title == "Toute l’actualité"


def test_the_index_lists_every_published_item_newest_first_without_drafts(client, news_index, catalogue):
    publish(news_index, "Nouvelle feuille de route", 3)
    publish(catalogue["petites_villes"], "Cent nouvelles petites villes", 5)
    publish(catalogue["pacte_ardennes"], "Comité de pilotage du pacte", 1)
    draft = publish(catalogue["petites_villes"], "Brouillon à ne pas diffuser", 9)
    draft.unpublish()
    page = soup(client, news_index.url)
    assert card_titles(page) == [
        "Cent nouvelles petites villes",
        "Nouvelle feuille de route",
        "Comité de pilotage du pacte",
    ]
    first = page.select_one("main .fr-card")
    assert (
        first.select_one("h2.fr-card__title a")["href"]
        == "/programmes/petites-villes-de-demain/cent-nouvelles-petites-villes/"
    )
    assert "Publiée le 5 novembre 2026" in first.get_text(" ", strip=True)
    assert "À propos de : Petites villes de demain" in first.get_text(" ", strip=True)
    assert "Chapô de Cent nouvelles petites villes." in first.get_text(" ", strip=True)


def test_the_index_goes_page_by_page_and_any_page_number_gives_a_page(client, news_index):
    for day in range(1, 15):
        publish(news_index, f"Actualité du {day} novembre", day)
    first = soup(client, news_index.url)
    assert len(card_titles(first)) == 12 and card_titles(first)[0] == "Actualité du 14 novembre"
    assert first.select_one("nav.fr-pagination")
    second = soup(client, news_index.url + "?page=2")
    assert card_titles(second) == ["Actualité du 2 novembre", "Actualité du 1 novembre"]
    for number in ("abc", "999", "-1", "2.5", "%00"):
        assert client.get(news_index.url, {"page": number}).status_code == 200, number


def test_the_index_reads_a_bounded_number_of_queries_whatever_the_number_of_items(
    client, news_index, catalogue
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(news_index.url).status_code == 200
        return len(captured)

    publish(catalogue["petites_villes"], "Première", 1)
    few = queries()
    for day in range(2, 13):
        parent = (news_index, catalogue["petites_villes"], catalogue["pacte_ardennes"])[day % 3]
        publish(parent, f"Actualité {day}", day)
    assert queries() <= few + 1


def test_the_index_shows_the_site_feeds_as_links(client, news_index):
    page = soup(client, news_index.url)
    assert feed_hrefs(page) == {reverse("news:rss"), reverse("news:atom")}
    assert [a.get_text(strip=True) for a in page.select("main a.fr-icon-rss-line")] == [
        "Flux RSS",
        "Flux Atom",
    ]


def test_the_home_page_shows_the_latest_news_and_leads_to_the_index(client, news_index, catalogue):
    home = soup(client, "/")
    assert not home.select("#latest-news-title"), "no section while nothing is published"
    for day in range(1, 6):
        publish(catalogue["pacte_ardennes"], f"Actualité du pacte {day}", day)
    home = soup(client, "/")
    section = home.select_one("#latest-news-title").find_parent("section")
    assert card_titles(section, within="") == [
        "Actualité du pacte 5",
        "Actualité du pacte 4",
        "Actualité du pacte 3",
    ]
    assert section.find("a", string="Toutes les actualités")["href"] == news_index.url
    assert {a["href"] for a in section.select("a.fr-icon-rss-line")} == {
        reverse("news:rss"),
        reverse("news:atom"),
    }


@pytest.mark.parametrize("owner", ["petites_villes", "pacte_ardennes"])
def test_a_programme_or_pacte_page_shows_its_own_news_and_its_feeds(client, news_index, catalogue, owner):
    other = "pacte_ardennes" if owner == "petites_villes" else "petites_villes"
    page_url = catalogue[owner].url
    empty = soup(client, page_url)
    section = empty.select_one("#page-news-title").find_parent("section")
    assert "Aucune actualité publiée pour l’instant." in section.get_text()
    pk = catalogue[owner].pk
    assert {a["href"] for a in section.select("a.fr-icon-rss-line")} == {
        f"/flux/{pk}/rss.xml",
        f"/flux/{pk}/atom.xml",
    }

    publish(catalogue[owner], "La nôtre", 2)
    publish(catalogue[other], "Celle d’à côté", 3)
    publish(news_index, "Celle du site", 4)
    section = soup(client, page_url).select_one("#page-news-title").find_parent("section")
    assert card_titles(section, within="") == ["La nôtre"]
    assert "À propos de" not in section.get_text(), "on its own page, a card does not repeat what it is about"


def test_a_title_with_accents_gives_an_ascii_address(client, news_index):
    item = NewsPage(title="Réunion d’été à Saint-Étienne", introduction="Chapô.")
    news_index.add_child(instance=item)
    item.save_revision().publish()
    assert item.slug == "reunion-dete-a-saint-etienne"
    assert item.url == "/actualites/reunion-dete-a-saint-etienne/"
    assert client.get(item.url).status_code == 200


def test_a_title_with_a_ligature_keeps_its_letters(news_index):
    item = NewsPage(title="Action cœur de ville : 20 nouvelles villes", introduction="Chapô.")
    news_index.add_child(instance=item)
    assert item.slug == "action-coeur-de-ville-20-nouvelles-villes"


def test_an_address_typed_with_accents_is_saved_in_ascii(staff_client, news_index):
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))

    def form(slug):
        fields = {"title": "Été 2026", "slug": slug, "date": "2026-11-03", "introduction": "Chapô."}
        return nested_form_data({**fields, "body": streamfield([])})

    assert staff_client.post(add_url, form("été-2026")).status_code == 302
    assert NewsPage.objects.get().slug == "ete-2026"
