"""SITE_BASE_URL, the public address: the source of every absolute link, set by `make run`
and `make serve` to the address they serve, with Wagtail's Site kept in step. Issue 20:
confirmation e-mails linked to port 8000 whatever the port, and canonical addresses, the
sitemap, feeds and the API said http://localhost/."""

import os
import shutil
import subprocess

import pytest
from wagtail.models import Site

from core.upsert import LoadReport
from home.models import StandardPage
from home.setup import ensure_home_page
from tests.serving.conftest import ROOT

pytestmark = pytest.mark.django_db


def test_setup_site_gives_the_default_site_the_public_address(home_page, settings):
    settings.SITE_BASE_URL = "http://127.0.0.1:8123"
    ensure_home_page(LoadReport())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    page = StandardPage(title="Appel à projets", slug="appel-a-projets")
    home_page.add_child(instance=page)
    assert page.full_url == "http://127.0.0.1:8123/appel-a-projets/"
    settings.SITE_BASE_URL = "https://anct.example"
    ensure_home_page(LoadReport())
    assert Site.objects.get(is_default_site=True).root_url == "https://anct.example"


def test_links_never_follow_the_host_a_visitor_sent(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["testserver", "autre-nom.example"]
    settings.SITE_BASE_URL = "https://anct.example"
    robots = client.get("/robots.txt", HTTP_HOST="autre-nom.example").content.decode()
    assert "Sitemap: https://anct.example/sitemap.xml" in robots
    html = client.get("/plan-du-site/", HTTP_HOST="autre-nom.example").content.decode()
    assert '<link rel="canonical" href="https://anct.example/plan-du-site/"' in html
    assert "autre-nom.example" not in html


@pytest.mark.parametrize(
    ("target", "expected"), [("run", "http://127.0.0.1:8123"), ("serve", "http://127.0.0.1:8123")]
)
def test_make_run_and_serve_give_the_address_they_serve(tmp_path, target, expected):
    """Every command of the target (setup_site, the mail worker, the server) gets it:
    a stand-in Python and bash record what they were given instead of running."""
    log = tmp_path / "log"
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    recorder = f'#!/bin/sh\necho "$SITE_BASE_URL $*" >> {log}\n'
    for name in ("python", "bash"):
        (venv / "bin" / name).write_text(recorder)
        (venv / "bin" / name).chmod(0o755)
    (venv / ".installed").touch()
    if not (ROOT / "node_modules" / ".installed").exists():
        pytest.skip("node_modules absent (make install)")
    env = {k: v for k, v in os.environ.items() if k != "SITE_BASE_URL"}
    env["PATH"] = f"{venv / 'bin'}:{env['PATH']}"
    subprocess.run(
        [shutil.which("make"), "-s", target, f"VENV={venv}", "PORT=8123", "SHELL=/bin/sh"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    commands = log.read_text().splitlines()
    served = [line for line in commands if "runserver" in line or "tools/serve/run.sh" in line]
    assert served and all(line.startswith(expected + " ") for line in commands), commands
    assert any("setup_site" in line for line in commands)
