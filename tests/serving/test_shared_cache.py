"""CACHE_URL: a Redis shared by every app server (real Redis from Debian)."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured

from config.env import env_cache
from core import content_version

pytestmark = pytest.mark.http_cache


def test_without_cache_url_each_process_keeps_its_own_memory_cache(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    assert env_cache("CACHE_URL")["BACKEND"].endswith("LocMemCache")


def test_a_cache_url_that_is_not_redis_is_refused(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "memcached://127.0.0.1:11211")
    with pytest.raises(ImproperlyConfigured):
        env_cache("CACHE_URL")


def test_a_publication_seen_by_one_app_server_is_seen_by_the_others(redis_url, settings, monkeypatch):
    """Two app servers share CACHE_URL: the content version one bumps (on publish) is
    the version the other reads, so neither serves a stale cached fragment."""
    monkeypatch.setenv("CACHE_URL", redis_url)
    settings.CACHES = {"default": env_cache("CACHE_URL")}
    cache.clear()
    other_server = RedisCache(redis_url, {"KEY_PREFIX": "anct"})
    before = content_version.current()
    content_version.bump()
    assert other_server.get(content_version.KEY) == before + 1
    cache.clear()
