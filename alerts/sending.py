"""Sending the alerts: each run takes at most ``ALERTS_PER_RUN`` subscriptions
that have something new (immediate ones at once, weekly ones when their week
is over), writes each one's digest and queues it in the site's outbox, which
sends it through the task worker and retries it on failure.

A run is a django-tasks task, enqueued when an event is recorded and again
while subscriptions remain (bounded runs, one after the other), and
``manage.py send_alerts`` (cron) is the safety net and starts the weekly
digests. A subscription is claimed by a conditional update of its cursor in
the transaction that queues its mail: two runs never send the same digest, and
a digest that fails to be written leaves the cursor where it was, to be tried
again at the next run.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from engineering.protocol.outbox import absolute, mail_backend_alias, queue

from . import targets
from .digest import Answers, items_for
from .models import AlertEvent, Subscription
from .subscriptions import links, render_email, unsubscribe_headers

logger = logging.getLogger(__name__)


def due(now, latest: int):
    """Confirmed subscriptions with events they have not been told about, whose
    turn has come: immediate ones always, weekly ones once their week is over."""
    frequency = Subscription.Frequency
    return (
        Subscription.objects.confirmed()
        .filter(last_event_id__lt=latest)
        .filter(Q(frequency=frequency.IMMEDIATE) | Q(next_digest_at__lte=now))
        .order_by("next_digest_at", "pk")
    )


def send_alerts(now=None, limit: int | None = None) -> dict:
    """One bounded run; says how many digests were queued, how many
    subscriptions had nothing new for them, failed, and whether more remain."""
    now = now or timezone.now()
    limit = limit or settings.ALERTS_PER_RUN
    latest = AlertEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    batch = list(due(now, latest)[: limit + 1])
    counts = {"sent": 0, "nothing": 0, "failed": 0, "remaining": len(batch) > limit}
    batch = batch[:limit]
    if not batch:
        return counts
    first = min(s.last_event_id for s in batch)
    events = list(
        AlertEvent.objects.filter(pk__gt=first, pk__lte=latest).select_related("dataset", "page", "news")
    )
    answers = Answers()
    for subscription in batch:
        try:
            sent = send_one(subscription, events, latest, now, answers)
        except Exception:  # noqa: BLE001 - one bad digest must not stop the others; retried next run
            logger.exception("Alert digest for subscription %s failed", subscription.pk)
            counts["failed"] += 1
            continue
        counts["sent" if sent else "nothing"] += 1
    return counts


@transaction.atomic
def send_one(subscription, events, latest: int, now, answers) -> bool:
    mine = [
        e for e in events if e.pk > subscription.last_event_id and e.created_at >= subscription.confirmed_at
    ]
    items = items_for(subscription, mine, answers)
    fields = {"last_event_id": latest}
    if items:
        fields["last_sent_at"] = now
        if subscription.frequency == Subscription.Frequency.WEEKLY:
            fields["next_digest_at"] = now + timedelta(days=settings.ALERTS_DIGEST_DAYS)
    claimed = Subscription.objects.filter(
        pk=subscription.pk, last_event_id=subscription.last_event_id
    ).update(**fields)
    if not claimed or not items:
        return False
    target = targets.of(subscription)
    context = {
        "subscription": subscription,
        "items": items,
        "target_url": absolute(target.url) if target is not None and target.url else "",
        **links(subscription),
    }
    subject, body = render_email("digest", context)
    queue("alerte_nouveautes", [subscription.email], subject, body, headers=unsubscribe_headers(subscription))
    return True


@task()
def send_alerts_task() -> dict:
    counts = send_alerts()
    if counts["remaining"]:
        enqueue()
    return counts


def enqueue() -> None:
    """Start a run on the mail worker; if the queue refuses, cron's run will do."""
    try:
        send_alerts_task.using(backend=mail_backend_alias()).enqueue()
    except Exception:  # noqa: BLE001 - the cron command is the safety net
        logger.exception("Could not enqueue the alerts run")
