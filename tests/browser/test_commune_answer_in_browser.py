"""The commune page answers first: on a phone (375 px) the first screen holds
its verdicts, and axe-core finds nothing on the commune and data pages, with the
real reference data, the shipped official lists and the demo content."""

import pytest

from tests.finder.conftest import ensure_reference_lists

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def site_with_lists(demo_site_url):
    ensure_reference_lists()  # what make run imports, once: the flush keeps it
    return demo_site_url


def test_on_a_phone_the_first_screen_holds_the_verdicts(page, site_with_lists):
    page.set_viewport_size(PHONE)
    page.goto(site_with_lists + "/communes/08105/")
    first = page.locator(".anct-evaluation").first
    box = first.bounding_box()
    assert box is not None
    assert box["y"] < PHONE["height"], f"first verdict at {box['y']} px"
    badge = first.locator(".fr-badge").first
    assert badge.bounding_box()["y"] + badge.bounding_box()["height"] <= PHONE["height"]
    assert page.locator(".anct-answer").is_visible()


def test_axe_finds_nothing_on_the_commune_and_data_pages(page, axe, site_with_lists):
    problems = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/communes/08105/", "/communes/97701/", "/communes/98412/", "/communes/donnees/"):
            response = page.goto(site_with_lists + path)
            assert response.status == 200, path
            violations = axe(page)
            if violations:
                problems[f"{path} @{width}px"] = violations
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
                problems.setdefault(f"{path} @{width}px", []).append("défilement horizontal")
    assert problems == {}


def test_the_print_stylesheet_fits_the_commune_sheet_on_a4(page, site_with_lists):
    page.goto(site_with_lists + "/communes/08105/")
    page.emulate_media(media="print")
    assert not page.locator("header.fr-header").is_visible()
    assert page.locator(".anct-evaluation").first.is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"


@pytest.mark.parametrize("width,height", [(1280, 800), (375, 740)])
def test_the_contacts_and_the_request_button_are_in_the_first_two_screens(
    page, site_with_lists, width, height
):
    """Right after the answer: the délégué, his single desk and the request button
    (Charleville is already in several programmes, Vouziers in none)."""
    page.set_viewport_size({"width": width, "height": height})
    for code in ("08105", "08490"):
        page.goto(site_with_lists + f"/communes/{code}/")
        contacts = page.locator("#contacts").bounding_box()
        button = page.locator("#contacts a", has_text="Demander un appui en ingénierie").bounding_box()
        assert contacts["y"] < 2 * height, (code, width, contacts)
        assert button["y"] + button["height"] <= 2 * height, (code, width, button)
        # The in-page navigation leads to each section.
        page.locator(".fr-summary a", has_text="Chiffres clés").click()
        assert page.evaluate("location.hash") == "#facts-title"
