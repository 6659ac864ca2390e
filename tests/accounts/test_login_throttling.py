"""Admin login throttling: per account and per address, with a French message,
counted in the shared cache (a real Redis server in the last test)."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from config.env import env_cache

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
THROTTLED = "Trop de tentatives de connexion ont échoué"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editrice", "editrice@example.org", "bon-mot-de-passe")


def login(username, password, ip="10.1.0.1"):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, "_auth_user_id" in client.session


def test_a_wrong_password_says_so_in_french(editor):
    response, logged_in = login("editrice", "faux")
    assert not logged_in and "Identifiant ou mot de passe incorrect" in response.content.decode()


def test_five_failures_on_one_account_suspend_it_even_from_other_addresses(editor, django_user_model):
    for i in range(5):
        assert not login("editrice", "faux", ip=f"10.2.0.{i}")[1]
    response, logged_in = login("editrice", "bon-mot-de-passe", ip="10.3.0.1")
    html = response.content.decode()
    assert not logged_in and THROTTLED in html and "15 minutes" in html
    django_user_model.objects.create_user("autre", password="autre-mot-de-passe", is_superuser=True)
    assert login("autre", "autre-mot-de-passe", ip="10.2.0.1")[1]


def test_twenty_failures_from_one_address_suspend_it_for_every_account(editor):
    for i in range(20):
        assert not login(f"inconnu{i}", "faux", ip="10.4.0.1")[1]
    response, logged_in = login("editrice", "bon-mot-de-passe", ip="10.4.0.1")
    assert not logged_in and THROTTLED in response.content.decode()
    assert login("editrice", "bon-mot-de-passe", ip="10.4.0.2")[1]


def test_thirty_wrong_passwords_are_not_all_checked(editor, django_user_model):
    """Issue 12: 30 wrong admin passwords in a row were all tried."""
    checked = []
    original = django_user_model.check_password
    django_user_model.check_password = lambda self, raw: checked.append(raw) or original(self, raw)
    try:
        for _ in range(30):
            login("editrice", "faux")
    finally:
        django_user_model.check_password = original
    assert len(checked) == 5


def test_a_success_clears_the_accounts_counter(editor):
    for _ in range(4):
        login("editrice", "faux")
    assert login("editrice", "bon-mot-de-passe")[1]
    for _ in range(4):
        login("editrice", "faux")
    assert login("editrice", "bon-mot-de-passe")[1]


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway Redis server (Debian's redis-server) on a free port."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server absent (paquet Debian redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def test_failures_counted_by_another_process_throttle_this_one(editor, redis_url):
    """With CACHE_URL on Redis, the count is shared by every process serving the site."""
    script = (
        "import django; django.setup()\n"
        "from accounts import throttling\n"
        "for _ in range(5): throttling.add_one('login-account', 'editrice', 900)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "CACHE_URL": redis_url,
            "PATH": "/usr/bin:/bin",
        },
        timeout=60,
    )
    # The same cache the subprocess built from CACHE_URL (config.env.env_cache).
    redis_cache = {"default": env_cache_for(redis_url)}
    with override_settings(CACHES=redis_cache):
        response, logged_in = login("editrice", "bon-mot-de-passe")
    assert not logged_in and THROTTLED in response.content.decode()


def env_cache_for(url: str) -> dict:
    """``CACHES["default"]`` as the settings build it from ``CACHE_URL=url``."""
    import os

    previous = os.environ.get("CACHE_URL")
    os.environ["CACHE_URL"] = url
    try:
        return env_cache("CACHE_URL")
    finally:
        if previous is None:
            del os.environ["CACHE_URL"]
        else:
            os.environ["CACHE_URL"] = previous
