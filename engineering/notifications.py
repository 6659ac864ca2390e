"""Email notifications through an outbox, sent by django-tasks, with retries.

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
   worker was down or the backend cannot defer (the immediate backend of dev/test).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task, task_backends

from .conf import setting
from .groups import AGENCY_GROUP, COMMITTEE_GROUP
from .models import InformationRequest, Notification

logger = logging.getLogger(__name__)
BACKOFF_MINUTES = (1, 5, 30, 120, 720)
LEASE_MINUTES = 10  # a send in progress is not picked up again before this


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue(kind: str, recipients, subject: str, body: str, request=None) -> Notification | None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return None
    notification = Notification.objects.create(
        request=request, kind=kind, recipients=recipients, subject=subject, body=body
    )
    transaction.on_commit(lambda: dispatch(notification.pk), robust=True)
    return notification


def dispatch(notification_id: int) -> None:
    """Hand the notification to the tasks backend; if that fails the row stays
    pending for ``send_pending_notifications``."""
    try:
        send_notification.enqueue(notification_id)
    except Exception:  # noqa: BLE001 - the outbox row is the safety net
        logger.exception("Could not enqueue notification %s", notification_id)


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
        send_mail(
            notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            notification.recipients,
            fail_silently=False,
        )
    except Exception as error:  # noqa: BLE001 - any transport error is retried
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        if notification.attempts >= setting("ENGINEERING_MAIL_MAX_ATTEMPTS"):
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
    backend = task_backends[send_notification.backend]
    if backend.supports_defer:
        try:
            send_notification.using(run_after=retry_at).enqueue(notification_id)
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


# ---- who is told what ----------------------------------------------------------


def group_emails(group_name=None, group=None) -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(groups=group) if group is not None else users.filter(groups__name=group_name)
    return list(users.values_list("email", flat=True))


def staff_url(request) -> str:
    return absolute(reverse("engineering_admin:detail", args=[request.pk]))


def reply_url(request, question) -> str:
    """The requester's personal link to answer a "more information needed" step."""
    return absolute(
        reverse("engineering:information_reply", args=[request.reference, question.reply_token()])
    )


def receipt(request) -> Notification | None:
    """The requester's receipt with the reference and the confirmation link."""
    link = absolute(reverse("engineering:confirm", args=[request.confirmation_token]))
    body = _(
        "Bonjour,\n\n"
        "Votre demande d'appui en ingénierie « %(title)s » pour %(collectivite)s a bien été reçue.\n"
        "Référence de suivi : %(reference)s\n\n"
        "Pour qu'elle soit transmise au délégué territorial de l'agence, confirmez votre adresse "
        "électronique avant le %(expires)s en ouvrant ce lien :\n%(link)s\n\n"
        "Sans confirmation, la demande expirera.\n\n"
        "Suivez ensuite son avancement avec la référence et votre adresse électronique :\n%(status)s\n\n"
        "Agence nationale de la cohésion des territoires"
    ) % {
        "status": absolute(reverse("engineering:status")),
        "title": request.title,
        "collectivite": request.collectivite_label,
        "reference": request.reference,
        "expires": timezone.localtime(request.expires_at).strftime("%d/%m/%Y"),
        "link": link,
    }
    return queue(
        "requester_receipt",
        [request.requester_email],
        _("Demande d'ingénierie %(reference)s : confirmez votre adresse") % {"reference": request.reference},
        body,
        request,
    )


def _requester(kind, request, subject, text):
    body = _(
        "Bonjour,\n\n%(text)s\n\nRéférence de suivi : %(reference)s\n\n"
        "Agence nationale de la cohésion des territoires"
    ) % {"text": text, "reference": request.reference}
    return queue(kind, [request.requester_email], f"{request.reference} : {subject}", body, request)


def _staff(kind, request, recipients, subject, text):
    body = _("%(text)s\n\nDemande : %(reference)s — %(title)s (%(collectivite)s)\nOuvrir : %(url)s") % {
        "text": text,
        "reference": request.reference,
        "title": request.title,
        "collectivite": request.collectivite_label,
        "url": staff_url(request),
    }
    return queue(kind, recipients, f"{request.reference} : {subject}", body, request)


def notify(kind: str, request, log) -> Notification | None:
    """Queue the email of a workflow step."""
    team = group_emails(group=request.assigned_team)
    if kind == "team_new_request":
        duplicate = ""
        if request.duplicate_of_id:
            duplicate = "\n" + _("Attention : doublon possible de la demande %(reference)s.") % {
                "reference": request.duplicate_of.reference
            }
        return _staff(
            kind,
            request,
            team,
            _("nouvelle demande à examiner"),
            _("Une nouvelle demande d'appui en ingénierie est à examiner.") + duplicate,
        )
    if kind == "team_rerouted":
        return _staff(
            kind,
            request,
            team,
            _("demande réorientée vers votre département"),
            _("Cette demande a été réorientée vers votre département. Motif : %(c)s") % {"c": log.comment},
        )
    if kind == "team_returned":
        return _staff(
            kind,
            request,
            team,
            _("demande renvoyée par l'agence"),
            _("L'agence vous renvoie cette demande. Motif : %(c)s") % {"c": log.comment},
        )
    if kind == "agency_escalation":
        return _staff(
            kind,
            request,
            group_emails(AGENCY_GROUP),
            _("appui national sollicité"),
            _("Le délégué territorial sollicite l'appui national de l'agence."),
        )
    if kind == "committee_submitted":
        return _staff(
            kind,
            request,
            group_emails(COMMITTEE_GROUP),
            _("proposition soumise au comité"),
            _("Une proposition d'accompagnement est soumise au comité de suivi des projets."),
        )
    if kind == "team_decision":
        return _staff(
            kind,
            request,
            team,
            _("décision du comité de suivi"),
            _("Décision du comité : %(d)s.") % {"d": request.committee_decision.get_outcome_display()},
        )
    if kind == "team_instruments":
        return _staff(
            kind,
            request,
            team,
            _("instruments activés"),
            _("L'agence a activé les instruments d'ingénierie pour cette demande."),
        )
    if kind == "requester_more_info":
        question = InformationRequest.objects.get(pk=log.payload["information_request"])
        return _requester(
            kind,
            request,
            _("compléments demandés"),
            _(
                "Le délégué territorial a besoin de compléments pour examiner votre demande :\n\n%(c)s\n\n"
                "Répondez-lui, avec des documents si besoin, sur cette page avant le %(expires)s :\n"
                "%(link)s\n\n"
                "Ce lien est personnel et ne sert qu'une fois : ne le transmettez pas."
            )
            % {
                "c": log.comment,
                "expires": timezone.localtime(question.expires_at).strftime("%d/%m/%Y"),
                "link": reply_url(request, question),
            },
        )
    if kind == "team_information_received":
        files = log.payload.get("attachments") or []
        attached = ""
        if files:
            attached = "\n\n" + _("Pièces jointes : %(names)s.") % {"names": ", ".join(files)}
        return _staff(
            kind,
            request,
            team,
            _("compléments reçus du demandeur"),
            _("Le demandeur a répondu à votre demande de compléments :\n\n%(c)s") % {"c": log.comment}
            + attached,
        )
    if kind == "requester_local_answer":
        answer = request.local_answer
        return _requester(
            kind,
            request,
            _("votre interlocuteur unique"),
            _(
                "Votre demande trouve une réponse locale. Votre interlocuteur unique est %(name)s "
                "(%(kind)s), joignable à : %(contact)s."
            )
            % {
                "name": answer.contact_name,
                "kind": answer.get_contact_kind_display(),
                "contact": answer.contact_details,
            },
        )
    if kind == "requester_decision":
        decision = request.committee_decision
        if decision.outcome == decision.Outcome.VALIDATED:
            text = _(
                "Le comité de suivi des projets de l'agence a validé l'appui national à votre projet. "
                "Une convention d'appui opérationnel va vous être proposée."
            )
        else:
            text = _(
                "Le comité de suivi des projets n'a pas retenu l'appui national. Le délégué territorial "
                "reprend votre demande pour lui trouver une réponse locale."
            )
        return _requester(kind, request, _("décision du comité de suivi"), text)
    if kind == "requester_closed":
        return _requester(
            kind,
            request,
            _("demande terminée"),
            _("Le traitement de votre demande est terminé (%(state)s).\n\n%(c)s")
            % {"state": request.get_state_display(), "c": log.comment},
        )
    raise ValueError(kind)
