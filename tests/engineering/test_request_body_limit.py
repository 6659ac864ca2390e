"""An upload larger than the site accepts is refused before a byte of it is
read: the sender gets a French 413 page pointing back to the form, and nothing
is written (no request, no file). Checked through the test client and on a real
socket, where the server answers without waiting for the announced body."""

import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from engineering.models import EngineeringRequest

from .test_private_attachments import stored_files
from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db


def test_an_oversized_submission_gets_a_french_413_and_writes_nothing(client, territories, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1024 * 1024
    before = stored_files()
    upload = SimpleUploadedFile("plans.pdf", b"%PDF-1.7 " + bytes(2 * 1024 * 1024))
    response = client.post(URL, {**form_data(), "attachments": [upload]})
    assert response.status_code == 413
    body = response.content.decode()
    assert "Envoi trop volumineux" in body and "dépasse 1,0\xa0Mio" in body
    assert f'href="{URL}"' in body  # back to the form
    assert not EngineeringRequest.objects.exists()
    assert stored_files() == before


def test_a_submission_under_the_ceiling_still_goes_through(client, territories, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan du pont")
    assert client.post(URL, {**form_data(), "attachments": [upload]}).status_code == 302
    assert EngineeringRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_server_answers_413_without_reading_the_announced_body(live_server, settings):
    """A client announcing 1 GB and sending nothing more gets its answer at once."""
    host, port = live_server.thread.host, live_server.thread.port
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(
            (
                f"POST {URL} HTTP/1.1\r\nHost: localhost\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {1024**3}\r\n\r\n"
            ).encode()
        )
        answer = connection.recv(65536).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413")
