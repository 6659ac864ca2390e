"""Both protocol paths walked through the staff views of the Wagtail admin, by
users of the right groups; access by territory; timeline; dashboard; export."""

import csv
import io

import pytest
from django.core import mail
from openpyxl import load_workbook

from engineering.models import EngineeringRequest, RequestState, StateDeadline
from engineering.protocol.registry import actions as ACTIONS

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db
ADMIN = "/admin/ingenierie/"


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 1000


def submit_and_confirm(client, commit, collectivite="08105", **extra):
    with commit():
        assert client.post(URL, form_data(collectivite, **extra)).status_code == 302
    request = EngineeringRequest.objects.latest("pk")
    with commit():
        client.post(f"/ingenierie/demande/confirmer/{request.confirmation_token}/")
    request.refresh_from_db()
    return request


def act(client, commit, user, request, action, data=None, status=302):
    client.force_login(user)
    with commit():
        response = client.post(f"{ADMIN}{request.pk}/action/{action}/", data or {})
    assert response.status_code == status, response.content.decode()[:3000]
    request.refresh_from_db()
    return response


def download(response) -> bytes:
    """The bytes of a spreadsheet download (streamed by Wagtail's export)."""
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def export_text(response) -> str:
    return download(response).decode("utf-8-sig")


def timeline(client, user, request):
    client.force_login(user)
    html = client.get(f"{ADMIN}{request.pk}/").content.decode()
    return html[html.index('id="timeline"') :]


def test_local_path_through_the_staff_views(client, people, commit):
    request = submit_and_confirm(client, commit)
    delegate = people["ardennes"]
    client.force_login(delegate)
    listing = client.get(ADMIN).content.decode()
    assert request.reference in listing
    page = client.get(f"{ADMIN}{request.pk}/").content.decode()
    for name in [
        "request_more_info",
        "reroute",
        "designate_local_contact",
        "escalate",
        "declare_inadmissible",
    ]:
        assert f"/action/{name}/" in page
    assert "/action/record_decision/" not in page and "/action/submit_to_committee/" not in page

    mail.outbox.clear()
    act(client, commit, delegate, request, "request_more_info", {"comment": "Quel calendrier ?"})
    assert request.state == RequestState.MORE_INFO_NEEDED
    assert mail.outbox[-1].to == ["maire@example.fr"] and "Quel calendrier ?" in mail.outbox[-1].body
    act(client, commit, delegate, request, "info_received", {"comment": "Travaux en 2027."})
    act(
        client,
        commit,
        delegate,
        request,
        "designate_local_contact",
        {"contact_kind": "ddt", "contact_name": "DDT des Ardennes", "contact_details": "ddt@example.fr"},
    )
    assert "DDT des Ardennes" in mail.outbox[-1].body
    act(client, commit, delegate, request, "start_local_follow_up")
    act(client, commit, delegate, request, "close", {"comment": "Étude lancée."})
    assert request.state == RequestState.CLOSED
    steps = timeline(client, delegate, request)
    for label in [
        "Adresse électronique confirmée",
        "Demander des compléments",
        "Compléments reçus",
        "Réponse locale",
        "Engager le suivi local",
        "Clore la demande",
        "Étude lancée.",
    ]:
        assert label in steps
    assert steps.count("<li>") == 7  # receipt + 6 transitions


def test_national_path_through_the_staff_views(client, people, operators, commit):
    request = submit_and_confirm(client, commit, "2A004", title="Confortement du pont génois")
    corse, agency, committee = people["corse"], people["agency"], people["committee"]
    client.force_login(agency)
    assert client.get(f"{ADMIN}{request.pk}/").status_code == 404  # not escalated yet
    act(
        client,
        commit,
        corse,
        request,
        "escalate",
        {
            "ground": "innovant",
            "justification": "Ouvrage d'art : ingénierie rare (CEREMA).",
        },
    )
    assert mail.outbox[-1].to == ["agence@example.gouv.fr"]
    act(client, commit, agency, request, "submit_to_committee", {"comment": "Proposition d'accompagnement."})
    assert mail.outbox[-1].to == ["comite@example.gouv.fr"]
    act(
        client,
        commit,
        committee,
        request,
        "record_decision",
        {"outcome": "validee", "decided_on": "2026-03-12", "minutes": "Appui national validé."},
    )
    assert request.state == RequestState.CONVENTION
    act(
        client,
        commit,
        agency,
        request,
        "record_convention",
        {"signed_on": "2026-04-02", "reference": "CAO-2A-2026-01"},
    )
    act(
        client,
        commit,
        agency,
        request,
        "activate_instruments",
        {
            "state_experts": "Mission d'un ingénieur des ponts",
            "credit_line_amount": "30000",
            "operators": [operators[3].pk],
        },
    )
    act(client, commit, corse, request, "start_support")
    act(client, commit, corse, request, "close", {"comment": "Diagnostic remis, travaux programmés."})
    assert request.state == RequestState.CLOSED
    steps = timeline(client, people["admin"], request)
    assert steps.count("<li>") == 9
    page = client.get(f"{ADMIN}{request.pk}/").content.decode()
    assert "CAO-2A-2026-01" in page and "30000" in page and "CEREMA" in page


def test_illegal_and_unauthorised_actions_are_refused_by_the_views(client, people, commit):
    request = submit_and_confirm(client, commit)
    # Committee decision while the request is still in triage: refused, nothing changes.
    act(
        client,
        commit,
        people["admin"],
        request,
        "record_decision",
        {"outcome": "validee", "decided_on": "2026-03-12", "minutes": "x"},
        status=409,
    )
    # A délégué cannot take the agency's action even on their own request.
    act(
        client, commit, people["ardennes"], request, "escalate", {"ground": "fragilite", "justification": "x"}
    )
    act(client, commit, people["ardennes"], request, "submit_to_committee", status=403)
    # Missing justification: the form comes back with the French message.
    request2 = submit_and_confirm(
        client, commit, title="Autre projet sans rapport", requester_email="b@example.fr"
    )
    response = act(
        client, commit, people["ardennes"], request2, "escalate", {"justification": ""}, status=400
    )
    html = response.content.decode()
    assert "La justification est obligatoire." in html and "Choisissez le motif" in html
    assert request.state == RequestState.NATIONAL_ESCALATION and request2.state == RequestState.UNDER_TRIAGE
    assert request.transitions.count() == 2 and request2.transitions.count() == 1


def test_another_departements_request_is_a_404_everywhere(client, people, commit):
    request = submit_and_confirm(client, commit)
    client.force_login(people["corse"])
    assert client.get(f"{ADMIN}{request.pk}/").status_code == 404
    for name in ACTIONS:
        assert client.post(f"{ADMIN}{request.pk}/action/{name}/", {"comment": "x"}).status_code == 404
    assert request.reference not in client.get(ADMIN).content.decode()
    request.refresh_from_db()
    assert request.state == RequestState.UNDER_TRIAGE and request.transitions.count() == 1


def test_reroute_through_the_views_moves_the_request_to_the_other_queue(client, people, commit):
    request = submit_and_confirm(client, commit)
    act(
        client,
        commit,
        people["ardennes"],
        request,
        "reroute",
        {"departement": "2A", "comment": "Projet corse."},
    )
    assert request.departement_id == "2A"
    client.force_login(people["ardennes"])
    assert client.get(f"{ADMIN}{request.pk}/").status_code == 404
    client.force_login(people["corse"])
    assert "Réorienter vers un autre département" in client.get(f"{ADMIN}{request.pk}/").content.decode()
    assert mail.outbox[-1].to == ["delegue2a@example.gouv.fr"]


def test_list_filters_search_and_overdue_highlight(
    client, people, themes, commit, django_assert_max_num_queries
):
    first = submit_and_confirm(client, commit, themes=[themes[1].pk])
    second = submit_and_confirm(
        client, commit, "08409", title="Tiers-lieu numérique", requester_email="s@example.fr"
    )
    StateDeadline.objects.create(state=RequestState.UNDER_TRIAGE, target_days=10)
    EngineeringRequest.objects.filter(pk=first.pk).update(
        state_changed_at=first.state_changed_at.replace(year=2025)
    )
    client.force_login(people["ardennes"])
    html = client.get(ADMIN).content.decode()
    assert html.count("engineering-overdue") == 1 and first.reference in html and second.reference in html
    assert second.reference not in client.get(ADMIN, {"theme": themes[1].pk}).content.decode()
    assert first.reference not in client.get(ADMIN, {"q": "Tiers-lieu"}).content.decode()
    assert second.reference in client.get(ADMIN, {"q": "Sedan"}).content.decode()
    overdue = client.get(ADMIN, {"age": "overdue"}).content.decode()
    assert first.reference in overdue and second.reference not in overdue
    for i in range(10):
        submit_and_confirm(client, commit, title=f"Projet {i}", requester_email=f"p{i}@example.fr")
    client.force_login(people["ardennes"])
    with django_assert_max_num_queries(20):
        client.get(ADMIN)


def test_dashboard_panel_and_export(client, people, commit):
    local = submit_and_confirm(client, commit)
    act(
        client,
        commit,
        people["ardennes"],
        local,
        "designate_local_contact",
        {"contact_kind": "sous_prefet", "contact_name": "Sous-préfet", "contact_details": "sp@example.fr"},
    )
    national = submit_and_confirm(
        client, commit, "2A004", title="Pont génois", requester_email="a@example.fr"
    )
    act(client, commit, people["corse"], national, "escalate", {"ground": "fragilite", "justification": "x"})
    client.force_login(people["admin"])
    home = client.get("/admin/").content.decode()
    assert "Demandes d&#x27;ingénierie" in home or "Demandes d'ingénierie" in home
    assert "50 %" in home and "objectif 90 %" in home
    year = local.created_at.year
    response = client.get(f"{ADMIN}consolidation/", {"annee": year, "export": "csv"})
    rows = list(csv.reader(io.StringIO(export_text(response)), delimiter=";"))
    assert rows[0][:3] == ["Département", "Nom", "Demandes reçues"]
    assert [r[0] for r in rows[1:]] == ["08", "2A"]
    response = client.get(f"{ADMIN}consolidation/", {"annee": year, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(download(response))).active
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["08", "2A"]
    # A délégué's export only holds their département.
    client.force_login(people["ardennes"])
    rows = list(
        csv.reader(
            io.StringIO(export_text(client.get(f"{ADMIN}consolidation/", {"annee": year, "export": "csv"}))),
            delimiter=";",
        )
    )
    assert [r[0] for r in rows[1:]] == ["08"]
    assert client.get("/admin/").status_code == 200
