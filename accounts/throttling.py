"""Counters of failed attempts in the shared cache (``CACHES["default"]``:
Redis through ``CACHE_URL`` in production, so that every process sees the
same counts), for the admin login: per account and per IP address.

A fixed window per key; the key holds a hash of the value, never the value.
"""

import hashlib

from django.core.cache import cache


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{kind}:{digest}"


def count(kind: str, value: str) -> int:
    return cache.get(_key(kind, value), 0)


def add_one(kind: str, value: str, window: int) -> int:
    """Count one more failure in the window that starts with the first one."""
    key = _key(kind, value)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def forget(kind: str, value: str) -> None:
    cache.delete(_key(kind, value))


def client_ip(request) -> str:
    """The address the request came from: ``REMOTE_ADDR``, which the reverse proxy
    in front of the site must set to the client's address."""
    return (request.META.get("REMOTE_ADDR") or "")[:64] if request is not None else ""
