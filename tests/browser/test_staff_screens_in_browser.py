"""The staff screens in Chromium, as the people who use them: an administrator
puts a délégué in the team of the Ardennes created by the setup, the délégué
finds the request in the listing, takes actions from its page and comes back
to it each time with a message; the consolidation and the unsent e-mails
open too. axe-core finds nothing on any of these admin pages."""

import pytest
from django.core.management import call_command

from .test_editorial_review_in_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN_PASSWORD = "mot-de-passe-admin"
DELEGATE_PASSWORD = "mot-de-passe-delegue"


@pytest.fixture
def staff_site(demo_site_url, django_user_model):
    """The demo site after the engineering setup, one confirmed request of the
    Ardennes, an administrator and a person who is in no group yet."""
    from engineering.protocol.workflow import apply_transition
    from territories.models import Commune
    from tests.engineering.factories import new_request

    call_command("setup_site", verbosity=0)
    django_user_model.objects.create_superuser("admin", "admin@example.gouv.fr", ADMIN_PASSWORD)
    django_user_model.objects.create_user(
        "delegue08",
        "delegue08@example.gouv.fr",
        DELEGATE_PASSWORD,
        first_name="Dominique",
        last_name="Lenoir",
    )
    engineering_request = new_request(Commune.objects.get(code="08105"))
    apply_transition(engineering_request, "confirm_email", None)
    return demo_site_url, engineering_request


def new_page(browser):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def messages_text(page) -> str:
    return page.locator(".messages").inner_text()


def settled(page):
    """The page once Wagtail's messages have faded in (a half-second transition):
    axe-core measures the contrast of what is drawn, and half-drawn text is paler."""
    page.wait_for_function(
        "() => { const list = document.querySelector('.messages > ul');"
        " return !list || getComputedStyle(list).opacity === '1'; }"
    )
    return page


def add_delegate_to_the_ardennes_team(browser, axe, base_url):
    context, page = new_page(browser)
    try:
        log_in(page, base_url, "admin", ADMIN_PASSWORD)
        page.goto(base_url + "/admin/ingenierie/equipes/?q=08")
        assert axe(settled(page)) == []
        with page.expect_navigation():
            page.get_by_role("link", name="Délégation territoriale 08").click()
        assert axe(settled(page)) == []
        page.get_by_label("Dominique Lenoir — delegue08@example.gouv.fr").check()
        with page.expect_navigation():
            page.locator("#w-editor-form button[type=submit]").first.click()
        assert "Membres du groupe « Délégation territoriale 08 » enregistrés." in messages_text(page)
        for path in ["/admin/ingenierie/courriels/", "/admin/ingenierie/consolidation/"]:
            assert page.goto(base_url + path).status == 200
            assert axe(settled(page)) == [], path
    finally:
        context.close()


def take_action(page, label, fields):
    """Open an action on the request's page, fill its form, send it."""
    action = page.locator("details", has=page.locator("summary", has_text=label))
    if action.get_attribute("open") is None:  # a refused action comes back open
        action.locator("summary").click()
    for field_label, value in fields.items():
        action.get_by_label(field_label).fill(value)
    with page.expect_navigation():
        action.get_by_role("button", name=label).click()


def test_the_staff_walk_stays_on_the_request_and_passes_axe(browser, axe, staff_site):
    from engineering.models import RequestState

    base_url, engineering_request = staff_site
    add_delegate_to_the_ardennes_team(browser, axe, base_url)

    context, page = new_page(browser)
    try:
        log_in(page, base_url, "delegue08", DELEGATE_PASSWORD)
        page.get_by_role("link", name="Demandes d'ingénierie").first.click()
        page.wait_for_url("**/admin/ingenierie/")
        assert axe(settled(page)) == []
        with page.expect_navigation():
            page.get_by_role("link", name=engineering_request.reference).click()
        inspect_url = f"{base_url}/admin/ingenierie/{engineering_request.pk}/"
        assert page.url == inspect_url
        assert axe(settled(page)) == []

        take_action(
            page, "Demander des compléments", {"Informations demandées au demandeur": "Quel calendrier ?"}
        )
        assert page.url == inspect_url and "c'est fait" in messages_text(page)
        assert page.locator("#request-state").inner_text() == str(RequestState.MORE_INFO_NEEDED.label)
        assert axe(settled(page)) == []

        take_action(page, "Compléments reçus : reprendre l'examen", {"Compléments reçus": ""})
        assert page.url.startswith(inspect_url)  # refused: the same page, the form open with its error
        assert "Résumez les compléments reçus." in page.locator("details[open]").inner_text()
        assert axe(settled(page)) == []

        take_action(page, "Compléments reçus : reprendre l'examen", {"Compléments reçus": "Travaux en 2027."})
        assert page.url == inspect_url and "c'est fait" in messages_text(page)
        assert page.locator("#request-state").inner_text() == str(RequestState.UNDER_TRIAGE.label)
    finally:
        context.close()
