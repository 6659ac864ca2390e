"""axe-core finds nothing on the pages of issue 23 at 1280 and 375 pixels:
intercommunality (EPCI, EPT) and département pages (a DROM, a COM) on the real
data and official lists, their indexes, the territories in "Ma commune" and
in the site search, and the alerts' pages (form, its errors, confirmation,
manage page)."""

import pytest

from tests.finder.conftest import ensure_reference_lists

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def territory_site(demo_site_url):
    from alerts import subscriptions, targets, tokens

    ensure_reference_lists()  # in the template test database already
    subscription = subscriptions.subscribe(
        targets.parse("intercommunalite:200041630"), "maire@example.fr", "hebdomadaire", "accord"
    )
    return demo_site_url, tokens.confirm_token(subscription), tokens.manage_token(subscription)


def check(page, axe, base, path, width, problems):
    response = page.goto(base + path)
    key = f"{path} @{width}px"
    if response.status != 200:
        problems[key] = [f"HTTP {response.status}"]
        return
    violations = axe(page)
    if violations:
        problems[key] = violations
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
        problems.setdefault(key, []).append("défilement horizontal")


def test_axe_finds_nothing_on_the_territory_and_alert_pages(page, axe, territory_site):
    base, confirm_token, manage_token = territory_site
    paths = [
        "/intercommunalites/200041630/",
        "/intercommunalites/200057875/",
        "/departements/08/",
        "/departements/971/",
        "/departements/977/",
        "/intercommunalites/",
        "/departements/",
        "/communes/?q=ardenne+metropole",
        "/recherche/?q=Ardenne+M%C3%A9tropole",
        "/alertes/abonnement/?territoire=intercommunalite:200041630",
        f"/alertes/confirmer/{confirm_token}/",
        f"/alertes/gerer/{manage_token}/",
    ]
    problems = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            check(page, axe, base, path, width, problems)
        # The form sent empty: its error summary, focused, and the fields in error.
        page.goto(base + "/alertes/abonnement/?territoire=commune:08105")
        page.click("#alert-subscription-form button[type=submit]")
        page.wait_for_selector("#error-summary")
        assert page.evaluate("document.activeElement.id") == "error-summary"
        violations = axe(page)
        if violations:
            problems[f"formulaire en erreur @{width}px"] = violations
    assert problems == {}
