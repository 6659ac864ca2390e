"""Varnish and Redis from Debian packages for the serving tests.

``tests/run.sh`` starts one of each per pytest-xdist worker and stops them by trap;
``tests/conftest.py`` hands each worker its own (``HTTP_CACHE_TEST_URL``: the Varnish
in front of that worker's live server port; ``REDIS_TEST_URL``). Run alone, these
fixtures start their own with ``tools/serve/`` and stop them at the end. Without the
packages the tests are skipped, except in CI where that is a failure.
"""

import os
import shutil
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "serve"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_program(name: str, package: str):
    if shutil.which(name) or Path("/usr/sbin", name).exists():
        return
    message = f"{name} absent : apt-get install {package} (make install-test l'installe)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def http_cache_url(live_server):
    """Base URL of a Varnish (tools/serve/varnish.vcl) in front of the live server."""
    url = os.environ.get("HTTP_CACHE_TEST_URL")
    if url:
        yield url
        return
    require_program("varnishd", "varnish")
    port = free_port()
    started = subprocess.run(
        [str(TOOLS / "varnish.sh"), "start", str(port), str(live_server.thread.port)],
        capture_output=True,
        text=True,
        check=True,
    )
    yield started.stdout.strip()
    subprocess.run([str(TOOLS / "varnish.sh"), "stop", str(port)], check=False)


@pytest.fixture
def http_cache(http_cache_url, settings):
    """An empty HTTP cache that publishing purges, for one test."""
    request = urllib.request.Request(http_cache_url + "/", method="BAN", headers={"X-Ban-Scope": "prefix"})
    urllib.request.urlopen(request, timeout=5)  # noqa: S310 - loopback
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "core.frontend_cache.VarnishBanBackend", "LOCATION": http_cache_url}
    }
    return http_cache_url


@pytest.fixture(scope="session")
def redis_url():
    url = os.environ.get("REDIS_TEST_URL")
    if url:
        yield url
        return
    require_program("redis-server", "redis-server")
    port = free_port()
    started = subprocess.run(
        [str(TOOLS / "redis.sh"), "start", str(port)], capture_output=True, text=True, check=True
    )
    yield started.stdout.strip()
    subprocess.run([str(TOOLS / "redis.sh"), "stop", str(port)], check=False)
