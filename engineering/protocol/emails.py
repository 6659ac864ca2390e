"""Who is told what: the emails of the protocol, written as templates.

Each email is ``templates/engineering/emails/<name>.txt``: the subject on the
first line, a blank line, then the body. The two bases ``_requester.txt`` and
``_staff.txt`` hold the greeting, signature and links every email of a kind
shares; the French text goes through ``translate``/``blocktranslate``, with
autoescaping off (plain text). Rendered here, then handed to the outbox
(``outbox.queue``), which sends them after the transaction commits and
retries them.
"""

import logging

from django.template.loader import render_to_string
from django.urls import reverse

from ..models import InformationRequest, Notification, RequestState
from .outbox import absolute, queue
from .registry import Notice
from .roles import REQUESTER, TEAM, emails_of

logger = logging.getLogger(__name__)


def render_email(name: str, context: dict) -> tuple[str, str]:
    """(subject, body) of ``engineering/emails/<name>.txt``."""
    text = render_to_string(f"engineering/emails/{name}.txt", context)
    subject, _blank, body = text.partition("\n\n")
    return subject.strip(), body.removesuffix("\n")


def send(name: str, recipients, context: dict, engineering_request=None) -> Notification | None:
    """Render email ``name`` and queue it for ``recipients`` (none: nothing is queued)."""
    subject, body = render_email(name, context)
    return queue(name, recipients, subject, body, engineering_request)


def staff_url(engineering_request) -> str:
    return absolute(reverse("engineering_admin:inspect", args=[engineering_request.pk]))


def reply_url(engineering_request, question) -> str:
    """The requester's personal link to answer a "more information needed" step."""
    return absolute(
        reverse("engineering:information_reply", args=[engineering_request.reference, question.reply_token()])
    )


def question_context(engineering_request, log) -> dict:
    """The question a "more information needed" email asks, with its reply link."""
    question = InformationRequest.objects.get(pk=log.payload["information_request"])
    return {"question": question, "reply_url": reply_url(engineering_request, question)}


def decision_context(engineering_request, log) -> dict:
    """Whether the committee validated the national support (the requester's wording differs)."""
    return {"validated": log.to_state == RequestState.CONVENTION}


def recipients(role: str, engineering_request) -> list[str]:
    if role == REQUESTER:
        return [engineering_request.requester_email]
    if role == TEAM:
        return emails_of(TEAM, engineering_request.assigned_team)
    return emails_of(role)


def notify(notice: Notice, engineering_request, log) -> Notification | None:
    """Queue the email of a workflow step, as its action declares it. When the
    role has nobody to write to (a group without a member with an address),
    nothing is queued: the step is logged as a warning and None returned, so
    that the staff screen can say so (``log.unreached``)."""
    addresses = recipients(notice.to, engineering_request)
    if not addresses:
        logger.warning(
            "Nobody to e-mail for %s on %s: role %s has no active member with an address",
            notice.template,
            engineering_request.reference,
            notice.to,
        )
        return None
    context = {
        "engineering_request": engineering_request,
        "log": log,
        "comment": log.comment,
        "attachments": log.payload.get("attachments") or [],
        "staff_url": staff_url(engineering_request),
    }
    if notice.context:
        context.update(notice.context(engineering_request, log))
    return send(notice.template, addresses, context, engineering_request)


def receipt(engineering_request) -> Notification | None:
    """The requester's receipt with the reference and the confirmation link."""
    context = {
        "engineering_request": engineering_request,
        "confirm_url": absolute(
            reverse("engineering:confirm", args=[engineering_request.confirmation_token])
        ),
        "status_url": absolute(reverse("engineering:status")),
    }
    return send("requester_receipt", [engineering_request.requester_email], context, engineering_request)


def reminder(team, requests) -> Notification | None:
    """The list of a team's overdue requests (``send_deadline_reminders``)."""
    rows = [(engineering_request, staff_url(engineering_request)) for engineering_request in requests]
    return send("team_reminder", emails_of(TEAM, team), {"rows": rows, "count": len(rows)})
