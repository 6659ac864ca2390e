"""The protocol's state machine: both paths, and every illegal transition refused."""

import datetime

import pytest

from engineering.models import (
    ActivatedInstrument,
    CommitteeDecision,
    EngineeringRequest,
    RequestState,
    TransitionLog,
)
from engineering.protocol.errors import IllegalTransition, InvalidTransitionData, TransitionForbidden
from engineering.protocol.registry import actions as ACTIONS
from engineering.protocol.workflow import allowed_actions, apply_transition

from .factories import new_request

S = RequestState
pytestmark = pytest.mark.django_db


@pytest.fixture
def request_08(territories, people):
    return new_request(territories["08105"])


def local_path(req, people):
    delegate = people["ardennes"]
    apply_transition(req, "confirm_email", None)
    apply_transition(req, "request_more_info", delegate, {"comment": "Quel est le calendrier des travaux ?"})
    apply_transition(req, "info_received", delegate, {"comment": "Travaux prévus en 2027."})
    apply_transition(
        req,
        "designate_local_contact",
        delegate,
        {
            "contact_kind": "ddt",
            "contact_name": "Service aménagement de la DDT",
            "contact_details": "ddt@example.fr",
        },
    )
    apply_transition(req, "start_local_follow_up", delegate, {})
    apply_transition(req, "close", delegate, {"comment": "Étude de structure engagée par la DDT."})


def test_local_path_ends_closed_with_every_step_logged(request_08, people):
    local_path(request_08, people)
    request_08.refresh_from_db()
    assert request_08.state == S.CLOSED
    assert request_08.triaged_at and request_08.closed_at
    steps = list(
        TransitionLog.objects.filter(request=request_08).values_list("action", "from_state", "to_state")
    )
    assert steps == [
        ("confirm_email", S.RECEIVED, S.UNDER_TRIAGE),
        ("request_more_info", S.UNDER_TRIAGE, S.MORE_INFO_NEEDED),
        ("info_received", S.MORE_INFO_NEEDED, S.UNDER_TRIAGE),
        ("designate_local_contact", S.UNDER_TRIAGE, S.LOCAL_ANSWER),
        ("start_local_follow_up", S.LOCAL_ANSWER, S.LOCAL_FOLLOW_UP),
        ("close", S.LOCAL_FOLLOW_UP, S.CLOSED),
    ]
    assert request_08.local_answer.contact_name == "Service aménagement de la DDT"


def test_national_path_to_closure(request_08, people, operators):
    apply_transition(request_08, "confirm_email", None)
    apply_transition(
        request_08,
        "escalate",
        people["ardennes"],
        {"ground": "innovant", "justification": "Ouvrage d'art : ingénierie rare du CEREMA."},
    )
    apply_transition(request_08, "submit_to_committee", people["agency"], {})
    apply_transition(
        request_08,
        "record_decision",
        people["committee"],
        {"outcome": "validee", "decided_on": "2026-03-12", "minutes": "Appui validé."},
    )
    assert request_08.state == S.CONVENTION
    with pytest.raises(IllegalTransition, match="convention"):
        apply_transition(request_08, "activate_instruments", people["agency"], {"internal_experts": "DGD"})
    apply_transition(
        request_08,
        "record_convention",
        people["agency"],
        {"signed_on": "2026-04-01", "reference": "CAO-08-2026-01"},
    )
    apply_transition(
        request_08,
        "activate_instruments",
        people["agency"],
        {"credit_line_amount": "45000", "operators": [operators[3].pk]},
    )
    apply_transition(request_08, "start_support", people["ardennes"], {})
    apply_transition(request_08, "close", people["ardennes"], {"comment": "Diagnostic remis."})
    assert request_08.state == S.CLOSED
    kinds = sorted(ActivatedInstrument.objects.filter(request=request_08).values_list("kind", flat=True))
    assert kinds == ["convention_cadre", "ligne_credits"]
    assert request_08.transitions.count() == 8


def test_refused_by_committee_goes_back_to_the_delegate_and_cannot_be_escalated_again(request_08, people):
    apply_transition(request_08, "confirm_email", None)
    apply_transition(
        request_08,
        "escalate",
        people["ardennes"],
        {"ground": "fragilite", "justification": "Petite commune."},
    )
    apply_transition(request_08, "submit_to_committee", people["agency"], {})
    apply_transition(
        request_08,
        "record_decision",
        people["committee"],
        {"outcome": "refusee", "decided_on": "2026-03-12", "minutes": "Réponse locale possible."},
    )
    assert request_08.state == S.UNDER_TRIAGE
    assert "escalate" not in [a.name for a in allowed_actions(request_08, people["ardennes"])]
    with pytest.raises(IllegalTransition, match="refusé"):
        apply_transition(
            request_08, "escalate", people["ardennes"], {"ground": "fragilite", "justification": "Encore."}
        )
    apply_transition(
        request_08,
        "designate_local_contact",
        people["ardennes"],
        {
            "contact_kind": "sous_prefet",
            "contact_name": "Sous-préfète de Sedan",
            "contact_details": "sp@example.fr",
        },
    )
    assert request_08.state == S.LOCAL_ANSWER


@pytest.mark.parametrize("action_name", sorted(ACTIONS))
def test_every_action_is_refused_from_every_other_state(request_08, people, action_name):
    action = ACTIONS[action_name]
    for state in set(S) - set(action.sources):
        EngineeringRequest.objects.filter(pk=request_08.pk).update(state=state)
        with pytest.raises(IllegalTransition):
            apply_transition(
                request_08,
                action_name,
                people["admin"] if "system" not in action.roles else None,
                {"comment": "x"},
            )
        assert EngineeringRequest.objects.get(pk=request_08.pk).state == state
    assert not TransitionLog.objects.filter(request=request_08).exists()


def test_roles_are_checked(request_08, people):
    with pytest.raises(TransitionForbidden):  # the requester's confirmation is not a staff action
        apply_transition(request_08, "confirm_email", people["ardennes"])
    apply_transition(request_08, "confirm_email", None)
    with pytest.raises(TransitionForbidden):
        apply_transition(
            request_08, "escalate", people["corse"], {"ground": "fragilite", "justification": "x"}
        )
    apply_transition(
        request_08, "escalate", people["ardennes"], {"ground": "fragilite", "justification": "x"}
    )
    with pytest.raises(TransitionForbidden):  # only agency staff submit to the committee
        apply_transition(request_08, "submit_to_committee", people["ardennes"], {})
    apply_transition(request_08, "submit_to_committee", people["agency"], {})
    with pytest.raises(TransitionForbidden):  # only the committee decides
        apply_transition(
            request_08,
            "record_decision",
            people["agency"],
            {"outcome": "validee", "decided_on": "2026-03-12", "minutes": "x"},
        )


def test_required_data_is_enforced(request_08, people):
    apply_transition(request_08, "confirm_email", None)
    with pytest.raises(InvalidTransitionData) as error:
        apply_transition(request_08, "escalate", people["ardennes"], {"justification": "Sans motif coché."})
    assert "Choisissez le motif" in str(error.value.form.errors["ground"])
    with pytest.raises(InvalidTransitionData) as error:
        apply_transition(request_08, "reroute", people["ardennes"], {"departement": "2A"})
    assert "obligatoire" in str(error.value.form.errors["comment"])
    with pytest.raises(InvalidTransitionData):
        apply_transition(request_08, "declare_inadmissible", people["ardennes"], {})
    assert request_08.state == S.UNDER_TRIAGE and request_08.transitions.count() == 1


def test_reroute_hands_the_request_to_the_other_team(request_08, people):
    apply_transition(request_08, "confirm_email", None)
    apply_transition(
        request_08, "reroute", people["ardennes"], {"departement": "2A", "comment": "Projet en Corse."}
    )
    request_08.refresh_from_db()
    assert request_08.departement_id == "2A" and request_08.state == S.UNDER_TRIAGE
    assert request_08.assigned_team.name == "Délégation territoriale 2A"
    assert not EngineeringRequest.objects.visible_to(people["ardennes"]).filter(pk=request_08.pk).exists()
    assert EngineeringRequest.objects.visible_to(people["corse"]).filter(pk=request_08.pk).exists()


def test_instrument_amount_cannot_be_negative(request_08, people):
    apply_transition(request_08, "confirm_email", None)
    EngineeringRequest.objects.filter(pk=request_08.pk).update(state=S.CONVENTION)
    apply_transition(
        request_08, "record_convention", people["agency"], {"signed_on": "2026-04-01", "reference": "C"}
    )
    with pytest.raises(InvalidTransitionData):
        apply_transition(request_08, "activate_instruments", people["agency"], {"credit_line_amount": "-1"})
    assert CommitteeDecision.objects.count() == 0
    assert datetime.date(2026, 4, 1) == request_08.support_convention.signed_on
