"""The way in, in Chromium: the home page asks for the commune with the same
combobox as /communes/; a commune named exactly opens its page; on a phone
(375 px) the button keeps its text label."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def site_url(live_server, real_territories):
    from home.setup import LoadReport, load_shell

    from .conftest import serve_default_site

    load_shell(LoadReport())
    return serve_default_site(live_server)


def test_an_exact_commune_goes_straight_to_its_page(page, site_url):
    page.goto(site_url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Quels programmes pour votre commune ?"
    field = page.get_by_role("combobox", name="Votre commune")
    label = page.locator("label[for=commune-search-input]")
    assert label.is_visible() and label.inner_text().startswith("Votre commune")
    field.fill("Charleville-Mézières")
    page.get_by_role("listbox").wait_for()  # the same suggestions as /communes/
    assert "Charleville-Mézières (08)" in page.get_by_role("option").first.inner_text()
    field.press("Enter")  # no suggestion chosen: the form is sent, one commune matches
    page.wait_for_url("**/communes/08105/")
    assert "Charleville-Mézières" in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("#header-search-input").input_value() == ""


def test_on_a_phone_the_button_keeps_its_text_label(browser, site_url):
    context = browser.new_context(locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        button = page.get_by_role("button", name="Voir ses programmes")
        field = page.get_by_role("combobox", name="Votre commune")
        box, text_width = (
            button.bounding_box(),
            button.evaluate(
                "b => { const r = document.createRange(); r.selectNodeContents(b); return r.getBoundingClientRect().width; }"
            ),
        )
        assert text_width > 60 and box["width"] >= text_width  # the words are drawn, not clipped to an icon
        assert box["x"] + box["width"] <= PHONE["width"] + 1
        assert field.bounding_box()["width"] >= 100  # room left to type
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    finally:
        context.close()
