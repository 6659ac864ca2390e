"""The admin speaks French, in Chromium with the demo content: every screen an
editor opens (dashboard, page explorer and editors with each of their tabs,
snippets, settings, users and groups, workflows, reports, the agency's own
screens) shows none of the English words and phrases that Wagtail, its
add-ons or Django's defaults put there when nothing translates them. What is
read is what people meet: the visible text, the text kept for screen readers
and the labels of controls, after the page's scripts have run (the searchable
selector writes its texts in the browser)."""

import re
import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: English that leaks into a Wagtail admin: from wagtail-autocomplete's bundle,
#: Wagtail's default workflow and groups, Django's permission names, and
#: Wagtail's own labels should its French catalogue not load.
KNOWN_ENGLISH = [
    r"Nothing selected",
    r"\bRemove\b",
    r"suggestions? found",
    r"arrows to review",
    r"Create new",
    r"Moderators",
    r"\bEditors\b",
    r"\bapproval\b",
    r"\bCan (add|change|delete|view)\b",
    r"\bSave draft\b",
    r"\bPublish\b",
    r"\bDashboard\b",
    r"\bSettings\b",
    r"\bSnippets\b",
    r"\bReports\b",
    r"\bLog out\b",
    r"\bAdd child page\b",
    r"\bSort by\b",
    r"\bEdit\b",
    r"\bDelete\b",
    r"\bHistory\b",
    r"\bSearch\b",
    r"\bThis field is required\b",
]
ENGLISH = re.compile("|".join(f"(?:{phrase})" for phrase in KNOWN_ENGLISH))

READ_PAGE = """() => {
    const texts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = el.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts.join('\\n');
}"""


class RequestsInFlight:
    """The page's requests not yet answered. ``settle()`` returns once none is left
    and none started for ``quiet_ms``: the searchable selector asks the server for its
    choices after the load event and writes its texts when they come back.
    Playwright's ``networkidle`` waits 500 ms of silence on every screen; the screens
    here have nothing else in flight after load but the favicon."""

    def __init__(self, page):
        self.page, self.pending = page, set()
        page.on("request", lambda request: self.pending.add(request))
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on("requestfailed", lambda request: self.pending.discard(request))

    def settle(self, quiet_ms=100, timeout_s=20):
        """Fails, naming what is still pending, rather than wait forever on a request
        that never ends."""
        deadline = time.monotonic() + timeout_s
        while True:
            while self.pending:
                assert time.monotonic() < deadline, sorted(request.url for request in self.pending)
                self.page.wait_for_timeout(10)
            self.page.wait_for_timeout(quiet_ms)
            if not self.pending:
                return


@pytest.fixture
def admin_paths(demo_site_url, django_user_model):
    """The screens to read, with the demo's own pages and objects."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Site, Workflow

    from catalogue.models import Partner

    django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-test")
    page_id = {page.slug: page.pk for page in Page.objects.filter(depth__gte=2)}
    home = Site.objects.get(is_default_site=True).root_page_id
    return demo_site_url, [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home}/",
        f"/admin/pages/{page_id['programmes']}/",
        f"/admin/pages/{home}/edit/",
        f"/admin/pages/{page_id['petites-villes-de-demain']}/edit/",
        f"/admin/pages/{page_id['france-services']}/edit/",
        f"/admin/pages/{page_id['pacte-ardennes']}/edit/",
        f"/admin/pages/{page_id['bassin-minier']}/edit/",
        f"/admin/pages/{page_id['actualites']}/edit/",
        f"/admin/pages/{page_id['formations']}/edit/",
        f"/admin/pages/{page_id['mentions-legales']}/edit/",
        f"/admin/pages/add/news/newspage/{page_id['pacte-ardennes']}/",
        f"/admin/pages/{page_id['petites-villes-de-demain']}/history/",
        "/admin/pages/search/?q=ville",
        "/admin/snippets/",
        "/admin/snippets/catalogue/theme/",
        "/admin/snippets/catalogue/partner/",
        f"/admin/snippets/catalogue/partner/edit/{Partner.objects.order_by('pk').first().pk}/",
        "/admin/snippets/catalogue/territorytype/add/",
        "/admin/snippets/catalogue/source/add/",
        "/admin/snippets/engineering/routingrule/add/",
        "/admin/snippets/site_search/searchsynonym/add/",
        "/admin/settings/home/footersettings/",
        "/admin/users/",
        "/admin/users/new/",
        "/admin/groups/",
        "/admin/groups/new/",
        f"/admin/groups/edit/{Group.objects.get(name='Modérateurs').pk}/",
        "/admin/workflows/list/",
        f"/admin/workflows/edit/{Workflow.objects.get(name='Relecture éditoriale').pk}/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/site-history/",
        "/admin/reports/page-types-usage/",
        "/admin/rapports/criteres-sans-source/",
        "/admin/communes/listes/importer/",
        "/admin/ingenierie/",
        "/admin/ingenierie/courriels/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/redirects/",
        "/admin/account/",
    ]


def test_no_english_on_the_admin_screens_of_the_demo(page, admin_paths):
    base_url, paths = admin_paths
    page.set_default_timeout(20_000)
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("motdepasse-test")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    found, read, in_flight = {}, 0, RequestsInFlight(page)
    for path in paths:
        response = page.goto(base_url + path)
        assert response.status == 200, f"{path} : HTTP {response.status}"
        in_flight.settle()
        texts = [page.evaluate(READ_PAGE)]
        tabs = page.locator("main [role=tab]")
        for position in range(tabs.count()):
            if tabs.nth(position).is_visible():
                tabs.nth(position).click()
                texts.append(page.evaluate(READ_PAGE))
        lines = {line.strip() for text in texts for line in text.splitlines() if line.strip()}
        read += len(lines)
        english = sorted(line[:120] for line in lines if ENGLISH.search(line))
        if english:
            found[path] = english
    assert read > 2000, "the screens were not read"
    assert found == {}


def test_the_searchable_selector_speaks_french_and_shows_its_choice(page, admin_paths, axe):
    """The EPCI of a partial perimeter: found by typing, chosen, readable, in French."""
    from pactes.models import PactePage

    base_url, _paths = admin_paths
    pacte = PactePage.objects.get(slug="pacte-ardennes")
    page.goto(f"{base_url}/admin/pages/{pacte.pk}/edit/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("motdepasse-test")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    page.get_by_role("tab", name="Territoire & signataires").click()
    widget = page.locator("[data-autocomplete-input-name=perimeter_epcis]")
    assert "Aucune valeur choisie." in widget.inner_text()
    search = widget.get_by_role("combobox")
    search.fill("ardenne metropole")
    announcement = widget.locator("[aria-live]")
    announcement.wait_for(state="attached")
    assert " ".join(announcement.inner_text().split()) == (
        "1 suggestion trouvée : parcourez-les avec les flèches haut et bas."
    )
    widget.get_by_text("CA Ardenne Métropole (SIREN 200041630)").click()
    chosen = widget.locator(".c-wagtailautocomplete__selection")
    assert chosen.inner_text().startswith("CA Ardenne Métropole (SIREN 200041630)")
    assert chosen.get_by_role("button").inner_text().strip() == "Retirer"
    colour = chosen.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != "rgb(255, 126, 119)", "the chosen value is no longer a red chip"
    assert "Aucune valeur choisie." not in widget.inner_text()
    assert axe(page, {"include": [["[data-autocomplete-input-name=perimeter_epcis]"]]}) == []
