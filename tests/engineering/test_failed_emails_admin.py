"""Failed and abandoned emails are listed in the admin with a "renvoyer"
action (they were visible only in the log)."""

import socket

import pytest
from django.core import mail
from django.test import override_settings
from django.utils.html import escape

from engineering.models import Notification
from engineering.protocol.outbox import send_due

from .factories import new_request

pytestmark = pytest.mark.django_db
LIST = "/admin/ingenierie/courriels/"


@pytest.fixture
def abandoned(territories, settings, django_capture_on_commit_callbacks):
    """A receipt whose only allowed attempt met a closed port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.ENGINEERING_MAIL_MAX_ATTEMPTS = 1
    smtp = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port,
    )
    with smtp, django_capture_on_commit_callbacks(execute=True):
        new_request(territories["08105"])
    with smtp:
        send_due()
    notification = Notification.objects.get(kind="requester_receipt")
    assert notification.status == Notification.Status.FAILED
    return notification


def test_abandoned_emails_are_listed_for_administrators(client, people, abandoned):
    client.force_login(people["admin"])
    html = client.get(LIST).content.decode()
    assert escape(abandoned.subject) in html and "Abandonné après plusieurs essais" in html
    assert "ConnectionRefusedError" in html and "maire@example.fr" in html
    assert "Renvoyer" in html


def test_renvoyer_queues_the_email_again_and_it_leaves(client, people, abandoned, commit):
    client.force_login(people["admin"])
    with commit():
        response = client.post(f"{LIST}{abandoned.pk}/renvoyer/")
    assert response.status_code == 302
    abandoned.refresh_from_db()
    assert abandoned.status == Notification.Status.SENT
    assert [message.subject for message in mail.outbox] == [abandoned.subject]
    html = client.get(LIST).content.decode()
    assert "est remis dans la file d&#x27;envoi" in html
    assert "Aucun courriel en échec." in html[html.index('id="listing-results"') :]


def test_the_list_is_for_administrators_only(client, people, abandoned):
    client.force_login(people["ardennes"])
    assert client.get(LIST).status_code == 404
    assert client.post(f"{LIST}{abandoned.pk}/renvoyer/").status_code == 404
    abandoned.refresh_from_db()
    assert abandoned.status == Notification.Status.FAILED


def test_a_sent_email_cannot_be_sent_twice(client, people, abandoned):
    Notification.objects.filter(pk=abandoned.pk).update(status=Notification.Status.SENT)
    client.force_login(people["admin"])
    assert client.post(f"{LIST}{abandoned.pk}/renvoyer/").status_code == 404
