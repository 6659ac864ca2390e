"""News published under a programme, a pacte or the site, and their RSS/Atom
feeds: a published item is listed, a draft never; each page announces its feeds."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from news.models import NewsIndexPage, NewsPage
from tests.factories import publish_index

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def publish_news(parent, title, day=1, live=True):
    item = NewsPage(title=title, introduction=f"Chapô de {title}.", date=datetime.date(2026, 11, day))
    parent.add_child(instance=item)
    revision = item.save_revision()
    if live:
        revision.publish()
    else:
        item.live = False
        item.save()
    return item


@pytest.fixture
def news(catalogue, home_page, real_territories):  # noqa: F811
    index = publish_index(home_page, NewsIndexPage, "Actualités", "actualites")
    return {
        "site": publish_news(index, "Nouvelle feuille de route", day=3),
        "programme": publish_news(catalogue["petites_villes"], "Cent nouvelles petites villes", day=2),
        "pacte": publish_news(catalogue["pacte_ardennes"], "Comité de pilotage du pacte", day=1),
        "draft": publish_news(catalogue["petites_villes"], "Brouillon à ne pas diffuser", live=False),
        **catalogue,
    }


def rss_titles(response) -> list[str]:
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") and channel.findtext("link")
    for item in channel.findall("item"):
        assert item.findtext("link").startswith("http://testserver/")
        assert item.findtext("pubDate")
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(response) -> list[str]:
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("a:updated", namespaces=ATOM)
    return [entry.findtext("a:title", namespaces=ATOM) for entry in feed.findall("a:entry", ATOM)]


def test_the_site_feeds_list_every_published_news_and_no_draft(client, news):
    expected = ["Nouvelle feuille de route", "Cent nouvelles petites villes", "Comité de pilotage du pacte"]
    assert rss_titles(client.get("/flux/rss.xml")) == expected
    assert atom_titles(client.get("/flux/atom.xml")) == expected


def test_a_programme_feed_lists_its_own_news_only(client, news):
    programme = news["petites_villes"]
    assert rss_titles(client.get(f"/flux/{programme.pk}/rss.xml")) == ["Cent nouvelles petites villes"]
    assert atom_titles(client.get(f"/flux/{programme.pk}/atom.xml")) == ["Cent nouvelles petites villes"]


def test_a_pacte_feed_lists_its_own_news_only(client, news):
    pacte = news["pacte_ardennes"]
    assert rss_titles(client.get(f"/flux/{pacte.pk}/rss.xml")) == ["Comité de pilotage du pacte"]


def test_a_page_without_news_or_a_draft_has_no_feed(client, news, home_page):
    assert client.get(f"/flux/{news['draft'].pk}/rss.xml").status_code == 404
    assert client.get(f"/flux/{home_page.pk}/rss.xml").status_code == 404
    assert client.get("/flux/999999/atom.xml").status_code == 404


def test_pages_announce_their_feeds_in_the_head(client, news):
    programme = news["petites_villes"]
    head = client.get(programme.url).content.decode().split("</head>")[0]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert f'href="/flux/{programme.pk}/rss.xml"' in head
    assert f'href="/flux/{programme.pk}/atom.xml"' in head
    assert 'href="/flux/rss.xml"' in head
    item_head = client.get(news["programme"].url).content.decode().split("</head>")[0]
    assert f'href="/flux/{programme.pk}/rss.xml"' in item_head


def test_a_news_item_names_the_programme_it_is_about(client, news):
    body = client.get(news["programme"].url).content.decode()
    assert "Cent nouvelles petites villes" in body
    assert f'href="{news["petites_villes"].url}"' in body
    assert "Brouillon à ne pas diffuser" not in client.get("/actualites/").content.decode()
    assert client.get(news["draft"].url or "/inexistant/").status_code == 404


def test_editors_may_publish_news_under_a_programme_a_pacte_or_the_index(news):
    for parent in ("petites_villes", "pacte_ardennes"):
        assert NewsPage in news[parent].specific_class.allowed_subpage_models()
    assert set(NewsPage.allowed_parent_page_models()) >= {NewsIndexPage}
