"""News found where readers look, in Chromium with the demo content: an editor
publishes a news item under a programme in the admin (its address comes out in
ASCII), the "Actualités" index lists it first, the programme page and the home
page show it, their feeds are links one can see; axe-core finds nothing on these
pages nor on a pacte page, at desktop and phone widths."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Été 2026 : cent nouvelles petites villes"
WIDTHS = (1280, 375)


@pytest.fixture
def editor(demo_site_url, django_user_model):
    django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-test")
    return demo_site_url


def publish_in_admin(page, base_url, parent) -> None:
    page.goto(f"{base_url}/admin/pages/add/news/newspage/{parent.pk}/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("motdepasse-test")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_introduction").fill("La liste des communes retenues en 2026 est publiée.")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").click()
    assert "/admin/pages/" in page.url and "/add/" not in page.url, "la page n'a pas été publiée"


def test_a_published_news_item_is_listed_and_shown_on_its_programme(browser, editor, axe):
    from wagtail.models import Page

    from news.models import NewsIndexPage, NewsPage
    from programmes.models import ProgrammePage

    base_url = editor
    programme = ProgrammePage.objects.get(slug="petites-villes-de-demain")
    admin = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        publish_in_admin(admin.new_page(), base_url, programme)
    finally:
        admin.close()
    item = NewsPage.objects.get(title=TITLE)
    assert item.live and item.slug == "ete-2026-cent-nouvelles-petites-villes"
    assert [p.url_path for p in Page.objects.all() if not p.url_path.isascii()] == [], (
        "demo addresses in ASCII"
    )
    index_url = NewsIndexPage.objects.get().url

    visitor = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = visitor.new_page()
    problems = {}
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})

            page.goto(base_url + index_url)
            first = page.locator("main .fr-card").first
            assert first.locator(".fr-card__title").inner_text() == TITLE
            assert "À propos de : Petites villes de demain" in first.inner_text()
            for label in ("Flux RSS", "Flux Atom"):
                assert page.locator("main").get_by_role("link", name=label).is_visible()
            with page.expect_navigation():
                first.locator(".fr-card__title a").click()
            assert page.url.endswith(
                "/programmes/petites-villes-de-demain/ete-2026-cent-nouvelles-petites-villes/"
            )

            page.goto(base_url + programme.url)
            section = page.locator("section", has=page.locator("#page-news-title"))
            assert section.locator(".fr-card__title").all_inner_texts() == [TITLE]
            feed = section.get_by_role("link", name="Flux RSS")
            assert feed.is_visible() and feed.get_attribute("href") == f"/flux/{programme.pk}/rss.xml"

            page.goto(base_url + "/")
            latest = page.locator("section", has=page.locator("#latest-news-title"))
            assert latest.locator(".fr-card__title").first.inner_text() == TITLE

            for path in (index_url, item.url, programme.url, "/pactes/pacte-ardennes/", "/"):
                page.goto(base_url + path)
                violations = axe(page)
                if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
                    violations.append("défilement horizontal")
                if violations:
                    problems[f"{path} @{width}px"] = violations
    finally:
        visitor.close()
    assert problems == {}


def test_the_pacte_page_shows_its_progress_as_a_bar_with_its_number(page, demo_site_url):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(demo_site_url + "/pactes/pacte-ardennes/")
        bar = page.get_by_role("progressbar")
        assert bar.count() == 1 and bar.is_visible()
        assert (bar.get_attribute("aria-valuenow"), bar.get_attribute("aria-valuemax")) == ("41", "89")
        label = page.locator("#" + bar.get_attribute("aria-labelledby"))
        assert label.is_visible()
        text = " ".join(label.inner_text().split())
        assert "41 fiches-actions sur 89 réalisées, 37 en cours" in text and "15 mars 2021" in text
        drawn = bar.locator("rect.pacte-gauge__done").bounding_box()
        whole = bar.bounding_box()
        assert 0.4 < drawn["width"] / whole["width"] < 0.5  # 41 of 89, drawn
