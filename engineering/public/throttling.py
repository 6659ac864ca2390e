"""Rate limits of the public form and status page, through django-ratelimit, the one
rate limiter of the site (``RATELIMIT_USE_CACHE``: Redis shared by the app servers,
this process's memory while Redis is away, ``core.cache_fallback``).

Per client address (``REMOTE_ADDR`` as ``core.client_address`` rewrote it from the
trusted proxies: one visitor never pays for another behind the same Varnish) and per
e-mail. Two counters for the form, so that a mayor correcting typos is never told
"too many requests": the accepted submissions (valid forms, the real limit), and every
attempt, valid or not, limited far more loosely (abuse protection only). The status
page counts failed lookups only, per address, never per reference: a counter per
reference would let anyone lock the real requester out with a few wrong e-mails.

The limits are declared in ``config/settings`` (the load bench raises them through the
environment).
"""

from django.conf import settings
from django_ratelimit.core import get_usage


def _rate(limit_setting: str) -> tuple[int, int]:
    return getattr(settings, limit_setting), settings.ENGINEERING_RATE_LIMIT_WINDOW_SECONDS


def _count(request, group: str, limit_setting: str, key="ip", increment=True) -> dict | None:
    return get_usage(request, group=group, key=key, rate=_rate(limit_setting), increment=increment)


def _over(usage: dict | None) -> bool:
    return bool(usage and usage["should_limit"])


def attempts_exceeded(request) -> bool:
    """Count one POST of the form, valid or not; True when its address made far more
    attempts than anyone correcting a form would."""
    return _over(_count(request, "engineering-form-attempt", "ENGINEERING_ATTEMPT_LIMIT_PER_IP"))


def throttled(request, email: str = "") -> bool:
    """Count one accepted (valid) submission; True when its address or its e-mail sent
    too many. Called only once the form is valid."""
    over_ip = _over(_count(request, "engineering-form-ip", "ENGINEERING_RATE_LIMIT_PER_IP"))
    over_email = bool(email) and _over(
        _count(
            request,
            "engineering-form-email",
            "ENGINEERING_RATE_LIMIT_PER_EMAIL",
            key=lambda _group, _request: email.strip().lower(),
        )
    )
    return over_ip or over_email


def status_lookup_throttled(request) -> bool:
    """True when this address already made the allowed number of failed lookups in the
    window (guessing is slowed down; a right answer never counts)."""
    usage = _count(request, "engineering-status-ip", "ENGINEERING_STATUS_RATE_LIMIT_PER_IP", increment=False)
    return usage is not None and usage["count"] >= usage["limit"]


def status_lookup_failed(request) -> None:
    """Count one failed lookup from this address."""
    _count(request, "engineering-status-ip", "ENGINEERING_STATUS_RATE_LIMIT_PER_IP")
