"""Subscribing, confirming, changing and ending a subscription: each step one
transaction, each e-mail queued in the site's outbox (``engineering.protocol.outbox``,
sent by the task worker with retries) in the same transaction, so a
subscription never exists without its confirmation mail, nor the reverse.

Nothing is sent to an address before it is confirmed, except the confirmation
request itself; asking again for a followed target sends the manage link, so
the form never tells a stranger whether an address is subscribed.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from engineering.models import Notification
from engineering.protocol.outbox import absolute, queue

from . import tokens
from .models import AlertEvent, Subscription, email_digest

MAIL_KINDS = ("alerte_confirmation", "alerte_deja_abonne", "alerte_nouveautes")


def render_email(name: str, context: dict) -> tuple[str, str]:
    """(subject, body) of ``alerts/emails/<name>.txt``: the subject on the first line."""
    text = render_to_string(f"alerts/emails/{name}.txt", context)
    subject, _blank, body = text.partition("\n\n")
    return subject.strip(), body.removesuffix("\n")


def links(subscription: Subscription) -> dict:
    return {
        "manage_url": absolute(reverse("alerts:manage", args=[tokens.manage_token(subscription)])),
        "unsubscribe_url": absolute(
            reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])
        ),
    }


def unsubscribe_headers(subscription: Subscription) -> dict:
    """RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{links(subscription)['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@transaction.atomic
def subscribe(target, email: str, frequency: str, consent_text: str) -> Subscription:
    """Record (or renew) a subscription awaiting confirmation and queue its mail."""
    now = timezone.now()
    existing = Subscription.objects.filter(
        email_digest=email_digest(email), scope=target.scope, code=target.code
    ).first()
    if existing is not None and existing.is_confirmed:
        context = {"subscription": existing, "target": target, **links(existing)}
        subject, body = render_email("already", context)
        queue("alerte_deja_abonne", [existing.email], subject, body)
        return existing
    subscription = existing or Subscription(email=email, scope=target.scope, code=target.code)
    subscription.page = target.page
    subscription.label = target.label[:255]
    subscription.frequency = frequency
    subscription.consent_text = consent_text
    subscription.consented_at = now
    subscription.expires_at = now + timedelta(days=settings.ALERTS_CONFIRMATION_DAYS)
    subscription.save()
    context = {
        "subscription": subscription,
        "target": target,
        "confirm_url": absolute(reverse("alerts:confirm", args=[tokens.confirm_token(subscription)])),
        "days": settings.ALERTS_CONFIRMATION_DAYS,
    }
    subject, body = render_email("confirm", context)
    queue("alerte_confirmation", [subscription.email], subject, body)
    return subscription


def unsubscribe(subscription: Subscription) -> None:
    """Delete the subscription, and the alerts to that address not sent yet
    when it follows nothing else: nothing more is sent."""
    with transaction.atomic():
        email = subscription.email
        subscription.delete()
        if not Subscription.objects.of_email(email).exists():
            pending = Notification.objects.filter(
                kind__in=MAIL_KINDS, status=Notification.Status.PENDING, request__isnull=True
            ).only("pk", "recipients")
            Notification.objects.filter(pk__in=[n.pk for n in pending if email in n.recipients]).delete()


def expire(now=None) -> dict[str, int]:
    """Delete the subscriptions never confirmed in time, the alert e-mails sent
    long enough ago (they hold the address), and the events every subscription
    has been told about."""
    now = now or timezone.now()
    expired, _ = Subscription.objects.pending().filter(expires_at__lt=now).delete()
    cursor = Subscription.objects.confirmed().aggregate(first=Min("last_event_id"))["first"]
    events, _ = AlertEvent.objects.filter(pk__lte=cursor if cursor is not None else 2**62).delete()
    old = now - timedelta(days=settings.ALERTS_SENT_MAIL_RETENTION_DAYS)
    mails, _ = Notification.objects.filter(
        kind__in=MAIL_KINDS, status=Notification.Status.SENT, sent_at__lt=old, request__isnull=True
    ).delete()
    return {"subscriptions": expired, "mails": mails, "events": events}
