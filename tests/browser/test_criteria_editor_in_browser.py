"""Editors enter criteria without mistakes, in Chromium: in the page editor a
partner's box sits beside its own name, and a département is found by typing
and shown once chosen (a searchable selector, not a 101-option list)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programme_edit_url(live_server, real_territories, django_user_model):
    from home.setup import LoadReport, load_shell
    from tests.factories import PartnerFactory, ProgrammeIndexPageFactory, ProgrammePageFactory

    from .conftest import serve_default_site

    home = load_shell(LoadReport())
    partners = [
        PartnerFactory(name="Agence nationale pour la rénovation urbaine", acronym="ANRU"),
        PartnerFactory(name="Association des petites villes de France", acronym="APVF"),
    ]
    index = ProgrammeIndexPageFactory(parent=home)
    page = ProgrammePageFactory(parent=index, title="Petites villes de demain", partners=partners[1:])
    django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-test")
    return f"{serve_default_site(live_server)}/admin/pages/{page.pk}/edit/"


def login(page, edit_url):
    page.goto(edit_url)
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("motdepasse-test")
    page.locator("#id_password").press("Enter")
    page.wait_for_url(edit_url)


def test_a_ticked_partner_box_sits_beside_its_own_name(page, programme_edit_url):
    login(page, programme_edit_url)
    page.get_by_role("tab", name="Classement & partenaires").click()
    apvf = page.get_by_role("checkbox", name="Association des petites villes de France (APVF)")
    anru = page.get_by_role("checkbox", name="Agence nationale pour la rénovation urbaine (ANRU)")
    assert apvf.is_checked() and not anru.is_checked()
    apvf.scroll_into_view_if_needed()
    box = apvf.bounding_box()
    # What the editor sees right after the box: the text drawn beside it.
    beside = apvf.evaluate(
        """box => { const r = document.createRange(); r.selectNodeContents(box.parentNode);
        r.setStartAfter(box); return {text: r.toString().trim(), ...r.getBoundingClientRect().toJSON()}; }"""
    )
    assert beside["text"] == "Association des petites villes de France (APVF)"
    text = beside
    assert abs((box["y"] + box["height"] / 2) - (text["y"] + text["height"] / 2)) < box["height"]
    assert 0 <= text["x"] - (box["x"] + box["width"]) < 40  # the name right after its box


def test_a_departement_is_found_by_typing_and_shown_once_chosen(page, programme_edit_url):
    login(page, programme_edit_url)
    page.get_by_role("tab", name="Éligibilité").click()
    widget = page.locator("[data-autocomplete-input-name=eligible_departements]")
    search = widget.locator("input[type=text]").first
    search.scroll_into_view_if_needed()
    search.fill("ardennes")
    widget.get_by_text("Ardennes (08)").first.click()
    # The selector draws the choice after the click: wait for it (5 s at most), as an
    # editor would look, before reading what the form will send.
    expect(
        widget.locator(".c-wagtailautocomplete__selection", has_text="Ardennes (08)").first
    ).to_be_visible()
    expect(widget.locator("input[type=hidden]").first).to_have_value(re.compile(r'"pk":\s*"08"'))
