"""The commune search in a real browser: the ARIA combobox with the keyboard,
and no axe-core violation on the search and "Ma commune" pages."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_url(live_server, real_territories):
    from wagtail.models import Site

    from home.setup import LoadReport, load_shell

    load_shell(LoadReport())
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url.replace("127.0.0.1", "localhost")


def test_the_combobox_suggests_communes_and_opens_the_chosen_one(page, site_url):
    page.goto(site_url + "/communes/")
    field = page.get_by_role("combobox", name="Rechercher une commune")
    field.fill("st etien")
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    first = page.get_by_role("option").first
    assert "Saint-Étienne (42)" in first.inner_text()
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    field.press("Enter")
    page.wait_for_url("**/communes/42218/")
    assert page.locator("h1").inner_text() == "Saint-Étienne"


def test_escape_closes_the_list_and_the_form_still_submits(page, site_url):
    page.goto(site_url + "/communes/")
    field = page.get_by_role("combobox", name="Rechercher une commune")
    field.fill("charleville")
    page.get_by_role("listbox").wait_for()
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    field.press("Enter")
    page.wait_for_url("**/communes/?q=charleville")
    assert "Charleville-Mézières (08)" in page.content()


@pytest.mark.parametrize("path", ["/communes/?q=saint-denis", "/communes/?q=charlevile", "/communes/08105/"])
def test_axe_finds_nothing_on_the_commune_pages(page, axe, site_url, path):
    page.goto(site_url + path)
    assert axe(page) == []
