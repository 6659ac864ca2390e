"""A cache that keeps the site up when Redis goes away, and uses it again when it is back.

The shared cache (``CACHE_URL``) is an optimisation: the fragments it keeps can be
recomputed, and the rate limits can count in this process's memory for a while. So
each alias wraps Django's own Redis backend and, on a connection error, answers from
its fallback: nothing (``django.core.cache.backends.dummy.DummyCache``: fragments are
recomputed, the content version reads as unknown) for the default cache, this
process's memory (``LocMemCache``) for the rate limits, where a per-process count is
still a limit. One log line says Redis is gone, one that it is back; in between the
fallback answers at once for ``RETRY_SECONDS`` before Redis is tried again, so a Redis
that does not answer costs one connection timeout every few seconds, not one per call.

django-redis' ``IGNORE_EXCEPTIONS`` does the first half (answer "nothing" on error)
but logs on every call and has no fallback, which the limits need: it would either
refuse every visitor or let every request through.

Options: ``FALLBACK`` (a cache backend path), ``RETRY_SECONDS`` (5),
``ON_RECOVERY`` (a callable's path, run once when Redis answers again: the default
cache bumps the content version, so no fragment computed before a publication made
during the outage is served again); the rest goes to Django's ``RedisCache``.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
READS = frozenset({"get", "get_many", "has_key"})

# Per process and per alias (its Redis address, fallback and recovery): the time until
# which Redis is not tried again. Per alias, so that each one sees Redis come back and
# runs its own ON_RECOVERY.
_down_until: dict[tuple, float] = {}
_lock = threading.Lock()


class FallbackCache(BaseCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.pop("OPTIONS", {}) or {})
        fallback_path = options.pop("FALLBACK", "django.core.cache.backends.dummy.DummyCache")
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        self.on_recovery = options.pop("ON_RECOVERY", "")
        super().__init__(params)
        self.server = server
        self.state = (server, fallback_path, self.on_recovery)
        self.primary = RedisCache(server, {**params, "OPTIONS": options})
        self.fallback = import_string(fallback_path)(f"fallback-{server}", dict(params))

    def _call(self, name, *args, **kwargs):
        if time.monotonic() < _down_until.get(self.state, 0):
            return getattr(self.fallback, name)(*args, **kwargs)
        try:
            result = getattr(self.primary, name)(*args, **kwargs)
        except UNREACHABLE as error:
            self._went_down(error)
            return getattr(self.fallback, name)(*args, **kwargs)
        if self.state in _down_until and self._came_back() and name in READS:
            result = getattr(self.primary, name)(*args, **kwargs)  # as the recovery left it
        return result

    def _went_down(self, error):
        with _lock:
            first = self.state not in _down_until
            _down_until[self.state] = time.monotonic() + self.retry_seconds
        if first:
            logger.error(
                "Cache partagé (Redis) injoignable : le site continue sans lui (%s). %s",
                type(self.fallback).__name__,
                error,
            )

    def _came_back(self) -> bool:
        """Log the recovery and run ON_RECOVERY, once; True when a hook ran."""
        with _lock:
            was_down = _down_until.pop(self.state, None) is not None
        if not was_down:
            return False
        logger.warning("Cache partagé (Redis) de nouveau joignable : il sert à nouveau.")
        if self.on_recovery:
            import_string(self.on_recovery)()
        return bool(self.on_recovery)

    # The cache API, each call to Redis or, while it is away, to the fallback.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def clear(self):
        self.fallback.clear()
        return self._call("clear")

    def close(self, **kwargs):
        self.primary.close(**kwargs)
