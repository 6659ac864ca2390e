"""The Content-Security-Policy holds on the key pages in a real Chromium: no
violation reported, the design system's script runs (nonce), and an injected
inline script is refused (so the check can fail)."""

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
        assert "'nonce-" in script_src and "unsafe-inline" not in script_src, policy
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
