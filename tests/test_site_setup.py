"""``manage.py setup_site`` gives production its shell and reference content,
and nothing of the demo; ``load_demo_content`` adds the demo on top. Both are
idempotent and say so in their summary line."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Page, Task, Workflow

from catalogue.models import Partner, TerritoryType, Theme
from home.models import FooterSettings, HomePage
from home.setup import RETIRED_WORKFLOW, WAGTAIL_DEFAULT_WORKFLOW, retire_wagtail_default_workflow
from news.models import NewsIndexPage
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
    assert NewsIndexPage.objects.get().live
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


@pytest.mark.django_db
def test_the_admin_names_its_review_groups_and_permissions_in_french():
    """Wagtail's migrations make an English "Moderators approval" workflow and
    "Moderators" / "Editors" groups; Django names permissions "Can add …", Wagtail
    "Publish any page" (renamed after the test database's migrations)."""
    assert Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()  # as migrated
    _run("setup_site")
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Relecture éditoriale"]
    assert list(Task.objects.values_list("name", flat=True)) == ["Validation par les modérateurs"]
    assert set(Group.objects.values_list("name", flat=True)) >= {"Modérateurs", "Éditeurs"}
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    reviewers = Task.objects.get().specific.groups.values_list("name", flat=True)
    assert list(reviewers) == ["Modérateurs"]
    english = Permission.objects.filter(name__regex=r"^Can (add|change|delete|view) ")
    assert list(english.values_list("name", flat=True)) == []
    assert Permission.objects.get(codename="add_partner").name == "Peut ajouter partenaire"
    assert Permission.objects.get(codename="publish_page").name == "Peut publier toute page"
    assert not Permission.objects.filter(name__in=["Can access Wagtail admin", "Unlock any page"]).exists()


@pytest.mark.django_db
def test_a_default_workflow_that_ran_keeps_its_history_under_a_french_name(django_user_model):
    _run("setup_site")
    legacy = Workflow.objects.create(name=WAGTAIL_DEFAULT_WORKFLOW)
    task = Task.objects.get().specific
    legacy.workflow_tasks.create(task=task, sort_order=0)
    page = HomePage.objects.get()
    legacy.start(page, django_user_model.objects.create_superuser("editrice", "e@example.org", "x"))
    retire_wagtail_default_workflow()
    legacy.refresh_from_db()
    assert (legacy.name, legacy.active) == (RETIRED_WORKFLOW, False)
    assert legacy.workflow_states.exists()
