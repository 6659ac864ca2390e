"""Reads deployment facts and secrets from the environment, in one place.

Settings modules never call ``os.environ`` directly, so that every variable the
site understands is listed here or next to the setting that uses it, and a
missing mandatory value fails with one readable line instead of a traceback.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: tuple[str, ...] = ()) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def require(name: str, explanation: str) -> str:
    """Return a mandatory variable or stop with a one-line French explanation."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} manquant : {explanation}")
    return value


def env_caches(name: str) -> dict:
    """The caches from a URL: ``redis://…`` (shared by every app server, needed as soon
    as there are two of them for the rate limits) or empty for the local memory of one
    process (``make run``, tests). Two aliases: ``default`` (fragments, content version)
    and ``limits`` (django-ratelimit's counters). On Redis, each falls back while Redis
    is away (``core.cache_fallback``): to nothing for the fragments, to this process's
    memory for the limits."""
    url = os.environ.get(name, "").strip()
    if not url:
        # Same LOCATION: one memory, so clearing the default cache resets the limits too.
        local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "anct"}
        return {"default": local, "limits": dict(local)}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"{name} : adresse Redis attendue (redis://hôte:port/base), reçu « {url} »."
        )
    redis = {
        "BACKEND": "core.cache_fallback.FallbackCache",
        "LOCATION": url,
        "KEY_PREFIX": "anct",
        # Short waits: a Redis that does not answer must not hold a page.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    return {
        "default": {**redis, "OPTIONS": {**redis["OPTIONS"], "ON_RECOVERY": "core.content_version.bump"}},
        "limits": {
            **redis,
            "OPTIONS": {**redis["OPTIONS"], "FALLBACK": "django.core.cache.backends.locmem.LocMemCache"},
        },
    }


def env_cache(name: str) -> dict:
    """The default cache alone (see ``env_caches``)."""
    return env_caches(name)["default"]
