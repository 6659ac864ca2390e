"""The header's search field suggests pages and communes in a real browser, once the
visitor uses it, and the chosen commune opens its page (keyboard only)."""

import pytest

from tests.search.scenario import catalogue, reference_communes

from .conftest import serve_default_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_url(live_server, home_page, settings):
    from config.search_backends import search_backends

    settings.WAGTAILSEARCH_BACKENDS = search_backends("")
    catalogue(home_page)
    reference_communes()
    return serve_default_site(live_server)


def test_header_suggests_a_commune_and_opens_its_page(page, site_url):
    page.set_default_timeout(10_000)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    field = page.get_by_label("Rechercher sur le site")
    # The home page's own commune field is a combobox; the header's becomes one only once used.
    assert field.get_attribute("role") != "combobox"
    field.click()
    field.press_sequentially(
        "Guéret", delay=30
    )  # a prefix as short as "Guér" is shared by several real communes
    listbox = page.locator("#header-search-input-suggestions")
    option = listbox.get_by_role("option").filter(has_text="Guéret — Creuse (23)")
    option.wait_for()
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "true"
    for _ in range(listbox.get_by_role("option").count()):
        field.press("ArrowDown")
        if option.get_attribute("aria-selected") == "true":
            break
    with page.expect_navigation():
        field.press("Enter")
    assert page.url.endswith("/communes/23096/")


def test_header_suggests_a_page_from_an_acronym(page, site_url):
    from search.models import SearchSynonym

    SearchSynonym.objects.create(terms="ACV, Action cœur de ville")
    page.set_default_timeout(10_000)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    field = page.get_by_label("Rechercher sur le site")
    field.click()
    field.press_sequentially("ACV", delay=30)
    page.locator("#header-search-input-suggestions").get_by_role(
        "option", name="Action cœur de ville"
    ).wait_for()
