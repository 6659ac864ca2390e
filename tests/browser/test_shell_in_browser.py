"""The site shell in a real browser: accessible, usable on a phone, search reachable."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shell(live_server):
    from wagtail.models import Site

    from home.setup import LoadReport, load_shell

    load_shell(LoadReport())
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url.replace("127.0.0.1", "localhost")


@pytest.mark.parametrize("path", ["/", "/mentions-legales/", "/plan-du-site/", "/page-inconnue/"])
def test_axe_finds_nothing_on_shell_pages(page, axe, shell, path):
    page.goto(shell + path)
    assert axe(page) == []


def test_skip_link_moves_focus_to_content(page, shell):
    page.goto(shell + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Contenu"
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")


def test_header_search_on_a_phone(page, shell):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(shell + "/")
    page.get_by_role("button", name="Rechercher").first.click()
    field = page.get_by_label("Rechercher sur le site")
    field.fill("accessibilité")
    field.press("Enter")
    page.wait_for_url("**/recherche/?q=*")
    assert page.get_by_role("heading", level=1).inner_text() == "Rechercher"


def test_display_settings_switch_the_theme(page, shell):
    page.goto(shell + "/")
    page.get_by_role("button", name="Paramètres d’affichage").click()
    dialog = page.locator("#fr-theme-modal")
    dialog.get_by_text("Thème sombre").click()
    page.wait_for_function("document.documentElement.getAttribute('data-fr-theme') === 'dark'")
    page.reload()
    # The design system's script applies the stored theme after the load: wait for
    # that state (failing after the timeout), never for a fixed time.
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
