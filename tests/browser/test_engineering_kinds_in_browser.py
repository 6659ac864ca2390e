"""The request form after the site setup, in Chromium: the kinds of engineering
of the roadmap to tick, the purpose of the personal fields for autofill, the
file limits read with the file input, a département filing, and axe-core."""

import pytest
from django.core.management import call_command

from .test_engineering_form_in_browser import DESCRIPTION, FORM, submit, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def set_up_form(demo_site_url, settings):
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 100
    call_command("setup_site", verbosity=0)
    return demo_site_url + FORM


def choose(page, name, value):
    """Tick a choice on its label, as people do (DSFR draws the box there)."""
    box_id = page.locator(f"input[name={name}][value='{value}']").get_attribute("id")
    page.locator(f"label[for='{box_id}']").click()


def label_of(page, name, value) -> str:
    box_id = page.locator(f"input[name={name}][value='{value}']").get_attribute("id")
    return page.locator(f"label[for='{box_id}']").inner_text()


def test_the_form_offers_the_kinds_and_declares_the_personal_fields(page, axe, set_up_form):
    from engineering.models import EngineeringKind
    from engineering.setup import ENGINEERING_KINDS

    page.goto(set_up_form)
    boxes = page.locator("input[name=engineering_kinds]")
    assert boxes.count() == len(ENGINEERING_KINDS)
    for kind in EngineeringKind.objects.all():
        label = label_of(page, "engineering_kinds", kind.pk)
        assert kind.name in label and kind.description in label
    purposes = page.evaluate("""() => Object.fromEntries(
        ['requester_name', 'requester_email', 'requester_phone'].map(
            (name) => [name, document.querySelector(`[name=${name}]`).autocomplete]))""")
    assert purposes == {"requester_name": "name", "requester_email": "email", "requester_phone": "tel"}
    described = page.evaluate("""() => {
        const input = document.querySelector('input[type=file]');
        return input.getAttribute('aria-describedby').split(' ')
            .map((id) => document.getElementById(id).innerText).join(' ');
    }""")
    assert "fichiers au maximum" in described and "Mo au maximum" in described
    assert page.locator("main a[href='/ingenierie/demande/suivi/']").count() == 1
    assert page.locator("footer a[href='/ingenierie/demande/suivi/']").count() == 1
    assert axe(page) == []


def test_a_departement_files_with_a_kind_of_engineering(page, axe, set_up_form):
    from engineering.models import EngineeringKind, EngineeringRequest

    page.goto(set_up_form)
    choose(page, "collectivite_kind", "departement")
    submit(page)  # no département chosen yet: the error says so, axe still finds nothing
    assert "Choisissez le département." in page.locator("#error-summary").inner_text()
    assert axe(page) == []
    page.locator("select[name=departement]").select_option("08")
    page.get_by_label("Nom et prénom").fill("Dominique Durand")
    tick(page, "requester_role")
    page.get_by_label("Adresse électronique").fill("dominique.durand@example.fr")
    page.get_by_label("Intitulé du projet").fill("Ouvrage d'art sur la Meuse")
    page.get_by_label("Description du projet et du besoin d'ingénierie").fill(DESCRIPTION)
    tick(page, "stage")
    kind = EngineeringKind.objects.get(key="operateurs-premier-cercle")
    choose(page, "engineering_kinds", kind.pk)
    tick(page, "consent")
    submit(page)
    assert "/envoyee/" in page.url, page.locator("main").inner_text()[:800]
    saved = EngineeringRequest.objects.get()
    assert (saved.collectivite_kind, saved.departement_id) == ("departement", "08")
    assert list(saved.engineering_kinds.all()) == [kind]
