"""The requester's status page: reference and email both required, the state
and the dated steps in plain French, no internal comment, throttled lookups."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from engineering.models import RequestState, TransitionLog
from engineering.protocol.registry import actions as ACTIONS
from engineering.protocol.workflow import apply_transition
from engineering.public.status import STATE_TEXTS, step_label

from .factories import new_request

pytestmark = pytest.mark.django_db
URL = "/ingenierie/demande/suivi/"
SECRET = "Commentaire interne : le maire a déjà été reçu en sous-préfecture."


@pytest.fixture
def followed(territories, people):
    """A confirmed request that went through a more-information round and was
    answered locally, with internal comments at every step."""
    delegate = people["ardennes"]
    request = new_request(territories["08105"])
    apply_transition(request, "confirm_email", None)
    apply_transition(request, "request_more_info", delegate, {"comment": SECRET})
    apply_transition(request, "info_received", delegate, {"comment": SECRET})
    apply_transition(
        request,
        "designate_local_contact",
        delegate,
        {
            "contact_kind": "ddt",
            "contact_name": "Dominique Ddt",
            "contact_details": "ddt@example.fr",
            "comment": SECRET,
        },
    )
    return request


def lookup(client, reference, email, ip="127.0.0.1"):
    return client.post(URL, {"reference": reference, "email": email}, REMOTE_ADDR=ip)


def test_the_requester_sees_the_state_and_dated_steps(client, followed):
    page = client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200 and 'method="post"' in html
    assert (
        '<label for="id_reference" class="fr-label">' in html
        and '<label for="id_email" class="fr-label">' in html
    )

    # Typed loosely: lower case and spaces around the reference, capitals in the address.
    response = lookup(client, f"  {followed.reference.lower()} ", "Maire@Example.FR")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Demande {followed.reference}" in html and "Charleville-Mézières (08105)" in html
    headline = re.search(r'id="status-headline">([^<]+)<', html).group(1)
    assert headline == "Réponse locale : un interlocuteur unique vous a été désigné"
    steps = re.findall(r"<li><time datetime=\"([\d-]+)\">([\d/]+)</time> : ([^<]+)</li>", html)
    today = timezone.localdate()
    assert [label for _iso, _date, label in steps] == [
        "Demande reçue",
        "Adresse électronique confirmée : demande transmise au délégué territorial",
        "Compléments demandés",
        "Compléments reçus",
        "Interlocuteur unique désigné",
    ]
    assert {date for _iso, date, _label in steps} == {today.strftime("%d/%m/%Y")}
    # Nothing internal: no comment, no staff name, no contact details, no team.
    for internal in (
        "sous-préfecture",
        "delegue08",
        "Dominique Ddt",
        "ddt@example.fr",
        "Délégation territoriale",
    ):
        assert internal not in html


def test_dates_are_those_of_each_step(client, followed):
    TransitionLog.objects.filter(request=followed, action="confirm_email").update(
        at=timezone.now() - timedelta(days=40)
    )
    html = lookup(client, followed.reference, "maire@example.fr").content.decode()
    earlier = (timezone.localtime() - timedelta(days=40)).strftime("%d/%m/%Y")
    assert f"{earlier}</time> : Adresse électronique confirmée" in html


def test_both_fields_are_required_with_an_error_summary(client, followed):
    response = client.post(URL, {"reference": "", "email": ""})
    html = response.content.decode()
    assert 'id="error-summary"' in html and "Le formulaire contient 2 erreurs" in html
    assert 'href="#id_reference"' in html and 'href="#id_email"' in html
    assert "Indiquez la référence de suivi de la demande." in html
    assert "Indiquez l&#x27;adresse électronique utilisée pour la demande." in html
    response = client.post(URL, {"reference": followed.reference, "email": "pas-une-adresse"})
    html = response.content.decode()
    assert f'value="{followed.reference}"' in html and 'value="pas-une-adresse"' in html
    assert "L&#x27;adresse électronique n&#x27;est pas valide" in html and 'id="request-status"' not in html


def test_a_wrong_email_or_reference_reveals_nothing(client, followed, territories):
    wrong_email = lookup(client, followed.reference, "autre@example.fr").content.decode()
    unknown = lookup(client, "ING-2026-08-99999", "maire@example.fr").content.decode()
    message = "Aucune demande ne correspond à cette référence et à cette adresse électronique."
    for html in (wrong_email, unknown):
        assert message in html and 'id="request-status"' not in html
        assert followed.title not in html
    other = new_request(territories["2A004"], email="elu@example.fr")
    assert message in lookup(client, other.reference, "maire@example.fr").content.decode()


def test_failed_lookups_are_throttled_per_address(client, followed, settings):
    settings.ENGINEERING_STATUS_RATE_LIMIT_PER_IP = 3
    for _ in range(3):
        assert lookup(client, "ING-2026-08-00000", "x@example.fr", ip="10.0.0.1").status_code == 200
    response = lookup(client, followed.reference, "maire@example.fr", ip="10.0.0.1")
    html = response.content.decode()
    assert response.status_code == 429 and "Trop de recherches" in html
    assert f'value="{followed.reference}"' in html and 'id="request-status"' not in html
    assert lookup(client, followed.reference, "maire@example.fr", ip="10.0.0.2").status_code == 200


def test_successful_lookups_cost_nothing(client, followed, settings):
    settings.ENGINEERING_STATUS_RATE_LIMIT_PER_IP = 3
    for _ in range(10):
        response = lookup(client, followed.reference, "maire@example.fr", ip="10.0.3.1")
        assert response.status_code == 200 and 'id="request-status"' in response.content.decode()


def test_wrong_emails_from_anywhere_never_lock_the_requester_out(client, followed, settings):
    """Issue 12: four wrong e-mails on a (sequential) reference locked the real
    requester out for ten minutes."""
    settings.ENGINEERING_STATUS_RATE_LIMIT_PER_IP = 3
    for i in range(50):
        lookup(client, followed.reference, f"intrus{i}@example.fr", ip=f"10.0.{i // 10}.{i}")
    response = lookup(client, followed.reference, "maire@example.fr", ip="192.0.2.10")
    assert response.status_code == 200 and 'id="request-status"' in response.content.decode()


def test_every_state_and_action_has_plain_french_wording(followed):
    assert set(STATE_TEXTS) == set(RequestState)
    assert all(ACTIONS[name].public_label for name in ACTIONS)
    assert step_label("record_decision", RequestState.CONVENTION).startswith("Appui national validé")
    assert step_label("record_decision", RequestState.UNDER_TRIAGE).startswith("Appui national non retenu")


def test_status_page_queries_do_not_grow_with_the_history(client, followed, people):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert "status-steps" in lookup(client, followed.reference, "maire@example.fr").content.decode()
        return len(captured)

    count()  # the site's settings, cached after the first page
    before = count()
    apply_transition(followed, "start_local_follow_up", people["ardennes"], {"comment": "x"})
    apply_transition(followed, "close", people["ardennes"], {"comment": "Projet livré."})
    assert count() == before
