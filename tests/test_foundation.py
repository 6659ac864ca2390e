"""The site shell: DSFR layout, French admin, error pages, settings safety, demo loader."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from wagtail.models import Page, Revision

ROOT = Path(__file__).resolve().parent.parent


def test_home_page_has_dsfr_header_footer_and_skip_links(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert 'class="fr-header"' in html and 'class="fr-footer"' in html
    assert "République<br>Française" in html
    assert "Agence nationale de la cohésion des territoires" in html
    assert 'class="fr-skiplinks"' in html and 'href="#content"' in html
    assert 'id="header-search-input"' in html and 'action="/recherche/"' in html
    for label in ("Plan du site", "Accessibilité : non conforme", "Mentions légales", "Données personnelles"):
        assert label in html, label


def test_footer_links_lead_to_the_legal_pages(client, home_page):
    html = client.get("/").content.decode()
    for path in ("/accessibilite/", "/mentions-legales/", "/donnees-personnelles/", "/plan-du-site/"):
        assert f'href="{path}"' in html, path
        assert client.get(path).status_code == 200, path


def test_main_menu_is_built_from_the_page_tree(client, home_page):
    page = home_page.get_children().get(slug="mentions-legales").specific
    page.show_in_menus = True
    page.save_revision().publish()
    html = client.get("/").content.decode()
    nav = html.split('id="fr-navigation"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/mentions-legales/"' in nav


def test_breadcrumb_on_a_sub_page(client, home_page):
    html = client.get("/mentions-legales/").content.decode()
    assert 'class="fr-breadcrumb"' in html
    assert 'aria-current="page">Mentions légales' in html


def test_404_page_uses_the_design(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html
    assert 'class="fr-header"' in html and 'class="fr-footer"' in html


def test_500_page_renders_without_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Erreur inattendue" in response.content.decode()


def test_admin_login_is_in_french(client, db):
    html = client.get("/admin/login/").content.decode()
    assert "Nom d’utilisateur" in html or "Identifiant" in html
    assert "Se connecter" in html or "S'identifier" in html


def _manage(*args, env_overrides):
    # The browser tests allow async-unsafe ORM calls in-process; a deployment never does.
    dropped = ("SECRET_KEY", "ALLOWED_HOSTS", "SITE_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


#: What production must say on its legal pages (home/checks.py).
LEGAL_SETTINGS = {
    "SITE_PUBLISHER_ADDRESS": "20 avenue de Ségur, 75007 Paris",
    "SITE_PUBLICATION_DIRECTOR": "Prénom Nom",
    "SITE_HOST": "Hébergeur, adresse, téléphone",
    "SITE_DPO_CONTACT": "dpd@anct.example",
    "SITE_ACCESSIBILITY_CONTACT": "accessibilite@anct.example",
}


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", env_overrides={"ALLOWED_HOSTS": "anct.example"})
    assert result.returncode != 0
    assert "SECRET_KEY manquant" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _manage("check", env_overrides={"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS manquant" in result.stderr


DEPLOYED = {"SECRET_KEY": "k" * 30 + "Zq8!x" * 10, "ALLOWED_HOSTS": "anct.example", **LEGAL_SETTINGS}


def test_deploy_check_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={**DEPLOYED, "SITE_BASE_URL": "https://anct.example"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_without_the_public_address():
    """Issue 20: e-mails linked to port 8000 and pages to http://localhost/."""
    result = _manage("check", "--deploy", env_overrides=DEPLOYED)
    assert result.returncode != 0
    assert "SITE_BASE_URL manquant" in result.stderr


def test_deploy_check_refuses_a_public_address_that_is_not_one():
    result = _manage("check", "--deploy", env_overrides={**DEPLOYED, "SITE_BASE_URL": "anct.example/accueil"})
    assert result.returncode != 0
    assert "home.E001" in result.stdout + result.stderr


def test_deploy_check_fails_while_the_legal_pages_miss_a_setting():
    settings = {**DEPLOYED, "SITE_BASE_URL": "https://anct.example"}
    del settings["SITE_DPO_CONTACT"]
    result = _manage("check", "--deploy", env_overrides=settings)
    assert result.returncode != 0
    assert (
        "SITE_DPO_CONTACT manquant" in result.stderr + result.stdout
        and "home.E002" in result.stderr + result.stdout
    )


def test_demo_loader_is_idempotent(db):
    call_command("load_demo_content", verbosity=0)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    snapshot = sorted(Page.objects.values_list("url_path", "title", "live"))
    call_command("load_demo_content", verbosity=0)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert sorted(Page.objects.values_list("url_path", "title", "live")) == snapshot
    assert pages > 3
