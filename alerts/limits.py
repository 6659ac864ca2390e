"""The rate limit of the subscription form, per client, like the engineering
request form's: every attempt counts (loosely, against abuse), a valid
subscription counts per client and per address (the real limit, which also
keeps anyone from flooding someone else's mailbox with confirmation mails).

Through django-ratelimit, the site's one rate limiter, keyed by the client
address as ``core.client_address`` rewrote it from the trusted proxies.
"""

from django.conf import settings
from django_ratelimit.core import get_usage


def _over(request, group: str, limit: int, key) -> bool:
    rate = (limit, settings.ALERTS_RATE_LIMIT_WINDOW_SECONDS)
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    return bool(usage and usage["should_limit"])


def over_limit(request, *, email: str = "") -> bool:
    """Count this POST and say whether its client went over the limit.
    Without ``email``: one attempt, valid or not. With it: one accepted
    subscription, for the client and for the address."""
    if not email:
        return _over(request, "alerts-attempt", settings.ALERTS_ATTEMPT_LIMIT_PER_IP, "ip")
    over_client = _over(request, "alerts-ip", settings.ALERTS_RATE_LIMIT_PER_IP, "ip")
    over_email = _over(
        request, "alerts-email", settings.ALERTS_RATE_LIMIT_PER_EMAIL, lambda _group, _request: email.lower()
    )
    return over_client or over_email
