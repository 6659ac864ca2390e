"""The Content-Security-Policy holds in a real Chromium: on the key pages no
violation is reported and the design system's script runs from the static
directory, while an injected inline script or a script from any other URL of
the site is refused (so the check can fail); the admin works under its own
policy."""

import pytest

from .test_key_pages_accessibility import KEY_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Runs before the page's own scripts (injected by the browser, not by the page).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(page):
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.add_init_script(WATCH_VIOLATIONS)
    page.console_errors = console
    return page


def violations(page):
    csp_console = [text for text in page.console_errors if "Content Security Policy" in text]
    return page.evaluate("window.__cspViolations") + csp_console


def test_no_csp_violation_on_key_pages(watched_page, demo_site_url):
    page = watched_page
    problems = {}
    for path in [*KEY_PAGES, "/ingenierie/demande/suivi/", "/plan-du-site/", "/mentions-legales/"]:
        response = page.goto(demo_site_url + path)
        policy = response.headers.get("content-security-policy", "")
        script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
        assert script_src.split() == ["script-src", demo_site_url + "/static/"], policy
        assert "camera=()" in response.headers.get("permissions-policy", "")
        page.wait_for_function("document.documentElement.getAttribute('data-fr-js') === 'true'")
        if found := violations(page):
            problems[path] = found
        page.console_errors.clear()
    assert problems == {}


def test_an_injected_inline_script_is_refused(watched_page, demo_site_url):
    page = watched_page
    page.goto(demo_site_url + "/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 1';"
        " document.body.appendChild(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__pwned") is None
    assert any("script-src" in violation for violation in violations(page))


def test_a_script_from_another_url_of_the_site_is_refused(watched_page, demo_site_url):
    """Only the static directory may serve scripts: not a document, not the API."""
    page = watched_page
    page.goto(demo_site_url + "/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.src = '/api/v1/programmes/';"
        " document.body.appendChild(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert any("/api/v1/programmes/" in violation for violation in violations(page))


def test_the_admin_works_under_its_own_policy(watched_page, demo_site_url, django_user_model):
    from programmes.models import ProgrammePage

    django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse-test")
    page = watched_page
    page.goto(demo_site_url + "/admin/login/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("motdepasse-test")
    page.locator("#id_password").press("Enter")
    page.wait_for_url(demo_site_url + "/admin/")
    response = page.goto(demo_site_url + "/admin/pages/")
    policy = response.headers.get("content-security-policy", "")
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy, policy
    programme = ProgrammePage.objects.get(slug="petites-villes-de-demain")
    page.goto(f"{demo_site_url}/admin/pages/{programme.pk}/edit/")
    page.get_by_role("tab", name="Éligibilité").click()  # the editor's scripts run
    assert page.locator("[data-autocomplete-input-name=eligible_departements]").is_visible()
    # The preview panel frames the page as the public will see it.
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("iframe[src*='/edit/preview/']")
    preview.locator("h1").filter(has_text="Petites villes de demain").wait_for()
    assert violations(page) == []
