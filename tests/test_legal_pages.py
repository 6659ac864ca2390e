"""The legal pages a citizen acts on: in a production configuration they name the
publisher's address, the publication director, the host and the contacts (never
"à vérifier"), the personal-data page says how to exercise each right, and
``manage.py check --deploy`` fails while one of those settings is missing."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.core.checks import run_checks
from wagtail.models import Site

from core.upsert import LoadReport
from home.checks import REQUIRED
from home.models import FooterSettings
from home.setup import setup_site

PRODUCTION = {
    "SITE_PUBLISHER": "Agence nationale de la cohésion des territoires (ANCT)",
    "SITE_PUBLISHER_ADDRESS": "20 avenue de Ségur, 75007 Paris",
    "SITE_PUBLICATION_DIRECTOR": "Prénom Nom, directeur général",
    "SITE_HOST": "Hébergeur SAS, 1 rue de l’Exemple, 75000 Paris, 01 00 00 00 00",
    "SITE_DPO_CONTACT": "dpd@anct.example",
    "SITE_ACCESSIBILITY_CONTACT": "accessibilite@anct.example",
}


def legal_texts(client) -> dict[str, str]:
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    pages = {
        "notice": footer.legal_notice_page,
        "personal": footer.personal_data_page,
        "accessibility": footer.accessibility_page,
    }
    texts = {}
    for name, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200
        texts[name] = BeautifulSoup(response.content, "html.parser").find("main").get_text(" ", strip=True)
    return texts


@pytest.fixture
def production_settings(settings):
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    return settings


@pytest.mark.django_db
def test_a_production_configuration_leaves_nothing_to_check_on_the_legal_pages(client, production_settings):
    setup_site(LoadReport())
    texts = legal_texts(client)
    assert not [name for name, text in texts.items() if "à vérifier" in text]
    assert PRODUCTION["SITE_PUBLISHER_ADDRESS"] in texts["notice"]
    assert PRODUCTION["SITE_PUBLICATION_DIRECTOR"] in texts["notice"]
    assert PRODUCTION["SITE_HOST"] in texts["notice"]
    assert PRODUCTION["SITE_ACCESSIBILITY_CONTACT"] in texts["accessibility"]
    assert "Cette déclaration a été établie le" in texts["accessibility"]


@pytest.mark.django_db
def test_the_personal_data_page_says_how_to_exercise_each_right(client, production_settings):
    setup_site(LoadReport())
    text = legal_texts(client)["personal"]
    for right in (
        "Droit d’accès",
        "Droit de rectification",
        "Droit à l’effacement",
        "Droit d’opposition",
        "Droit à la limitation du traitement",
        "Réclamation auprès de la CNIL",
    ):
        assert right in text, right
    assert (
        f"écrivez au délégué à la protection des données de l’agence : {PRODUCTION['SITE_DPO_CONTACT']}"
        in text
    )
    assert "délai d’un mois" in text and "3 place de Fontenoy" in text


@pytest.mark.django_db
def test_without_the_settings_the_pages_say_what_is_unknown(client, settings):
    settings.SITE_PUBLISHER_ADDRESS = ""
    settings.SITE_DPO_CONTACT = ""
    setup_site(LoadReport())
    texts = legal_texts(client)
    assert "Adresse : à vérifier" in texts["notice"]
    assert "données de l’agence : à vérifier" in texts["personal"]


def legal_errors() -> list[str]:
    return [e.msg for e in run_checks(include_deployment_checks=True) if e.id == "home.E002"]


def test_the_deploy_check_fails_while_a_legal_setting_is_missing(production_settings):
    assert legal_errors() == []
    assert not [e for e in run_checks() if e.id == "home.E002"]  # only with --deploy
    for name in REQUIRED:
        value = getattr(production_settings, name)
        setattr(production_settings, name, "")
        assert legal_errors() == [f"{name} manquant : les pages légales doivent indiquer {REQUIRED[name]}."]
        setattr(production_settings, name, value)


def test_the_deploy_check_refuses_placeholders_and_demo_values(production_settings):
    production_settings.SITE_HOST = "à vérifier"
    production_settings.SITE_DPO_CONTACT = "[démonstration] dpd@exemple.invalid"
    assert len(legal_errors()) == 2


def test_make_run_shows_clearly_marked_demo_values(monkeypatch):
    for name in REQUIRED:
        monkeypatch.delenv(name, raising=False)
    dev = importlib.import_module("config.settings.dev")
    for name in REQUIRED:
        if name != "SITE_PUBLISHER":
            assert getattr(dev, name).startswith("[démonstration]"), name
