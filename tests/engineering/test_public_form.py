"""The public form: routing by département, bad input, attachments, throttling,
email confirmation, duplicates."""

import io
import re
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from engineering.models import EngineeringRequest, RequestState, TransitionLog

pytestmark = pytest.mark.django_db
URL = "/ingenierie/demande/"


def form_data(collectivite="08105", **extra):
    return {
        "collectivite": collectivite,
        "requester_name": "Camille Martin",
        "requester_role": "maire",
        "requester_email": "maire@example.fr",
        "requester_phone": "03 24 00 00 00",
        "title": "Réhabilitation du pont de la Meuse",
        "stage": "etude",
        "description": "Pont communal fragilisé : une étude de structure est nécessaire avant travaux.",
        "consent": "on",
        "website": "",
        **extra,
    }


def docx_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("typed", "departement", "team"),
    [
        ("08105", "08", "Délégation territoriale 08"),
        ("Charleville-Mézières", "08", "Délégation territoriale 08"),
        ("Ajaccio", "2A", "Délégation territoriale 2A"),
        ("97411", "974", "Délégation territoriale 974"),
        ("Lyon (69123)", "69", "Délégation territoriale 69"),
        ("CA Ardenne Métropole", "08", "Délégation territoriale 08"),
    ],
)
def test_a_request_lands_in_its_departements_queue(client, territories, typed, departement, team, commit):
    with commit():
        response = client.post(URL, form_data(typed))
    assert response.status_code == 302
    request = EngineeringRequest.objects.get()
    assert request.departement_id == departement
    assert request.assigned_team.name == team
    assert request.state == RequestState.RECEIVED
    assert re.fullmatch(rf"ING-\d{{4}}-{departement}-\d{{5}}", request.reference)
    page = client.get(response["Location"])
    assert request.reference in page.content.decode()
    (receipt,) = mail.outbox
    assert request.reference in receipt.subject and request.reference in receipt.body
    assert f"/ingenierie/demande/confirmer/{request.confirmation_token}/" in receipt.body


def test_email_confirmation_moves_the_request_to_triage(client, territories, people, commit):
    with commit():
        client.post(URL, form_data())
    request = EngineeringRequest.objects.get()
    link = f"/ingenierie/demande/confirmer/{request.confirmation_token}/"
    assert client.get(link).status_code == 200
    request.refresh_from_db()
    assert request.state == RequestState.RECEIVED  # a GET (mail scanner) changes nothing
    with commit():
        response = client.post(link)
    assert "transmise au délégué territorial" in response.content.decode()
    request.refresh_from_db()
    assert request.state == RequestState.UNDER_TRIAGE and request.confirmed_at
    assert TransitionLog.objects.get(request=request).action == "confirm_email"
    assert mail.outbox[-1].to == ["delegue08@example.gouv.fr"]
    assert client.post(link).status_code == 200  # a second click is harmless
    assert TransitionLog.objects.filter(request=request).count() == 1


def test_ambiguous_name_offers_a_choice_and_keeps_it(client, territories):
    response = client.post(URL, form_data("Saint-Denis", title=""))
    html = response.content.decode()
    assert 'value="commune:97411"' in html and 'value="commune:93066"' in html
    assert "Plusieurs collectivités correspondent" in html
    response = client.post(URL, form_data("Saint-Denis", title="", collectivite_choice="commune:97411"))
    html = response.content.decode()
    assert re.search(r'value="commune:97411"[^>]*checked', html)
    assert "Donnez un intitulé à votre projet." in html
    response = client.post(URL, form_data("Saint-Denis", collectivite_choice="commune:97411"))
    assert response.status_code == 302
    assert EngineeringRequest.objects.get().departement_id == "974"


def test_prefill_from_the_commune_parameter(client, territories):
    html = client.get(URL + "?commune=2A004").content.decode()
    assert 'value="Ajaccio (2A004)"' in html


def test_each_invalid_field_is_reported_in_french_next_to_it_and_in_the_summary(client, territories):
    data = form_data(
        "Atlantide",
        requester_email="pas-une-adresse",
        requester_name="",
        consent="",
        description="Trop court",
        requester_role="",
        stage="",
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = html[html.index('id="error-summary"') : html.index('id="engineering-request-form"')]
    expected = {
        "id_collectivite": "Aucune commune ni intercommunalité ne correspond à « Atlantide »",
        "id_requester_name": "Indiquez votre nom et votre prénom.",
        "id_requester_email": "L&#x27;adresse électronique n&#x27;est pas valide.",
        "id_requester_role_0": "Indiquez votre fonction.",
        "id_description": "La description est trop courte",
        "id_stage_0": "Indiquez l&#x27;avancement du projet.",
        "id_consent": "Votre accord est nécessaire",
    }
    for anchor, message in expected.items():
        assert f'href="#{anchor}"' in summary
        assert message in summary
        field_id = anchor.removesuffix("_0")
        assert html.count(message) >= 2, message  # in the summary and next to the field
        assert f'id="{field_id}-desc-error"' in html
    # What was typed is kept.
    assert 'value="Atlantide"' in html and 'value="pas-une-adresse"' in html and "Trop court" in html
    assert 'value="Réhabilitation du pont de la Meuse"' in html
    assert not EngineeringRequest.objects.exists()


def test_valid_attachments_are_kept(client, territories):
    files = [
        SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%...", content_type="application/pdf"),
        SimpleUploadedFile("note.docx", docx_bytes(), content_type="application/octet-stream"),
    ]
    response = client.post(URL, {**form_data(), "attachments": files})
    assert response.status_code == 302
    attachments = EngineeringRequest.objects.get().attachments.order_by("original_name")
    assert [(a.original_name, a.content_type) for a in attachments] == [
        ("note.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("plan.pdf", "application/pdf"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "devis.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00 this is a Windows program",
            "n&#x27;est pas un document accepté",
        ),
        ("photo.png", b"%PDF-1.4 a pdf pretending to be a png", "n&#x27;est pas un document accepté"),
        ("archive.docx", b"PK\x03\x04 not really a zip", "n&#x27;est pas un document accepté"),
    ],
)
def test_disguised_attachments_are_refused(client, territories, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(URL, {**form_data(), "attachments": [upload]})
    html = response.content.decode()
    assert response.status_code == 200 and message in html and name in html
    assert 'href="#id_attachments"' in html
    assert not EngineeringRequest.objects.exists()


@override_settings(ENGINEERING_ATTACHMENT_MAX_BYTES=1024)
def test_oversized_attachment_is_refused(client, territories):
    upload = SimpleUploadedFile("gros.pdf", b"%PDF-1.7\n" + b"0" * 2048, content_type="application/pdf")
    html = client.post(URL, {**form_data(), "attachments": [upload]}).content.decode()
    assert "« gros.pdf » est trop lourd" in html
    assert not EngineeringRequest.objects.exists()


@override_settings(ENGINEERING_RATE_LIMIT_PER_IP=3, ENGINEERING_RATE_LIMIT_PER_EMAIL=100)
def test_a_burst_from_one_address_is_throttled(client, territories):
    for i in range(3):
        assert client.post(URL, form_data(requester_email=f"elu{i}@example.fr")).status_code == 302
    response = client.post(URL, form_data(requester_email="elu9@example.fr", title="Quatrième demande"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de demandes ont été envoyées" in html
    assert 'value="Quatrième demande"' in html  # what was typed is kept
    assert EngineeringRequest.objects.count() == 3
    other = client.post(URL, form_data(requester_email="autre@example.fr"), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


@override_settings(ENGINEERING_RATE_LIMIT_PER_IP=100, ENGINEERING_RATE_LIMIT_PER_EMAIL=2)
def test_a_burst_from_one_email_is_throttled(client, territories):
    for i in range(2):
        client.post(URL, form_data(title=f"Projet {i}"), REMOTE_ADDR=f"10.0.0.{i}")
    response = client.post(URL, form_data(title="Projet 3"), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429


def test_honeypot_saves_nothing(client, territories):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not EngineeringRequest.objects.exists() and not mail.outbox


def test_possible_duplicate_is_flagged_not_merged(client, territories, people):
    client.post(URL, form_data(title="Réhabilitation du pont de la Meuse"))
    client.post(URL, form_data(title="Pont de la Meuse : réhabilitation", requester_email="dgs@example.fr"))
    client.post(URL, form_data(title="Création d'une maison France Services", requester_email="x@example.fr"))
    client.post(
        URL, form_data("08409", title="Réhabilitation du pont de la Meuse", requester_email="s@example.fr")
    )
    first, second, other, elsewhere = EngineeringRequest.objects.order_by("pk")
    assert second.duplicate_of == first
    assert other.duplicate_of is None and elsewhere.duplicate_of is None  # other subject / other commune
    assert EngineeringRequest.objects.count() == 4
    client.force_login(people["ardennes"])
    assert client.get("/admin/ingenierie/").content.decode().count("Doublon possible") == 1
    assert first.reference in client.get(f"/admin/ingenierie/{second.pk}/").content.decode()


def test_form_page_is_accessible_markup(client, territories):
    html = client.get(URL).content.decode()
    assert html.count("<fieldset") >= 5 and "<legend" in html
    assert 'for="id_collectivite"' in html and 'id="id_collectivite_helptext"' in html
    assert 'aria-hidden="true"' in html and 'name="website"' in html
