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


def env_cache(name: str) -> dict:
    """The default cache from a URL: ``redis://…`` (shared by every app server, needed
    as soon as there are two of them for rate limits and throttling) or empty for the
    local-memory cache of one process (``make run``, tests)."""
    url = os.environ.get(name, "").strip()
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "anct"}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"{name} : adresse Redis attendue (redis://hôte:port/base), reçu « {url} »."
        )
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "anct"}
