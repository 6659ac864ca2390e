"""The programme index filtered without JavaScript: a plain GET form whose result
is a shareable address, with a count that matches the cards shown."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def announced_count(page) -> int:
    return int(re.match(r"(\d+) programmes?", page.locator("#result-count").inner_text().strip()).group(1))


def shown_cards(page) -> int:
    return page.locator("main section .fr-card").count()


def test_filter_by_thematique_without_javascript(no_js_page, demo_site_url):
    from catalogue.models import Theme
    from programmes.models import ProgrammePage

    page = no_js_page
    page.set_default_timeout(10_000)
    page.goto(demo_site_url + "/programmes/")
    total = announced_count(page)
    assert total == shown_cards(page) == ProgrammePage.objects.live().count()

    theme = Theme.objects.get(slug="numerique")
    expected = ProgrammePage.objects.live().filter(theme=theme).count()
    assert 0 < expected < total
    page.get_by_label("Thématique").select_option(label=theme.name)
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()

    assert parse_qs(urlsplit(page.url).query)["thematique"] == ["numerique"]
    assert announced_count(page) == shown_cards(page) == expected
    headings = page.locator("main section h2").all_inner_texts()
    assert headings == [theme.name]
    assert page.get_by_label("Thématique").input_value() == "numerique"  # the choice is kept

    # The address is the filtered list: reloading it shows the same thing.
    page.goto(page.url)
    assert announced_count(page) == shown_cards(page) == expected

    with page.expect_navigation():
        page.get_by_role("link", name="Effacer les filtres").click()
    assert announced_count(page) == total
