"""The engineering request form as an elected official or an agent fills it in, with
and without JavaScript, on the real territorial reference data."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORM = "/ingenierie/demande/"
DESCRIPTION = (
    "Réhabiliter la halle du centre-ville en tiers-lieu : nous cherchons un appui "
    "pour l'étude de programmation et le montage financier."
)


@pytest.fixture
def form_url(demo_site_url, settings):
    # Every POST of the test counts against the per-address limit.
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 100
    settings.ENGINEERING_RATE_LIMIT_PER_EMAIL = 100
    return demo_site_url + FORM


def submit(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer la demande").click()


def tick(page, name):
    """Tick the first choice of ``name`` the way people do: on its label (DSFR
    draws the box on the label, over the native input)."""
    box_id = page.locator(f"input[name={name}]").first.get_attribute("id")
    page.locator(f"label[for='{box_id}']").click()


def fill_everything(page, description):
    page.get_by_label("Commune ou intercommunalité (EPCI)").fill("Charleville-Mézières")
    page.get_by_label("Nom et prénom").fill("Camille Martin")
    tick(page, "requester_role")
    page.get_by_label("Adresse électronique").fill("camille.martin@example.fr")
    page.get_by_label("Téléphone").fill("03 24 00 00 00")
    page.get_by_label("Intitulé du projet").fill("Halle du centre-ville")
    page.get_by_label("Description du projet et du besoin d'ingénierie").fill(description)
    tick(page, "themes")
    tick(page, "stage")
    tick(page, "consent")


def typed_values(page) -> dict:
    return page.evaluate("""() => {
        const form = document.getElementById('engineering-request-form');
        const values = {};
        for (const el of form.elements) {
            if (!el.name || el.type === 'hidden' || el.type === 'file' || el.type === 'submit') continue;
            if (el.type === 'radio' || el.type === 'checkbox') {
                if (el.checked) (values[el.name] = values[el.name] || []).push(el.value);
            } else {
                values[el.name] = el.value;
            }
        }
        return values;
    }""")


def check_error_summary(page):
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.title().startswith("Erreur")
    # The summary is the first thing after the page title.
    assert page.evaluate(
        "document.querySelector('main h1').nextElementSibling === document.getElementById('error-summary')"
    )
    # Focus is on the summary when the page opens (autofocus: no script needed).
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = summary.locator("a")
    assert links.count() >= 6
    problems = []
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href").lstrip("#")
        link.click()
        focused = page.evaluate(
            "[document.activeElement.id, document.activeElement.tagName, "
            "document.activeElement.getAttribute('aria-invalid'), "
            "!!document.activeElement.closest('.fr-fieldset--error, .fr-input-group--error, "
            ".fr-checkbox-group--error, .fr-upload-group--error')]"
        )
        if focused[0] != target or focused[1] not in ("INPUT", "TEXTAREA", "SELECT"):
            problems.append(
                f"{link.inner_text()} : focus sur {focused[1]} « {focused[0]} », lien vers « {target} »"
            )
        elif focused[2] != "true" and not focused[3]:
            problems.append(f"{target} n'est pas signalé en erreur")
    assert problems == []


@pytest.mark.parametrize("js_enabled", [True, False], ids=["js", "sans-js"])
def test_request_form_errors_then_submission(browser, axe, form_url, js_enabled):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", java_script_enabled=js_enabled)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(form_url)
        submit(page)
        check_error_summary(page)
        if js_enabled:
            assert axe(page) == []

        # Everything filled but a description that is too short: nothing typed is lost.
        fill_everything(page, "Trop court.")
        before = typed_values(page)
        submit(page)
        assert page.locator("#error-summary").is_visible()
        assert "trop courte" in page.locator("#error-summary").inner_text()
        after = typed_values(page)
        assert after == before

        page.get_by_label("Description du projet et du besoin d'ingénierie").fill(DESCRIPTION)
        submit(page)
        assert page.locator("#error-summary").count() == 0, page.locator("#error-summary").inner_text()
        assert "/envoyee/" in page.url, (page.url, page.locator("main").inner_text()[:600])
        assert page.get_by_role("heading", level=1).inner_text() == "Demande envoyée"
        reference = page.locator("#tracking-reference").inner_text()
        assert re.fullmatch(r"ING-\d{4}-08-\d{5}", reference), reference

        from engineering.models import EngineeringRequest

        saved = EngineeringRequest.objects.get(reference=reference)
        assert saved.title == "Halle du centre-ville"
        assert saved.requester_email == "camille.martin@example.fr"
        assert saved.commune_id == "08105"  # Charleville-Mézières, typed by name
    finally:
        context.close()
