"""Mail failures never lose a request and are retried; expiry; reminders; anonymisation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from engineering.models import EngineeringRequest, Notification, RequestState, StateDeadline
from engineering.protocol.workflow import apply_transition

from .factories import new_request
from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db


class FailingEmailBackend(BaseEmailBackend):
    """Stands for an SMTP server that is down (outside the machine)."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP indisponible")


FAILING = "tests.engineering.test_notifications_and_retention.FailingEmailBackend"


def test_request_is_saved_when_mail_fails_and_the_mail_is_retried(client, territories, commit):
    with override_settings(EMAIL_BACKEND=FAILING), commit():
        response = client.post(URL, form_data())
    assert response.status_code == 302
    request = EngineeringRequest.objects.get()
    assert request.reference in client.get(response["Location"]).content.decode()
    notification = Notification.objects.get(request=request)
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1 and "SMTP indisponible" in notification.last_error
    assert notification.next_attempt_at > timezone.now()
    assert not mail.outbox

    call_command("send_pending_notifications")  # not due yet: nothing happens
    assert not mail.outbox
    Notification.objects.update(next_attempt_at=timezone.now())
    with override_settings(EMAIL_BACKEND=FAILING):
        call_command("send_pending_notifications")
    notification.refresh_from_db()
    assert notification.attempts == 2 and notification.status == Notification.Status.PENDING
    Notification.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_notifications")  # the server is back (locmem)
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT and notification.attempts == 3
    (receipt,) = mail.outbox
    assert request.reference in receipt.body


@override_settings(ENGINEERING_MAIL_MAX_ATTEMPTS=2)
def test_notification_is_abandoned_after_the_maximum_attempts(territories, commit):
    with override_settings(EMAIL_BACKEND=FAILING):
        with commit():
            new_request(territories["08105"])
        Notification.objects.update(next_attempt_at=timezone.now())
        call_command("send_pending_notifications")
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.FAILED and notification.attempts == 2


def test_workflow_step_is_kept_when_its_mail_fails(territories, people, commit):
    request = new_request(territories["08105"])
    with override_settings(EMAIL_BACKEND=FAILING), commit():
        apply_transition(request, "confirm_email", None)
    request.refresh_from_db()
    assert request.state == RequestState.UNDER_TRIAGE
    assert Notification.objects.filter(kind="team_new_request", status="en_attente").exists()


@override_settings(ENGINEERING_CONFIRMATION_DAYS=7)
def test_unconfirmed_requests_expire(territories):
    old = new_request(territories["08105"])
    fresh = new_request(territories["2A004"])
    EngineeringRequest.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert fresh.expires_at > timezone.now() + timedelta(days=6)
    call_command("expire_unconfirmed_requests")
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.state == RequestState.EXPIRED and old.transitions.get().action == "expire"
    assert fresh.state == RequestState.RECEIVED


def test_deadline_reminders_go_to_the_team(territories, people, commit):
    request = new_request(territories["08105"])
    apply_transition(request, "confirm_email", None)
    StateDeadline.objects.create(state=RequestState.UNDER_TRIAGE, target_days=15)
    EngineeringRequest.objects.filter(pk=request.pk).update(
        state_changed_at=timezone.now() - timedelta(days=20)
    )
    mail.outbox.clear()
    with commit():
        call_command("send_deadline_reminders")
    (reminder,) = mail.outbox
    assert reminder.to == ["delegue08@example.gouv.fr"] and request.reference in reminder.body


@override_settings(ENGINEERING_RETENTION_DAYS=365)
def test_personal_data_is_anonymised_after_the_retention_delay(client, territories, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(URL, {**form_data(), "attachments": [SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")]})
    client.post(URL, form_data("2A004", requester_email="recent@example.fr"))
    old, recent = EngineeringRequest.objects.order_by("pk")
    stored = old.attachments.get().file.name
    for request in (old, recent):
        apply_transition(request, "confirm_email", None)
        apply_transition(request, "declare_inadmissible", people["admin"], {"comment": "Hors champ."})
    old.information_requests.create(
        question="Quel est le budget ?",
        expires_at=timezone.now(),
        nonce="n",
        answer="Mon numéro personnel : 06 12 34 56 78",
        answered_at=timezone.now(),
    )
    EngineeringRequest.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=400))
    call_command("anonymise_closed_requests")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.requester_name == "Anonymisé" and "maire@example.fr" not in old.requester_email
    assert old.requester_phone == "" and old.anonymised_at and not old.attachments.exists()
    from django.core.files.storage import default_storage

    assert not default_storage.exists(stored)
    assert not old.notifications.exists()
    (reply,) = old.information_requests.all()
    assert "06 12 34 56 78" not in reply.answer and reply.question == "Quel est le budget ?"
    assert old.title and old.transitions.count() == 2  # the activity record stays for the statistics
    assert recent.requester_email == "recent@example.fr" and recent.anonymised_at is None
