"""``manage.py setup_site`` gives production its shell and reference content,
and nothing of the demo; ``load_demo_content`` adds the demo on top. Both are
idempotent and say so in their summary line."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Workflow

from catalogue.models import Partner, TerritoryType, Theme
from home.models import FooterSettings, HomePage
from pactes.models import PactePage
from programmes.models import ProgrammePage


def _run(command: str) -> str:
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


@pytest.mark.django_db
def test_setup_site_builds_the_shell_and_reference_taxonomies_without_demo_content():
    first = _run("setup_site")
    home = HomePage.objects.get()
    footer = FooterSettings.for_site(home.get_site())
    assert footer.legal_notice_page.title == "Mentions légales"
    assert Workflow.objects.get(name="Relecture éditoriale").active
    assert Theme.objects.count() == 3
    assert TerritoryType.objects.filter(slug="qpv").exists()
    assert not ProgrammePage.objects.exists() and not PactePage.objects.exists()
    assert not Partner.objects.exists()
    assert "0 inchangé(s)" in first and "0 rejeté(s)" in first
    pages = Page.objects.count()
    second = _run("setup_site")
    assert "0 créé(s), 0 mis à jour" in second
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_the_demo_loads_on_top_of_the_setup_and_reports_a_second_run_unchanged():
    _run("setup_site")
    first = _run("load_demo_content")
    assert ProgrammePage.objects.live().count() == 29
    assert not first.startswith("Contenu de démonstration : 0 créé(s)")
    second = _run("load_demo_content")
    assert second.startswith("Contenu de démonstration : 0 créé(s), 0 mis à jour")
