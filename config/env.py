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


def cache_from_url(url: str) -> dict:
    """A ``CACHES`` entry from ``CACHE_URL``: ``redis://host:port/db`` (or
    ``rediss://``) for Redis, empty for the local-memory cache of one process."""
    url = url.strip()
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "anct"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"CACHE_URL non reconnue : {url} (attendu : redis://hôte:port/base).")
