"""The outbox: emails kept as rows, sent by django-tasks, with retries.

django-tasks has no retry of its own, so the policy lives here:

1. ``queue()`` writes a ``Notification`` row in the caller's transaction (the
   event and its email are saved together) and, once that transaction commits,
   enqueues ``send_notification``.
2. ``send_notification`` sends the email. On failure it records the error,
   counts the attempt and schedules the next one with back-off (1 min, 5 min,
   30 min, 2 h, 12 h…); with a backend that can defer tasks (the database
   backend of production) it re-enqueues itself for that time. After
   ``ENGINEERING_MAIL_MAX_ATTEMPTS`` attempts the row is marked abandoned.
3. ``manage.py send_pending_notifications`` sends every due row: run it from cron
   (every few minutes) as the safety net, whatever the tasks backend, e.g. when a
   worker was down or the backend cannot defer (the immediate backend of the tests).

No mail is sent inside a web request: the task goes to the ``mail`` tasks backend
when the settings declare one (the database queue of development, served by
``manage.py db_worker --backend mail``), else to ``default`` (the database
queue of production). Only the test settings run it immediately.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task, task_backends

from core.public_url import absolute_url

from ..models import Notification

logger = logging.getLogger(__name__)
BACKOFF_MINUTES = (1, 5, 30, 120, 720)
LEASE_MINUTES = 10  # a send in progress is not picked up again before this


def absolute(path: str) -> str:
    """A link for an e-mail: on the site's public address (``SITE_BASE_URL``)."""
    return absolute_url(path)


def queue(
    kind: str, recipients, subject: str, body: str, engineering_request=None, headers: dict | None = None
) -> Notification | None:
    """Keep an email to send once the caller's transaction commits. The site's
    one mail queue: engineering requests and territory alerts (whose
    ``headers`` carry List-Unsubscribe) go through it alike."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return None
    notification = Notification.objects.create(
        request=engineering_request,
        kind=kind,
        recipients=recipients,
        subject=subject,
        body=body,
        headers=headers or {},
    )
    transaction.on_commit(lambda: dispatch(notification.pk), robust=True)
    return notification


class OutboxEmailBackend(BaseEmailBackend):
    """An e-mail backend that writes each message to the outbox instead of sending it
    (``QUEUED_EMAIL_BACKEND``: the admin's password reset uses it), so that mail the
    site sends outside the request workflow is sent by the worker, retried, and listed
    in "Courriels non envoyés" like the rest. Text messages only."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            queued += queue("compte", message.to, message.subject, message.body) is not None
        return queued


def dispatch(notification_id: int) -> None:
    """Hand the notification to the tasks backend; if that fails the row stays
    pending for ``send_pending_notifications``."""
    try:
        send_notification.using(backend=mail_backend_alias()).enqueue(notification_id)
    except Exception:  # noqa: BLE001 - the outbox row is the safety net
        logger.exception("Could not enqueue notification %s", notification_id)


def mail_backend_alias() -> str:
    return "mail" if "mail" in getattr(settings, "TASKS", {}) else "default"


def resend(notification: Notification) -> None:
    """Give a failed or abandoned email a fresh series of attempts, queued (the
    admin's "renvoyer" action): the request that asks for it never waits for
    the mail server."""
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: dispatch(notification.pk), robust=True)


@task()
def send_notification(notification_id: int) -> str:
    return deliver(notification_id)


def deliver(notification_id: int) -> str:
    """Send one due notification. The row is first claimed by a conditional
    UPDATE (attempt counted, next attempt pushed back by a lease), so a worker
    and the cron command never send the same email twice, and no transaction
    holds a lock while the mail server answers."""
    now = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, status=Notification.Status.PENDING, next_attempt_at__lte=now
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + timedelta(minutes=LEASE_MINUTES))
    if not claimed:
        return "skipped"
    notification = Notification.objects.get(pk=notification_id)
    try:
        EmailMessage(
            notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            notification.recipients,
            headers=notification.headers or None,
        ).send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any transport error is retried
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        if notification.attempts >= settings.ENGINEERING_MAIL_MAX_ATTEMPTS:
            notification.status = Notification.Status.FAILED
        else:
            delay = BACKOFF_MINUTES[min(notification.attempts, len(BACKOFF_MINUTES)) - 1]
            notification.next_attempt_at = timezone.now() + timedelta(minutes=delay)
        notification.save(update_fields=["last_error", "status", "next_attempt_at"])
        logger.warning(
            "Notification %s failed (attempt %s): %s",
            notification.pk,
            notification.attempts,
            notification.last_error,
        )
        if notification.status == Notification.Status.PENDING:
            _defer(notification_id, notification.next_attempt_at)
        return "failed"
    notification.status = Notification.Status.SENT
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["status", "sent_at", "last_error"])
    return "sent"


def _defer(notification_id, retry_at):
    """Re-enqueue for the retry time when the backend can defer (database
    backend); otherwise ``send_pending_notifications`` will pick the row up."""
    alias = mail_backend_alias()
    if task_backends[alias].supports_defer:
        try:
            send_notification.using(backend=alias, run_after=retry_at).enqueue(notification_id)
        except Exception:  # noqa: BLE001 - the outbox row is the safety net
            logger.exception("Could not re-enqueue notification %s", notification_id)


def send_due(now=None) -> dict[str, int]:
    """Send every pending notification whose next attempt is due."""
    now = now or timezone.now()
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    due = Notification.objects.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)
    for notification_id in due.values_list("pk", flat=True):
        counts[deliver(notification_id)] += 1
    return counts
