"""The request form shows the field of the chosen kind of collectivité only, in
Chromium: without JavaScript through its "Afficher le champ de ce choix" button
(nothing typed is lost), with JavaScript in place; the commune field is the
commune combobox of "Ma commune"; axe-core finds nothing at 1280 and 375 px."""

import pytest

from .test_engineering_form_in_browser import DESCRIPTION, FORM, submit, tick
from .test_engineering_kinds_in_browser import choose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
KIND_FIELDS = ["collectivite", "departement", "region", "overseas_collectivite", "other_name"]
WIDTHS = [1280, 375]


@pytest.fixture
def form_url(demo_site_url, settings):
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 100
    settings.ENGINEERING_RATE_LIMIT_PER_EMAIL = 100
    return demo_site_url + FORM


def visible_kind_fields(page) -> list[str]:
    return [name for name in KIND_FIELDS if page.locator(f"[name={name}]").is_visible()]


def fill_the_rest(page):
    page.get_by_label("Nom et prénom").fill("Dominique Durand")
    tick(page, "requester_role")
    page.get_by_label("Adresse électronique").fill("dominique.durand@example.fr")
    page.get_by_label("Intitulé du projet").fill("Ouvrage d'art sur la Meuse")
    page.get_by_label("Description du projet et du besoin d'ingénierie").fill(DESCRIPTION)
    tick(page, "stage")
    tick(page, "consent")


def test_without_javascript_the_choice_first_then_its_field(browser, form_url):
    from engineering.models import EngineeringRequest

    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(form_url)
        assert visible_kind_fields(page) == ["collectivite"]
        assert page.locator("[name=requester_phone]").get_attribute("type") == "tel"
        assert "---------" not in page.content()
        page.get_by_label("Intitulé du projet").fill("Ouvrage d'art sur la Meuse")
        choose(page, "collectivite_kind", "departement")
        with page.expect_navigation():
            page.get_by_role("button", name="Afficher le champ de ce choix").click()
        assert visible_kind_fields(page) == ["departement"]
        assert page.locator("#error-summary").count() == 0
        assert page.evaluate("document.activeElement.name") == "departement"  # autofocus, no script
        assert page.get_by_label("Intitulé du projet").input_value() == "Ouvrage d'art sur la Meuse"
        page.locator("select[name=departement]").select_option("08")
        fill_the_rest(page)
        submit(page)
        assert "/envoyee/" in page.url, page.locator("main").inner_text()[:600]
        saved = EngineeringRequest.objects.get()
        assert (saved.collectivite_kind, saved.departement_id) == ("departement", "08")
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_with_javascript_the_choice_switches_the_field_in_place(browser, axe, form_url, width):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(form_url)
        assert page.get_by_role("button", name="Afficher le champ de ce choix").count() == 0
        assert visible_kind_fields(page) == ["collectivite"]
        assert axe(page) == []
        choose(page, "collectivite_kind", "region")
        assert visible_kind_fields(page) == ["departement", "region"]
        assert page.locator("label[for=id_departement]").inner_text().startswith("Département du siège")
        choose(page, "collectivite_kind", "com")
        assert visible_kind_fields(page) == ["overseas_collectivite"]
        options = page.locator("select[name=overseas_collectivite] option").all_inner_texts()
        assert "Polynésie française" in options and "Nouvelle-Calédonie" in options
        choose(page, "collectivite_kind", "departement")
        assert page.locator("label[for=id_departement]").inner_text().startswith("Département")
        assert "siège" not in page.locator("label[for=id_departement]").inner_text()
        submit(page)  # errors: the group in error is announced with its radios, axe still finds nothing
        assert visible_kind_fields(page) == ["departement"]
        described = page.evaluate("""() => document.querySelector('input[name=requester_role]')
            .getAttribute('aria-describedby').split(' ')
            .map((id) => document.getElementById(id).innerText).join(' ')""")
        assert "Indiquez votre fonction." in described
        assert axe(page) == []
    finally:
        context.close()


def test_the_commune_field_suggests_communes_and_keeps_the_chosen_one(page, form_url):
    from engineering.models import EngineeringRequest

    page.goto(form_url)
    field = page.get_by_role("combobox", name="Commune ou intercommunalité (EPCI)")
    field.fill("charleville-mez")
    page.get_by_role("listbox").wait_for()
    field.press("ArrowDown")
    field.press("Enter")
    assert field.input_value() == "Charleville-Mézières (08105)"
    assert "/ingenierie/demande/" in page.url
    fill_the_rest(page)
    page.get_by_label("Téléphone").fill("03 24 00 00 00")
    submit(page)
    assert EngineeringRequest.objects.get().commune_id == "08105"


def test_checking_a_commune_on_a_programme_page_lands_on_its_verdict(page, demo_site_url):
    from programmes.models import ProgrammePage

    programme = ProgrammePage.objects.get(slug="petites-villes-de-demain")
    page.goto(demo_site_url + programme.url)
    field = page.get_by_role("combobox", name="Votre commune")
    field.fill("charleville-mez")
    page.get_by_role("listbox").wait_for()
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_url(f"**/communes/08105/#programme-{programme.pk}")
    assert page.locator(f"#programme-{programme.pk}").count() == 1
