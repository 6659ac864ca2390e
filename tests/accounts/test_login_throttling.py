"""Admin login throttling: django-axes locks an account for one client address (never
for everyone), django-ratelimit limits an address failing on many accounts; a French
message either way; the per-address count shared through Redis (last test)."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings

from accounts.forms import failures_from_address
from config.env import env_caches

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


def test_five_failures_lock_the_account_for_that_address_only(editor, django_user_model):
    """Issue 20: five wrong passwords from anyone locked an editor out everywhere."""
    for _ in range(5):
        assert not login("editrice", "faux", ip="10.2.0.1")[1]
    response, logged_in = login("editrice", "bon-mot-de-passe", ip="10.2.0.1")
    html = response.content.decode()
    assert not logged_in and response.status_code == 429
    assert THROTTLED in html and "15 minutes" in html
    # The editor, from her own address, is not locked out by someone else's failures.
    assert login("editrice", "bon-mot-de-passe", ip="10.3.0.1")[1]
    # Another account from the same address still logs in.
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
    """With CACHE_URL on Redis, the count per address is shared by every process."""
    script = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from accounts.forms import failures_from_address\n"
        "request = RequestFactory().post('/admin/login/', REMOTE_ADDR='10.1.0.1')\n"
        "for _ in range(20): failures_from_address(request, increment=True)\n"
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
    # The same caches the subprocess built from CACHE_URL (config.env.env_caches).
    with override_settings(CACHES=env_caches_for(redis_url)):
        response, logged_in = login("editrice", "bon-mot-de-passe")
        usage = failures_from_address(RequestFactory().post(LOGIN, REMOTE_ADDR="10.1.0.1"), increment=False)
    assert not logged_in and THROTTLED in response.content.decode()
    assert usage["count"] == 20


def env_caches_for(url: str) -> dict:
    """``CACHES`` as the settings build it from ``CACHE_URL=url``."""
    import os

    previous = os.environ.get("CACHE_URL")
    os.environ["CACHE_URL"] = url
    try:
        return env_caches("CACHE_URL")
    finally:
        if previous is None:
            del os.environ["CACHE_URL"]
        else:
            os.environ["CACHE_URL"] = previous
