"""axe-core (WCAG 2.1 A/AA rules) finds nothing on the pages people land on, with the
real demo content and the real territorial data, at desktop and phone widths."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY_PAGES = [
    "/",
    "/programmes/",
    "/programmes/?thematique=numerique",
    "/programmes/petites-villes-de-demain/",
    "/pactes/",
    "/pactes/pacte-ardennes/",
    "/formations/",
    "/offre-ingenierie/",
    "/recherche/?q=coeur+de+ville",
    "/recherche/?q=zzzz",
    "/communes/?q=charleville",
    "/communes/?q=saint-denis",
    "/communes/08105/",
    "/ingenierie/demande/",
]


def test_axe_finds_nothing_on_key_pages(page, axe, demo_site_url):
    problems = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in KEY_PAGES:
            response = page.goto(demo_site_url + path)
            if response.status != 200:
                problems[f"{path} @{width}px"] = [f"HTTP {response.status}"]
                continue
            violations = axe(page)
            if violations:
                problems[f"{path} @{width}px"] = violations
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
            if overflow:
                problems.setdefault(f"{path} @{width}px", []).append("défilement horizontal")
    assert problems == {}
