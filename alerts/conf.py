"""Tunable values of the alerts, read like ``engineering.conf``: a Django
setting of the same name, else the environment variable, else the default."""

import os

from django.conf import settings

DEFAULTS = {
    # Days a subscription waits for the confirmation of its address before it is deleted.
    "ALERTS_CONFIRMATION_DAYS": 7,
    # Days between two digests of a weekly subscription.
    "ALERTS_DIGEST_DAYS": 7,
    # Subscriptions handled per run of the sender (task or cron): a run stays short.
    "ALERTS_PER_RUN": 100,
    # Subscription form: valid subscriptions per window per client and per address,
    # and every attempt per client (far looser: typos are never penalised).
    "ALERTS_RATE_LIMIT_PER_IP": 10,
    "ALERTS_RATE_LIMIT_PER_EMAIL": 3,
    "ALERTS_ATTEMPT_LIMIT_PER_IP": 60,
    "ALERTS_RATE_LIMIT_WINDOW_SECONDS": 600,
    # Days an alert e-mail stays in the outbox once sent (it holds the address).
    "ALERTS_SENT_MAIL_RETENTION_DAYS": 30,
}


def setting(name: str) -> int:
    if hasattr(settings, name):
        return getattr(settings, name)
    value = os.environ.get(name, "").strip()
    return int(value) if value else DEFAULTS[name]
