"""The rate limit of the subscription form, per client, like the engineering
request form's: every attempt counts (loosely, against abuse), a valid
subscription counts per client and per address (the real limit, which also
keeps anyone from flooding someone else's mailbox with confirmation mails).

This module is the app's one call to the site's rate limiter (the shared-cache
counters of ``accounts.throttling``, keyed by the client address the proxy
gives): swap the limiter here and nowhere else.
"""

from django.conf import settings

from accounts.throttling import add_one, client_ip


def over_limit(request, *, email: str = "") -> bool:
    """Count this POST and say whether its client went over the limit.
    Without ``email``: one attempt, valid or not. With it: one accepted
    subscription, for the client and for the address."""
    window = settings.ALERTS_RATE_LIMIT_WINDOW_SECONDS
    client = client_ip(request)
    if not email:
        return add_one("alerts-attempt", client, window) > settings.ALERTS_ATTEMPT_LIMIT_PER_IP
    over_client = add_one("alerts-ip", client, window) > settings.ALERTS_RATE_LIMIT_PER_IP
    over_email = add_one("alerts-email", email, window) > settings.ALERTS_RATE_LIMIT_PER_EMAIL
    return over_client or over_email
