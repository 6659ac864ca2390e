"""Published by editors through review: an editor drafts a programme in the Wagtail
admin and submits it to the "Relecture éditoriale" workflow that the demo loader
attaches to the home page; the page stays off the public site until a moderator
approves it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Programme de démonstration en relecture"


@pytest.fixture
def people(demo_site_url):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    User.objects.create_superuser("editrice", "editrice@example.fr", "mot-de-passe-editrice")
    moderator = User.objects.create_user("moderateur", "moderateur@example.fr", "mot-de-passe-moderateur")
    moderator.groups.add(Group.objects.get(name="Modérateurs"))
    return demo_site_url


def log_in(page, base_url, username, password):
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert "/admin/login/" not in page.url, f"{username} n'a pas pu se connecter"


def test_programme_goes_live_only_once_a_moderator_approves(browser, people):
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    base_url = people
    index = ProgrammeIndexPage.objects.get()

    editor = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = editor.new_page()
    page.set_default_timeout(15_000)
    try:
        log_in(page, base_url, "editrice", "mot-de-passe-editrice")
        # The page explorer, from the root to the programme index.
        page.goto(f"{base_url}/admin/pages/{index.get_parent().pk}/")
        with page.expect_navigation():
            page.locator(f"main a[href$='/admin/pages/{index.pk}/']").first.click()
        assert page.url.endswith(f"/admin/pages/{index.pk}/")
        with page.expect_navigation():
            page.get_by_role("link", name="Ajouter une sous-page").first.click()
        assert "/admin/pages/add/programmes/programmepage/" in page.url  # the only page type allowed

        page.locator("#id_title").fill(TITLE)
        page.locator("#id_summary").fill(
            "Un programme saisi dans l'interface d'administration pour vérifier "
            "la relecture avant publication."
        )
        page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
        submit = page.locator("button[name=action-submit]")
        assert "Relecture éditoriale" in submit.inner_text()
        with page.expect_navigation():
            submit.click()

        assert "soumise pour modération" in page.locator(".messages").inner_text()
        draft = ProgrammePage.objects.child_of(index).get(title=TITLE)
        public_url = f"{base_url}{index.url}{draft.slug}/"
        assert not draft.live
        assert draft.current_workflow_state.workflow.name == "Relecture éditoriale"
        assert draft.current_workflow_task.name == "Validation par les modérateurs"
        assert page.request.get(public_url).status == 404  # not on the public site
    finally:
        editor.close()

    moderation = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = moderation.new_page()
    page.set_default_timeout(15_000)
    try:
        log_in(page, base_url, "moderateur", "mot-de-passe-moderateur")
        # The dashboard lists what awaits this moderator's review.
        assert page.get_by_role("link", name=TITLE).first.is_visible()
        with page.expect_navigation():
            page.get_by_role("link", name=TITLE).first.click()
        assert f"/admin/pages/{draft.pk}/edit/" in page.url
        page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
        approve = page.locator(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
        with page.expect_navigation():
            approve.click()

        draft.refresh_from_db()
        assert draft.live
        assert draft.current_workflow_state is None
    finally:
        moderation.close()

    visitor = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = visitor.new_page()
    try:
        response = page.goto(public_url)
        assert response.status == 200
        assert page.get_by_role("heading", level=1).inner_text() == TITLE
        page.goto(base_url + index.url)
        assert page.get_by_role("link", name=TITLE).count() == 1  # listed on the programme index
    finally:
        visitor.close()
