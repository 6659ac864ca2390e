"""Fair to the requester: typos are never counted as submissions, personal
fields say their purpose, file limits are stated before upload, the status page
is reachable, the wording follows the roadmap, states read as adjectives."""

import re

import pytest
from django.test import override_settings
from django.utils import translation

from demo.loader import read, with_urls
from engineering.models import EngineeringRequest, RequestState
from engineering.protocol.workflow import apply_transition
from territories.delegates import delegate_for
from territories.models import Departement

from .factories import new_request
from .test_public_form import URL, form_data
from .test_staff_views import ADMIN

pytestmark = pytest.mark.django_db
STATUS_URL = "/ingenierie/demande/suivi/"


def test_seven_invalid_submissions_in_a_row_get_form_errors_not_429(client, territories):
    """The mayor of the issue: five corrections used to end in "Trop de demandes envoyées"."""
    for attempt in range(7):
        response = client.post(URL, form_data(requester_email="maire@", title=f"Essai {attempt}"))
        assert response.status_code == 200, attempt
        html = response.content.decode()
        assert "Format attendu : nom@domaine.fr" in html and "Trop de demandes" not in html
        assert 'aria-invalid="true"' in _tag(html, "requester_email")
    assert client.post(URL, form_data()).status_code == 302
    assert EngineeringRequest.objects.count() == 1


@override_settings(ENGINEERING_RATE_LIMIT_PER_IP=2, ENGINEERING_RATE_LIMIT_PER_EMAIL=100)
def test_only_accepted_submissions_count_against_the_limit(client, territories):
    client.post(URL, form_data(title=""))  # invalid: not counted
    for i in range(2):
        assert client.post(URL, form_data(requester_email=f"elu{i}@example.fr")).status_code == 302
    client.post(URL, form_data(title=""))
    response = client.post(URL, form_data(requester_email="elu3@example.fr"))
    assert response.status_code == 429 and "Trop de demandes ont été envoyées" in response.content.decode()
    assert EngineeringRequest.objects.count() == 2


@override_settings(ENGINEERING_ATTEMPT_LIMIT_PER_IP=10)
def test_a_flood_of_invalid_attempts_is_still_stopped(client, territories):
    statuses = [client.post(URL, form_data(title="")).status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]
    assert "un très grand nombre de fois" in client.post(URL, form_data()).content.decode()
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.7").status_code == 302


def test_the_attempt_limit_is_far_looser_than_the_submission_limit(settings):
    assert settings.ENGINEERING_ATTEMPT_LIMIT_PER_IP >= 10 * settings.ENGINEERING_RATE_LIMIT_PER_IP


def _tag(html, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def test_personal_fields_declare_their_purpose(client, territories):
    html = client.get(URL).content.decode()
    assert 'autocomplete="name"' in _tag(html, "requester_name")
    assert 'autocomplete="email"' in _tag(html, "requester_email")
    assert 'autocomplete="tel"' in _tag(html, "requester_phone")
    status = client.get(STATUS_URL).content.decode()
    assert 'autocomplete="email"' in _tag(status, "email")


def test_file_limits_are_stated_next_to_the_file_input(client, territories, settings):
    settings.ENGINEERING_ATTACHMENT_MAX_FILES = 4
    settings.ENGINEERING_ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024
    html = client.get(URL).content.decode()
    hint = re.search(r'id="id_attachments_helptext">([^<]*)<', html).group(1)
    assert "4 fichiers au maximum" in hint and "8 Mo au maximum" in hint and "PDF" in hint
    assert 'aria-describedby="id_attachments_helptext' in _tag(html, "attachments")


def test_the_status_page_is_linked_from_the_form_the_footer_and_the_offer_page(
    client, territories, home_page
):
    html = client.get(URL).content.decode()
    footer = html[html.index("fr-footer") :]
    assert f'href="{STATUS_URL}"' in html[: html.index("fr-footer")]
    assert f'href="{STATUS_URL}"' in footer
    assert f'href="{STATUS_URL}"' in client.get("/").content.decode()
    page = next(row for b in read("pactes.yaml") for row in b["rows"] if row["slug"] == "offre-ingenierie")
    offer = "".join(str(block["value"]) for block in with_urls(page["body"]))
    assert f'href="{STATUS_URL}"' in offer


def test_the_delegate_names_a_single_contact_only_for_a_local_answer(territories):
    role = delegate_for(Departement.objects.get(code="08")).role
    assert "réponse locale, il désigne un interlocuteur unique" in role
    assert "sollicite l’agence" in role  # the typographic apostrophe of the site
    assert "leur désigne un interlocuteur unique" not in role


def test_the_form_wording_follows_the_roadmap(client, territories):
    html = client.get(URL).content.decode()
    assert "Si elle trouve une réponse locale, il désigne un interlocuteur unique" in html
    assert "vous désigne un interlocuteur unique, ou" not in html
    for kind in [
        "Une commune ou une intercommunalité (EPCI)",
        "Un département",
        "Une région",
        "Un autre groupement",
    ]:
        assert kind in html


def test_state_labels_read_as_adjectives_in_french(client, territories, people):
    """ "Close" was translated by Django's own catalogue as the verb "Fermer"."""
    request = new_request(territories["08105"])
    apply_transition(request, "confirm_email", None)
    apply_transition(
        request,
        "designate_local_contact",
        people["ardennes"],
        {"contact_kind": "ddt", "contact_name": "DDT", "contact_details": "ddt@x.fr"},
    )
    apply_transition(request, "start_local_follow_up", people["ardennes"], {})
    apply_transition(request, "close", people["ardennes"], {"comment": "Fini."})
    with translation.override("fr"):
        labels = {str(label) for label in RequestState.labels}
    assert "Fermée" in labels and not labels & {"Fermer", "Close", "Clore"}
    client.force_login(people["ardennes"])
    listing = client.get(ADMIN, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    row = listing[listing.index(request.reference) :]
    assert "<td>Fermée</td>" in row[: row.index("</tr>")]


def test_a_request_without_a_client_address_gets_a_page_not_an_error(client, territories):
    """Found by the header fuzz: a non-address REMOTE_ADDR made the rate limiter fail."""
    for remote_addr in ("", "pas une adresse", "999.1.1.1"):
        assert client.post(URL, form_data(), REMOTE_ADDR=remote_addr).status_code in (200, 302, 429)
