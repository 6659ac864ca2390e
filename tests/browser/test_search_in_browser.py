"""Searching the site in a real browser: from the header, narrowing with the facets
(a shareable URL, with or without JavaScript) and the title suggestions of the search
page, operated with the keyboard."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERY = "ville"
FIELD_LABEL = "Rechercher dans les programmes, pactes, formations et documents"


def result_count(page) -> int:
    text = page.locator("main p[role=status]").inner_text()
    return int(re.match(r"(\d+) résultats?", text).group(1))


def narrow_by_first_facet(page) -> tuple[str, int]:
    """Tick the first facet option that keeps fewer results than all, apply;
    return the option's label and announced count."""
    total = result_count(page)
    options = page.locator("fieldset[id^=facet-] .fr-checkbox-group")
    for index in range(options.count()):
        option = options.nth(index)
        count = int(re.search(r"\((\d+)\)", option.inner_text()).group(1))
        if 0 < count < total:
            option.locator("label").click()
            assert option.locator("input").is_checked()
            with page.expect_navigation():
                page.get_by_role("button", name="Appliquer les filtres").click()
            return option.locator("label").inner_text(), count
    pytest.fail(f"aucune option ne réduit les {total} résultats de « {QUERY} »")


def check_facet_narrows_and_is_shareable(page, base_url):
    total = result_count(page)
    label, count = narrow_by_first_facet(page)
    narrowed = result_count(page)
    assert narrowed == count < total, label
    assert page.locator("ol.search-results > li").count() == min(narrowed, 10)
    params = parse_qs(urlsplit(page.url).query)
    assert params["q"] == [QUERY] and len(params) == 2, page.url
    # The address is the whole state: reloading or sharing it shows the same results.
    shared_url = page.url
    page.goto(shared_url)
    assert result_count(page) == narrowed
    assert page.locator("fieldset[id^=facet-] input:checked").count() == 1
    page.get_by_role("link", name="Retirer les filtres").click()
    page.wait_for_url(re.compile(r"/recherche/\?q=ville$"))
    assert result_count(page) == total


def test_header_search_then_facets_with_javascript(page, axe, demo_site_url):
    page.set_default_timeout(10_000)
    page.goto(demo_site_url + "/")
    field = page.get_by_label("Rechercher sur le site")
    field.fill(QUERY)
    with page.expect_navigation():
        field.press("Enter")
    assert urlsplit(page.url).path == "/recherche/"
    assert page.get_by_label(FIELD_LABEL).input_value() == QUERY
    assert result_count(page) > 1
    assert axe(page) == []
    check_facet_narrows_and_is_shareable(page, demo_site_url)


def test_search_and_facets_without_javascript(no_js_page, demo_site_url):
    page = no_js_page
    page.set_default_timeout(10_000)
    page.goto(demo_site_url + "/recherche/")
    field = page.get_by_label(FIELD_LABEL)
    assert field.get_attribute("role") is None  # the combobox only exists with its script
    field.fill(QUERY)
    with page.expect_navigation():
        field.press("Enter")
    check_facet_narrows_and_is_shareable(page, demo_site_url)


def test_title_suggestions_with_the_keyboard(page, axe, demo_site_url):
    page.set_default_timeout(10_000)
    page.goto(demo_site_url + "/recherche/")
    field = page.get_by_role("combobox", name=FIELD_LABEL)
    assert field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-autocomplete") == "list"
    listbox_id = field.get_attribute("aria-controls")
    listbox = page.locator(f"[id='{listbox_id}']")
    assert listbox.get_attribute("role") == "listbox"

    field.press_sequentially("petites vi", delay=30)
    options = listbox.get_by_role("option")
    options.first.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-activedescendant") is None
    assert "Petites villes de demain" in options.first.inner_text()
    assert page.locator("[role=status]", has_text="suggestion").count() == 1
    assert axe(page) == []

    field.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    assert field.get_attribute("aria-activedescendant") == first_id
    assert options.first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "search-page-input"  # focus stays in the field

    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-activedescendant") is None
    assert listbox.is_hidden()

    field.press("End")
    field.press_sequentially("l", delay=30)  # "petites vil": the list comes back
    options.first.wait_for()
    field.press("ArrowDown")
    chosen = options.first.inner_text()
    with page.expect_navigation():
        field.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() in chosen

    # Enter without a highlighted suggestion runs the search.
    page.goto(demo_site_url + "/recherche/")
    field = page.get_by_role("combobox")
    field.press_sequentially("petites vi", delay=30)
    options.first.wait_for()
    with page.expect_navigation():
        field.press("Enter")
    assert urlsplit(page.url).path == "/recherche/"
    assert result_count(page) >= 1
