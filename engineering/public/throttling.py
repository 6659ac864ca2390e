"""Rate limit of the public form, per IP address and per email, in the cache.

Two counters, so that a mayor correcting typos is never told "too many
requests": the accepted submissions (valid forms, the real limit), and every
attempt, valid or not, limited far more loosely (abuse protection only).

No third party and no tracking: a counter per key and fixed window. The limits
come from ``engineering.conf`` (the load bench raises them through the
environment). The cache must be shared by the processes serving the form
(a memcached or Redis cache in production) for the limit to be global.
"""

import hashlib

from django.core.cache import cache

from ..conf import setting


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"engineering:rate:{kind}:{digest}"


def _hit(kind: str, value: str, limit: int, window: int) -> bool:
    """Count one attempt; True when the limit is exceeded."""
    key = _key(kind, value)
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            count = 1
    return count > limit


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def attempts_exceeded(request) -> bool:
    """Count one POST of the form, valid or not; True when its IP address made
    far more attempts than anyone correcting a form would."""
    window = setting("ENGINEERING_RATE_LIMIT_WINDOW_SECONDS")
    return _hit("attempt-ip", client_ip(request), setting("ENGINEERING_ATTEMPT_LIMIT_PER_IP"), window)


def throttled(request, email: str = "") -> bool:
    """Count one accepted (valid) submission; True when its IP address or email
    sent too many. Called only once the form is valid."""
    window = setting("ENGINEERING_RATE_LIMIT_WINDOW_SECONDS")
    over_ip = _hit("ip", client_ip(request), setting("ENGINEERING_RATE_LIMIT_PER_IP"), window)
    over_email = bool(email) and _hit("email", email, setting("ENGINEERING_RATE_LIMIT_PER_EMAIL"), window)
    return over_ip or over_email


def status_lookup_throttled(request) -> bool:
    """True when this IP address made too many failed lookups on the public
    status page in the window (guessing is slowed down). Only the address is
    limited: a counter per reference let anyone lock the real requester out
    with a few wrong e-mails (references are sequential)."""
    key = _key("status-ip", client_ip(request))
    return (cache.get(key) or 0) >= setting("ENGINEERING_STATUS_RATE_LIMIT_PER_IP")


def status_lookup_failed(request) -> None:
    """Count one failed lookup from this IP address; a right answer costs nothing."""
    _hit(
        "status-ip",
        client_ip(request),
        setting("ENGINEERING_STATUS_RATE_LIMIT_PER_IP"),
        setting("ENGINEERING_RATE_LIMIT_WINDOW_SECONDS"),
    )
