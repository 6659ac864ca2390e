"""The site on a phone (375 px wide): the main menu behind the burger button and the
commune search of the home page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def fits_in_width(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1


def test_main_menu_and_commune_search_on_a_phone(browser, demo_site_url):
    from wagtail.models import Page

    context = browser.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(demo_site_url + "/")
        navigation = page.get_by_role("navigation", name="Menu principal")
        assert not navigation.is_visible()  # behind the burger button until asked for

        burger = page.locator("#fr-btn-menu-mobile")
        assert burger.is_visible() and burger.inner_text().strip() == "Menu"
        burger.click()
        menu_titles = list(
            Page.objects.live().in_menu().filter(depth=3).order_by("path").values_list("title", flat=True)
        )
        assert menu_titles
        links = navigation.get_by_role("link")
        links.first.wait_for(state="visible")
        assert links.all_inner_texts() == menu_titles
        for index in range(links.count()):
            assert fits_in_width(page, links.nth(index)), links.nth(index).inner_text()
        # DSFR opens the menu as a modal dialog named by the button, with the focus inside.
        menu = page.get_by_role("dialog", name="Menu")
        assert menu.get_attribute("aria-modal") == "true"
        assert burger.get_attribute("data-fr-opened") == "true"
        assert page.evaluate("!!document.activeElement.closest('#fr-menu-mobile')")

        page.get_by_role("button", name="Fermer").filter(visible=True).click()
        navigation.wait_for(state="hidden")
        assert burger.get_attribute("data-fr-opened") == "false"
        assert page.evaluate("document.activeElement.id") == "fr-btn-menu-mobile"  # focus back on the button

        burger.click()
        with page.expect_navigation():
            links.first.tap()
        assert page.get_by_role("heading", level=1).inner_text() == menu_titles[0]

        # The commune search of the home page.
        page.goto(demo_site_url + "/")
        field = page.get_by_role("combobox", name="Votre commune")
        button = page.get_by_role("button", name="Voir ses programmes")
        assert fits_in_width(page, field) and fits_in_width(page, button)
        assert button.bounding_box()["height"] >= 24  # a target a finger can hit
        field.tap()
        field.fill("Charleville")
        with page.expect_navigation():
            field.press("Enter")
        assert "/communes/?q=Charleville" in page.url
        result = page.get_by_role("link", name="Charleville-Mézières")
        assert fits_in_width(page, result.first)
        with page.expect_navigation():
            result.first.tap()
        assert page.url.endswith("/communes/08105/")
        assert "Charleville-Mézières" in page.get_by_role("heading", level=1).inner_text()
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    finally:
        context.close()
