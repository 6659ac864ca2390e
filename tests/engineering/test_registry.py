"""The register of the protocol's actions: every action fully declared once,
every email it sends renders, national groups found by their key."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone

from engineering.models import EngineeringGroup, InformationRequest, RequestState, TransitionLog
from engineering.protocol.emails import render_email
from engineering.protocol.registry import ActionRegistry, actions
from engineering.protocol.roles import (
    AGENCY,
    COMMITTEE,
    NATIONAL_GROUPS,
    REQUESTER,
    TEAM,
    national_group,
    roles_of,
)
from engineering.protocol.workflow import apply_transition
from engineering.public.status import STATE_TEXTS

from .factories import new_request

S = RequestState


def targets(action):
    """The states an action can lead to (a decision's target depends on its outcome)."""
    return action.targets()


def test_every_action_has_both_labels_for_each_state_it_leads_to():
    for action in actions.values():
        assert str(action.label).strip(), action.name
        assert action.sources and action.roles, action.name
        for state in targets(action):
            assert state in S.values, (action.name, state)
            assert action.step_label(state).strip(), (action.name, state)


def test_every_state_is_reached_by_an_action_and_worded_for_the_requester():
    reached = set().union(*(targets(action) for action in actions.values()))
    assert reached == set(S) - {S.RECEIVED}
    assert set(STATE_TEXTS) == set(S)


def test_an_action_cannot_be_declared_twice():
    registry = ActionRegistry()
    registry.register("close", label="a", public_label="a", sources=[S.CLOSED], target=S.CLOSED, roles=[TEAM])
    with pytest.raises(ValueError, match="declared twice"):
        registry.register(
            "close", label="b", public_label="b", sources=[S.CLOSED], target=S.CLOSED, roles=[TEAM]
        )


@pytest.mark.django_db
def test_every_email_an_action_sends_renders_with_subject_and_body(territories):
    request = new_request(territories["08105"], title="Halle « couverte » & marché")
    context = {
        "engineering_request": request,
        "log": TransitionLog(request=request, comment="Motif précis."),
        "comment": "Motif précis.",
        "attachments": ["plan.pdf"],
        "staff_url": "https://exemple.gouv.fr/admin/ingenierie/1/",
        "question": InformationRequest(request=request, expires_at=timezone.now()),
        "reply_url": "https://exemple.gouv.fr/lien/",
    }
    notices = [notice for action in actions.values() for notice in action.notices]
    assert notices
    for notice in notices:
        assert notice.to in {TEAM, AGENCY, COMMITTEE, REQUESTER}, notice
        subject, body = render_email(notice.template, context)
        assert subject.startswith(f"{request.reference} : ") and "\n" not in subject, notice.template
        assert body.strip() and "{%" not in body and "{{" not in body, notice.template
        # Plain text: nothing is HTML-escaped.
        assert "&amp;" not in body and "&#x27;" not in body and "&quot;" not in body, notice.template


@pytest.mark.django_db
def test_a_renamed_national_group_keeps_its_role_and_its_emails(territories, make_user, commit):
    agency = national_group(AGENCY)
    agency.name = "Agence nationale – pôle ingénierie"
    agency.save()
    member = make_user("agente", [agency])
    request = new_request(territories["08105"])
    assert roles_of(member, request) == {AGENCY}
    assert (
        national_group(AGENCY) == agency and Group.objects.filter(name=NATIONAL_GROUPS[AGENCY]).count() == 0
    )
    delegate = make_user("delegue", [request.assigned_team])
    apply_transition(request, "confirm_email", None)
    with commit():
        apply_transition(
            request, "escalate", delegate, {"ground": "fragilite", "justification": "Commune très fragile."}
        )
    assert request.notifications.get(kind="agency_escalation").recipients == ["agente@example.gouv.fr"]


@pytest.mark.django_db
def test_the_data_migration_keys_the_groups_that_existed_by_name():
    migration = importlib.import_module("engineering.migrations.0003_national_group_keys")
    agency = Group.objects.create(name="Agence – appui national")
    Group.objects.create(name="Un autre groupe")
    migration.key_existing_groups(apps, None)
    migration.key_existing_groups(apps, None)  # idempotent
    assert dict(EngineeringGroup.objects.values_list("key", "group")) == {AGENCY: agency.pk}
    assert national_group(COMMITTEE).name == NATIONAL_GROUPS[COMMITTEE]
