"""Roadmap II c, rule by rule: the ground of a national escalation, the
collectivités porteuses beyond communes and EPCI, the report to the comité
local de cohésion territoriale."""

import pytest
from django.db import IntegrityError, transaction

from engineering.models import (
    EngineeringRequest,
    LocalCommitteeReport,
    NationalEscalation,
    RequestState,
    TransitionLog,
)
from engineering.protocol.errors import IllegalTransition, InvalidTransitionData, TransitionForbidden
from engineering.protocol.workflow import allowed_actions, apply_transition
from engineering.public.status import public_status

from .factories import new_request
from .test_public_form import URL, form_data
from .test_staff_views import ADMIN, timeline

S = RequestState
pytestmark = pytest.mark.django_db
LOCAL = {
    "contact_kind": "ddt",
    "contact_name": "Service aménagement de la DDT",
    "contact_details": "ddt@x.fr",
}


@pytest.fixture
def triaged(territories, people):
    request = new_request(territories["08105"])
    apply_transition(request, "confirm_email", None)
    return request


# The escalation rule: fragility AND lack of local resources, and/or an innovative or complex project.


@pytest.mark.parametrize(
    ("ground", "flags"),
    [
        ("fragilite", (True, True, False)),
        ("innovant", (False, False, True)),
        ("les_deux", (True, True, True)),
    ],
)
def test_each_ground_of_the_roadmap_is_accepted_and_kept_in_the_history(triaged, people, ground, flags):
    log = apply_transition(
        triaged, "escalate", people["ardennes"], {"ground": ground, "justification": "Motif détaillé."}
    )
    escalation = NationalEscalation.objects.get(request=triaged)
    assert (
        escalation.fragility,
        escalation.lack_of_local_resources,
        escalation.innovative_or_complex,
    ) == flags
    assert escalation.ground == ground
    assert log.payload["ground"] == ground and triaged.state == S.NATIONAL_ESCALATION


@pytest.mark.parametrize(
    "data",
    [
        {"fragility": "on"},  # fragility alone: the roadmap asks for the lack of resources too
        {"lack_of_local_resources": "on"},
        {"fragility": "on", "lack_of_local_resources": "on"},  # the old checkboxes are no ground
        {"ground": "fragilite_seule"},
        {"ground": ""},
    ],
)
def test_anything_but_a_ground_of_the_roadmap_is_refused(triaged, people, data):
    with pytest.raises(InvalidTransitionData) as error:
        apply_transition(triaged, "escalate", people["ardennes"], {**data, "justification": "x"})
    assert "ground" in error.value.form.errors
    triaged.refresh_from_db()
    assert triaged.state == S.UNDER_TRIAGE and not NationalEscalation.objects.exists()


@pytest.mark.parametrize(
    "flags",
    [
        {"fragility": True},
        {"lack_of_local_resources": True},
        {},
    ],
)
def test_the_database_refuses_an_escalation_without_a_roadmap_ground(triaged, flags):
    with pytest.raises(IntegrityError), transaction.atomic():
        NationalEscalation.objects.create(request=triaged, justification="x", **flags)


def test_the_ground_reads_in_the_staff_timeline_and_detail(client, triaged, people):
    apply_transition(
        triaged, "escalate", people["ardennes"], {"ground": "innovant", "justification": "CEREMA."}
    )
    html = timeline(client, people["ardennes"], triaged)
    assert "Caractère innovant ou particulièrement complexe du projet" in html
    page = client.get(f"{ADMIN}{triaged.pk}/").content.decode()
    assert 'id="escalation-ground">Caractère innovant' in page


# Every collectivité porteuse can file.


def test_a_departement_files_a_request_handled_by_its_delegate(client, territories, people, commit):
    with commit():
        response = client.post(URL, form_data("", collectivite_kind="departement", departement="08"))
    assert response.status_code == 302, response.content.decode()[:2000]
    request = EngineeringRequest.objects.get()
    assert request.collectivite_kind == "departement" and request.departement_id == "08"
    assert request.commune is None and request.epci is None
    assert request.assigned_team.name == "Délégation territoriale 08"
    assert request.collectivite_label == "Département : Ardennes (08)"
    apply_transition(request, "confirm_email", None)
    assert "designate_local_contact" in [a.name for a in allowed_actions(request, people["ardennes"])]
    assert allowed_actions(request, people["corse"]) == []
    apply_transition(request, "designate_local_contact", people["ardennes"], LOCAL)
    assert public_status(request).collectivite == "Département : Ardennes (08)"
    client.force_login(people["ardennes"])
    assert "Département : Ardennes (08)" in client.get(ADMIN).content.decode()


def test_a_departement_must_be_chosen(client, territories):
    response = client.post(URL, form_data("", collectivite_kind="departement"))
    assert response.status_code == 200
    assert "Choisissez le département." in response.content.decode()
    assert not EngineeringRequest.objects.exists()


def test_a_region_is_routed_by_the_departement_of_its_seat(client, territories, commit):
    wrong = client.post(URL, form_data("", collectivite_kind="region", region="44", departement="2A"))
    assert "doit appartenir à la région Grand Est" in wrong.content.decode()
    with commit():
        response = client.post(URL, form_data("", collectivite_kind="region", region="44", departement="67"))
    assert response.status_code == 302
    request = EngineeringRequest.objects.get()
    assert (request.collectivite_kind, request.region_id, request.departement_id) == ("region", "44", "67")
    assert request.assigned_team.name == "Délégation territoriale 67"


def test_another_groupement_is_named_in_free_text_and_routed_by_its_departement(
    client, territories, people, commit
):
    missing = client.post(URL, form_data("", collectivite_kind="autre", departement="08"))
    assert "Indiquez le nom du groupement" in missing.content.decode()
    with commit():
        response = client.post(
            URL,
            form_data("", collectivite_kind="autre", other_name="PETR du Pays sedanais", departement="08"),
        )
    assert response.status_code == 302
    request = EngineeringRequest.objects.get()
    assert request.other_name == "PETR du Pays sedanais" and request.assigned_team.name.endswith("08")
    assert request.collectivite_label == "PETR du Pays sedanais (groupement, 08)"
    client.force_login(people["ardennes"])
    assert request.reference in client.get(ADMIN, {"q": "pays sedanais"}).content.decode()


def test_the_fields_of_the_other_kinds_are_ignored(client, territories, commit):
    """The form works without JavaScript: every field is on the page, only the
    chosen kind's count."""
    with commit():
        response = client.post(
            URL, form_data("08105", collectivite_kind="departement", departement="2A", other_name="x")
        )
    assert response.status_code == 302
    request = EngineeringRequest.objects.get()
    assert request.collectivite_kind == "departement" and request.commune is None and request.other_name == ""


def test_the_database_keeps_one_collectivite_per_kind(territories):
    request = new_request(territories["08105"])
    with pytest.raises(IntegrityError), transaction.atomic():
        EngineeringRequest.objects.filter(pk=request.pk).update(collectivite_kind="departement")


# The report to the comité local de cohésion territoriale.


def test_a_local_answer_is_reported_to_the_comite_local_as_a_dated_step(client, triaged, people):
    delegate = people["ardennes"]
    apply_transition(triaged, "designate_local_contact", delegate, LOCAL)
    since = triaged.state_changed_at
    log = apply_transition(
        triaged,
        "report_to_local_committee",
        delegate,
        {"met_on": "2026-03-12", "minutes": "Projet présenté ; la DDT assure le suivi."},
    )
    assert triaged.state == S.LOCAL_ANSWER and triaged.state_changed_at == since  # the delay keeps running
    report = LocalCommitteeReport.objects.get(request=triaged)
    assert str(report.met_on) == "2026-03-12" and report.minutes.startswith("Projet présenté")
    assert (log.from_state, log.to_state, log.payload["met_on"]) == (
        S.LOCAL_ANSWER,
        S.LOCAL_ANSWER,
        "2026-03-12",
    )
    html = timeline(client, delegate, triaged)
    assert "Comité local de cohésion territoriale du 12/03/2026" in html and "la DDT assure le suivi" in html
    steps = [step.label for step in public_status(triaged).steps]
    assert "Réponse locale présentée au comité local de cohésion territoriale" in steps
    assert "la DDT assure le suivi" not in str(public_status(triaged))  # the minutes stay internal


def test_the_comite_local_step_is_also_open_during_the_follow_up(triaged, people):
    apply_transition(triaged, "designate_local_contact", people["ardennes"], LOCAL)
    apply_transition(triaged, "start_local_follow_up", people["ardennes"], {})
    apply_transition(
        triaged,
        "report_to_local_committee",
        people["ardennes"],
        {"met_on": "2026-06-01", "minutes": "Suite."},
    )
    assert triaged.state == S.LOCAL_FOLLOW_UP
    assert TransitionLog.objects.filter(request=triaged, action="report_to_local_committee").count() == 1


def test_the_comite_local_step_needs_a_local_answer_a_date_minutes_and_the_team(triaged, people):
    data = {"met_on": "2026-03-12", "minutes": "x"}
    with pytest.raises(IllegalTransition):  # under triage: nothing to report yet
        apply_transition(triaged, "report_to_local_committee", people["ardennes"], data)
    apply_transition(triaged, "designate_local_contact", people["ardennes"], LOCAL)
    with pytest.raises(InvalidTransitionData) as error:
        apply_transition(triaged, "report_to_local_committee", people["ardennes"], {"met_on": "12 mars"})
    assert set(error.value.form.errors) == {"met_on", "minutes"}
    with pytest.raises(TransitionForbidden):
        apply_transition(triaged, "report_to_local_committee", people["agency"], data)
    assert not LocalCommitteeReport.objects.exists()
