"""The groups of the protocol on a fresh site: created by the setup command
alone (no group made by the test), given members in the admin, and an
escalation reaches the agency's national group; with nobody to write to,
the délégué is warned and the log says so."""

import io
import logging

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db.models import Q

from engineering.models import EngineeringGroup, EngineeringRequest, RequestState, RoutingRule
from engineering.protocol.groups import ensure_teams
from engineering.protocol.roles import AGENCY, COMMITTEE, NATIONAL_GROUPS
from home.setup import LoadReport
from territories.models import Departement

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db
ADMIN = "/admin/ingenierie/"
TEAMS = "/admin/ingenierie/equipes/"
ESCALATION = {"ground": "fragilite", "justification": "Commune fragile, sans ingénierie locale."}


@pytest.fixture
def fresh_setup(territories, settings):
    """What ``make setup`` gives the engineering offer, and nothing else."""
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 1000
    assert not EngineeringGroup.objects.exists() and not RoutingRule.objects.exists()
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.gouv.fr", "pw-admin-123")


def person(django_user_model, username):
    """Someone with an account and no group yet: the admin gives them a role."""
    return django_user_model.objects.create_user(username, f"{username}@example.gouv.fr", "pw-test-123")


def add_to_group(client, administrator, group, *users):
    """Tick the users on the group's page of the "Équipes de l'ingénierie" screen."""
    client.force_login(administrator)
    response = client.post(f"{TEAMS}{group.pk}/", {"members": [user.pk for user in users]})
    assert response.status_code == 302, response.content.decode()[:2000]


def results(response) -> str:
    html = response.content.decode()
    return html[html.index('id="listing-results"') :]


def submit_and_confirm(client, commit):
    with commit():
        assert client.post(URL, form_data("08105")).status_code == 302
    engineering_request = EngineeringRequest.objects.get()
    with commit():
        client.post(f"/ingenierie/demande/confirmer/{engineering_request.confirmation_token}/")
    return engineering_request


def test_the_setup_creates_every_group_of_the_protocol_once(fresh_setup):
    departements = Departement.objects.exclude(zone="com").count()
    assert f"Groupes du protocole : {departements + 2} créé(s)" in fresh_setup
    assert dict(EngineeringGroup.objects.values_list("key", "group__name")) == NATIONAL_GROUPS
    assert RoutingRule.objects.count() == departements == 101
    ardennes = RoutingRule.objects.get(departement="08").team
    assert ardennes.name == "Délégation territoriale 08"
    protocol = Group.objects.filter(
        Q(engineering_role__isnull=False) | Q(engineering_routing_rules__isnull=False)
    )
    assert protocol.distinct().count() == departements + 2
    for group in protocol.distinct():
        assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"], group
    groups_before = Group.objects.count()
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    assert f"Groupes du protocole : 0 créé(s), 0 mis à jour, {departements + 2} inchangé(s)" in out.getvalue()
    assert Group.objects.count() == groups_before


def test_the_setup_keeps_a_renamed_group_and_its_members(fresh_setup, django_user_model):
    agency = EngineeringGroup.objects.get(key=AGENCY).group
    agency.name = "ANCT – pôle ingénierie"
    agency.save()
    member = person(django_user_model, "agente")
    member.groups.add(agency)
    call_command("setup_site", stdout=io.StringIO())
    assert EngineeringGroup.objects.get(key=AGENCY).group == agency
    assert list(agency.user_set.all()) == [member]
    assert not Group.objects.filter(name=NATIONAL_GROUPS[AGENCY]).exists()


def test_an_escalation_on_a_fresh_setup_reaches_the_national_group(
    client, fresh_setup, administrator, django_user_model, commit
):
    delegate = person(django_user_model, "delegue08")
    agent = person(django_user_model, "agente")
    add_to_group(client, administrator, RoutingRule.objects.get(departement="08").team, delegate)
    add_to_group(client, administrator, EngineeringGroup.objects.get(key=AGENCY).group, agent)
    engineering_request = submit_and_confirm(client, commit)
    assert mail.outbox[-1].to == ["delegue08@example.gouv.fr"]  # the team's new request

    client.force_login(delegate)
    with commit():
        response = client.post(f"{ADMIN}{engineering_request.pk}/action/escalate/", ESCALATION, follow=True)
    engineering_request.refresh_from_db()
    assert engineering_request.state == RequestState.NATIONAL_ESCALATION
    assert mail.outbox[-1].to == ["agente@example.gouv.fr"]
    assert engineering_request.reference in mail.outbox[-1].subject
    assert "Aucun courriel" not in response.content.decode()

    client.force_login(agent)
    assert client.get(f"{ADMIN}{engineering_request.pk}/").status_code == 200  # the agency sees it now


def test_an_escalation_nobody_receives_warns_the_delegate_and_is_logged(
    client, fresh_setup, administrator, django_user_model, commit, caplog
):
    delegate = person(django_user_model, "delegue08")
    add_to_group(client, administrator, RoutingRule.objects.get(departement="08").team, delegate)
    silent = person(django_user_model, "sans-adresse")
    silent.email = ""
    silent.save()
    add_to_group(client, administrator, EngineeringGroup.objects.get(key=AGENCY).group, silent)
    engineering_request = submit_and_confirm(client, commit)
    mail.outbox.clear()

    client.force_login(delegate)
    with caplog.at_level(logging.WARNING, logger="engineering.protocol.emails"), commit():
        response = client.post(f"{ADMIN}{engineering_request.pk}/action/escalate/", ESCALATION, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"{ADMIN}{engineering_request.pk}/"
    assert "c&#x27;est fait" in html or "c'est fait" in html
    assert "Aucun courriel n’a été envoyé au groupe « Agence – appui national »" in html
    assert mail.outbox == []
    assert any(
        "agency_escalation" in record.getMessage() and engineering_request.reference in record.getMessage()
        for record in caplog.records
    )


def test_the_teams_screen_shows_who_can_be_reached(client, fresh_setup, administrator, django_user_model):
    committee = EngineeringGroup.objects.get(key=COMMITTEE).group
    add_to_group(client, administrator, committee, person(django_user_model, "membre-comite"))
    html = results(client.get(TEAMS, {"q": "Comité"}))
    assert "Comité de suivi des projets" in html and "Personne à prévenir" not in html
    html = results(client.get(TEAMS, {"q": "Agence"}))
    assert "Agence – appui national" in html and "Personne à prévenir" in html
    page = client.get(f"{TEAMS}{committee.pk}/").content.decode()
    assert "membre-comite@example.gouv.fr" in page and 'type="checkbox"' in page


def test_the_teams_screen_is_for_administrators(client, fresh_setup, django_user_model):
    delegate = person(django_user_model, "delegue08")
    delegate.groups.add(RoutingRule.objects.get(departement="08").team)
    client.force_login(delegate)
    agency = EngineeringGroup.objects.get(key=AGENCY).group
    assert client.get(TEAMS).status_code in (302, 403)
    assert client.post(f"{TEAMS}{agency.pk}/", {"members": [delegate.pk]}).status_code in (302, 403)
    assert not agency.user_set.exists()


def test_the_teams_of_every_departement_are_created_in_a_few_queries(
    territories, django_assert_max_num_queries
):
    """The setup runs at every deployment: its 101 teams are not a dozen queries each."""
    with django_assert_max_num_queries(10):
        ensure_teams(LoadReport())
    assert RoutingRule.objects.count() == Departement.objects.exclude(zone="com").count() == 101
    with django_assert_max_num_queries(10):
        ensure_teams(LoadReport())
