"""What the agency's staff may know of the alerts: counts, never an address
(the subscribers' addresses are personal data only the sending needs)."""

from datetime import timedelta

from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from engineering.models import Notification

from .models import AlertEvent, Subscription


def counts(now=None) -> dict:
    now = now or timezone.now()
    month = now - timedelta(days=30)
    confirmed = Subscription.objects.confirmed()
    by = {
        (row["scope"], row["frequency"]): row["n"]
        for row in confirmed.values("scope", "frequency").annotate(n=Count("pk"))
    }
    rows = [
        [str(label), *[by.get((scope, frequency), 0) for frequency in Subscription.Frequency.values]]
        for scope, label in Subscription.Scope.choices
    ]
    return {
        "confirmed": confirmed.count(),
        "pending": Subscription.objects.pending().count(),
        "rows": rows,
        "header": [_("Suivi"), *[str(label) for label in Subscription.Frequency.labels]],
        "events": AlertEvent.objects.filter(created_at__gte=month).count(),
        "sent": Notification.objects.filter(
            kind="alerte_nouveautes", status=Notification.Status.SENT, sent_at__gte=month
        ).count(),
    }


def alert_counts(request):
    return render(
        request,
        "alerts/admin/counts.html",
        {"page_title": _("Alertes par courriel"), "header_icon": "mail", **counts()},
    )
