"""Real headless Chromium (Debian's package, driven by Playwright) against the live
test server, with axe-core from npm for accessibility checks."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the live server and
# the ORM calls of the test itself are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium introuvable : `make test` doit l'installer (paquet Debian chromium).")
        pytest.skip("Chromium n'est pas installé (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail("axe-core manquant : lancez `npm ci` (make install).")
    return AXE_JS.read_text()


@pytest.fixture
def axe(axe_source):
    """Run axe-core on the current page; return violations as readable strings."""

    def run(page, context=None):
        # Evaluated through the DevTools protocol: an inline <script> tag would be
        # refused by the site's Content-Security-Policy, as it should be.
        page.evaluate(axe_source)
        result = page.evaluate(
            """async (ctx) => await axe.run(ctx || document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })""",
            context,
        )
        assert result["passes"], "axe-core n'a vérifié aucune règle"
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(
                node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                for node in v["nodes"][:5]
            )
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def no_js_page(browser):
    """A page whose context has JavaScript disabled: what the site must still do."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def serve_default_site(live_server) -> str:
    """Point the default Wagtail site at the live server; return its base URL
    (``localhost``, the site's hostname, so page URLs resolve)."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url.replace("127.0.0.1", "localhost")


@pytest.fixture
def demo_site_url(live_server):
    """The real territorial reference data and the demo content, served live.

    The first test of the process to need the demo loads it with
    ``load_demo_content``; the later ones get the same rows back after the flush that
    ended the previous test (``tests/demo_rows.py``). Ask for it before any fixture
    that writes: it replaces whatever the flushed tables hold."""
    from django.core.cache import cache

    from tests.conftest import ensure_territorial_data
    from tests.demo_rows import load_demo

    cache.clear()
    # Kept by the flush between live tests: checked, not re-read. Imported again (a
    # test migrating the schema back and forth may empty a table), the demo's links
    # to départements and régions would name old rows: the demo is then loaded again.
    ensure_territorial_data()
    load_demo()
    return serve_default_site(live_server)
