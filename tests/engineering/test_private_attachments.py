"""Attachments live in a private storage outside the public media root: only
the staff view that checks the user's département serves them, and a failed
submission leaves neither a row nor a file."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from engineering.models import Attachment, EngineeringRequest, Notification
from engineering.protocol import emails

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db
ADMIN = "/admin/ingenierie/"


def stored_files() -> set[Path]:
    return {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.fixture
def attachment(client, territories):
    upload = SimpleUploadedFile("plan du pont.pdf", b"%PDF-1.7 plan du pont")
    assert client.post(URL, {**form_data(), "attachments": [upload]}).status_code == 302
    client.logout()
    return Attachment.objects.get()


def url_of(attachment):
    return f"/ingenierie/piece-jointe/{attachment.request_id}/{attachment.pk}/"


def test_an_attachment_is_served_to_its_departements_staff_only(client, people, attachment):
    assert client.get(url_of(attachment)).status_code == 404  # anonymous
    client.force_login(people["corse"])
    assert client.get(url_of(attachment)).status_code == 404
    client.force_login(people["ardennes"])
    response = client.get(url_of(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 plan du pont"
    assert "plan du pont.pdf" in response["Content-Disposition"]


def test_the_detail_page_links_to_the_checked_download(client, people, attachment):
    client.force_login(people["ardennes"])
    html = client.get(f"{ADMIN}{attachment.request_id}/").content.decode()
    assert f'href="{url_of(attachment)}"' in html


def test_no_attachment_is_reachable_under_the_media_url(client, attachment):
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / attachment.file.name
    assert stored.is_file()
    assert not stored.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    for path in (attachment.file.name, f"ingenierie/{attachment.file.name.rsplit('/', 1)[-1]}"):
        response = client.get(settings.MEDIA_URL + path)
        assert response.status_code == 404


def test_the_stored_name_cannot_be_guessed_from_the_request(attachment):
    name = attachment.file.name
    request = attachment.request
    # A folder per month of upload, then 128 random bits: nothing of the request (its
    # number, its id, the file's own name). The month is read from the name's folders,
    # not searched for: request no. 12 filed in December once looked like a leak.
    folders, _sep, stored = name.rpartition("/")
    assert re.fullmatch(r"ingenierie/\d{4}/\d{2}", folders), name
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stored), name
    assert request.reference not in name and "plan" not in name


def test_a_failed_submission_leaves_neither_a_row_nor_a_file(client, territories, monkeypatch):
    before = stored_files()

    def broken_receipt(request):
        raise IntegrityError("the database went away after the files were stored")

    monkeypatch.setattr(emails, "receipt", broken_receipt)
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")
    with pytest.raises(IntegrityError):
        client.post(URL, {**form_data(), "attachments": [upload]})
    assert not EngineeringRequest.objects.exists() and not Attachment.objects.exists()
    assert not Notification.objects.exists()
    assert stored_files() == before


def test_the_next_request_never_inherits_an_orphan_file(client, territories, monkeypatch):
    """On SQLite a rolled-back request's number was reused: its orphan file then
    sat in the next requester's folder. Files now go nowhere a number decides."""
    before = stored_files()
    original = emails.receipt
    monkeypatch.setattr(emails, "receipt", lambda request: (_ for _ in ()).throw(IntegrityError("boom")))
    with pytest.raises(IntegrityError):
        client.post(URL, {**form_data(), "attachments": [SimpleUploadedFile("secret.pdf", b"%PDF-1 A")]})
    monkeypatch.setattr(emails, "receipt", original)
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1 B")
    assert client.post(URL, {**form_data(), "attachments": [upload]}).status_code == 302
    (attachment,) = EngineeringRequest.objects.get().attachments.all()
    assert [path.read_bytes() for path in stored_files() - before] == [b"%PDF-1 B"]
    assert attachment.file.open("rb").read() == b"%PDF-1 B"
