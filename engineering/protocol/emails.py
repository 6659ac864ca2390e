"""Who is told what: the emails of the protocol, written as templates.

Each email is ``templates/engineering/emails/<name>.txt``: the subject on the
first line, a blank line, then the body. The two bases ``_requester.txt`` and
``_staff.txt`` hold the greeting, signature and links every email of a kind
shares; the French text goes through ``translate``/``blocktranslate``, with
autoescaping off (plain text). Rendered here, then handed to the outbox
(``outbox.queue``), which sends them after the transaction commits and
retries them.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from ..models import InformationRequest, Notification, RequestState
from .outbox import absolute, queue
from .registry import Notice
from .roles import REQUESTER, TEAM, emails_of


def render_email(name: str, context: dict) -> tuple[str, str]:
    """(subject, body) of ``engineering/emails/<name>.txt``."""
    text = render_to_string(f"engineering/emails/{name}.txt", context)
    subject, _blank, body = text.partition("\n\n")
    return subject.strip(), body.removesuffix("\n")


def send(name: str, recipients, context: dict, request=None) -> Notification | None:
    """Render email ``name`` and queue it for ``recipients`` (none: nothing is queued)."""
    subject, body = render_email(name, context)
    return queue(name, recipients, subject, body, request)


def staff_url(request) -> str:
    return absolute(reverse("engineering_admin:detail", args=[request.pk]))


def reply_url(request, question) -> str:
    """The requester's personal link to answer a "more information needed" step."""
    return absolute(
        reverse("engineering:information_reply", args=[request.reference, question.reply_token()])
    )


def question_context(request, log) -> dict:
    """The question a "more information needed" email asks, with its reply link."""
    question = InformationRequest.objects.get(pk=log.payload["information_request"])
    return {"question": question, "reply_url": reply_url(request, question)}


def decision_context(request, log) -> dict:
    """Whether the committee validated the national support (the requester's wording differs)."""
    return {"validated": log.to_state == RequestState.CONVENTION}


def recipients(role: str, request) -> list[str]:
    if role == REQUESTER:
        return [request.requester_email]
    if role == TEAM:
        return emails_of(TEAM, request.assigned_team)
    return emails_of(role)


def notify(notice: Notice, request, log) -> Notification | None:
    """Queue the email of a workflow step, as its action declares it."""
    context = {
        "request": request,
        "log": log,
        "comment": log.comment,
        "attachments": log.payload.get("attachments") or [],
        "staff_url": staff_url(request),
    }
    if notice.context:
        context.update(notice.context(request, log))
    return send(notice.template, recipients(notice.to, request), context, request)


def receipt(request) -> Notification | None:
    """The requester's receipt with the reference and the confirmation link."""
    context = {
        "request": request,
        "confirm_url": absolute(reverse("engineering:confirm", args=[request.confirmation_token])),
        "status_url": absolute(reverse("engineering:status")),
    }
    return send("requester_receipt", [request.requester_email], context, request)


def reminder(team, requests) -> Notification | None:
    """The list of a team's overdue requests (``send_deadline_reminders``)."""
    rows = [(request, staff_url(request)) for request in requests]
    return send("team_reminder", emails_of(TEAM, team), {"rows": rows, "count": len(rows)})
