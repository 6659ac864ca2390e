"""Malformed values seen answering HTTP 500 (issue 12), each kept as a named
test: they are now a French form error, a 400 or a 404, and write nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from engineering.models import Attachment, EngineeringRequest
from engineering.protocol.inputs import safe_filename

from .test_information_reply import ask
from .test_public_form import URL, form_data
from .test_staff_views import submit_and_confirm

pytestmark = pytest.mark.django_db
ADMIN = "/admin/ingenierie/"
HUGE_ID = "99999999999999999999"


@pytest.mark.parametrize("field", ["themes", "engineering_kinds"])
@pytest.mark.parametrize("value", [HUGE_ID, "-1", "1e3", "9" * 5000, "٣"])
def test_a_huge_or_malformed_id_in_a_choice_list_is_a_french_form_error(client, territories, field, value):
    response = client.post(URL, form_data(**{field: [value]}))
    assert response.status_code == 200
    assert "ne fait pas partie des choix proposés" in response.content.decode()
    assert not EngineeringRequest.objects.exists()


def test_an_attachment_named_with_200_accented_letters_is_kept_under_a_short_name(client, territories):
    upload = SimpleUploadedFile("é" * 200 + ".pdf", b"%PDF-1.7 plan")
    response = client.post(URL, {**form_data(), "attachments": [upload]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "é" * 116 + ".pdf"
    assert attachment.file.name.endswith(".pdf") and "é" not in attachment.file.name
    assert attachment.file.open("rb").read() == b"%PDF-1.7 plan"


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\maire\\plan.pdf", "plan.pdf"),
        (".htaccess.pdf", "htaccess.pdf"),
        ("plan\x00.pdf", "plan.pdf"),
        ("e\u0301tude.pdf", "étude.pdf"),  # decomposed accent, as macOS sends it
        ("/", "document"),
    ],
)
def test_attachment_names_lose_their_folders_and_control_characters(sent, kept):
    assert safe_filename(sent) == kept


def test_a_long_name_keeps_its_extension_and_fits_the_file_system():
    name = safe_filename("a" * 500 + ".docx")
    assert name.endswith(".docx") and len(name) == 120 and len(name.encode()) < 255


@pytest.mark.parametrize("year", ["0", "-1", "1", "10000", "99999999999999999999", "2026.5", "deux"])
def test_the_export_answers_404_for_a_year_out_of_range(client, people, year):
    client.force_login(people["ardennes"])
    assert client.get(f"{ADMIN}consolidation/", {"annee": year}).status_code == 404


def test_the_export_still_serves_a_sensible_year(client, people):
    client.force_login(people["ardennes"])
    response = client.get(f"{ADMIN}consolidation/", {"annee": "2026", "export": "csv"})
    assert (
        response.status_code == 200 and "consolidation-ingenierie-2026.csv" in response["Content-Disposition"]
    )


def test_a_60000_character_staff_search_is_a_french_form_error(client, people):
    client.force_login(people["ardennes"])
    response = client.get(ADMIN, {"q": "%_" * 30000})
    assert response.status_code == 200
    assert "La recherche ne doit pas dépasser 200 caractères." in response.content.decode()


@pytest.mark.parametrize("page", ["-1", "0", HUGE_ID, "abc", "1" * 5000])
def test_a_malformed_page_number_in_the_staff_list_shows_a_page(client, people, page):
    client.force_login(people["ardennes"])
    assert client.get(ADMIN, {"p": page}).status_code == 200


@pytest.mark.parametrize("theme", [HUGE_ID, "-1", "x"])
def test_a_malformed_theme_filter_in_the_staff_list_is_a_form_error(client, people, theme):
    client.force_login(people["ardennes"])
    assert client.get(ADMIN, {"theme": theme}).status_code == 200


def test_the_reply_page_keeps_an_attachment_with_a_very_long_accented_name(client, people, commit, settings):
    """Issue 12: the same name answered 500 on the reply page (through the workflow)."""
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 1000
    request = submit_and_confirm(client, commit)
    link = ask(client, commit, people, request)
    client.logout()
    upload = SimpleUploadedFile("é" * 200 + ".pdf", b"%PDF-1.7 complement")
    with commit():
        response = client.post(link, {"answer": "Travaux prévus au printemps 2027.", "attachments": [upload]})
    assert response.status_code == 302
    attachment = request.attachments.get()
    assert attachment.original_name == "é" * 116 + ".pdf" and attachment.information_request_id
