"""The shared cache is an optimisation: with its Redis stopped mid-run, pages, the form and
the error pages still answer (fragments recomputed, limits counted in this process), a log
line says so, and Redis is used again once it is back. Issue 20: with Redis stopped, 822 of
2,012 reads that missed the HTTP cache answered 500, the form could not be opened and the
French 500 page itself failed."""

import logging
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from redis import Redis

from config.env import env_caches
from home.models import StandardPage
from home.views import server_error
from tests.serving.conftest import TOOLS, free_port, require_program
from tests.serving.test_behind_the_proxy import request_data
from tests.serving.visitors import Visitor

pytestmark = [pytest.mark.http_cache, pytest.mark.django_db(transaction=True)]
PAGES = [
    "/",
    "/appel-a-projets/",
    "/programmes/",
    "/communes/08105/",
    "/ingenierie/demande/",
    "/plan-du-site/",
]


@pytest.fixture
def redis_port(settings, monkeypatch):
    """A Redis of its own (tools/serve/redis.sh), behind the site's caches, that the test
    stops and starts again."""
    require_program("redis-server", "redis-server")
    port = free_port()
    url = subprocess.run(
        [str(TOOLS / "redis.sh"), "start", str(port)], capture_output=True, text=True, check=True
    ).stdout.strip()
    monkeypatch.setenv("CACHE_URL", url)
    configured = env_caches("CACHE_URL")
    for alias in configured.values():
        alias["OPTIONS"]["RETRY_SECONDS"] = 1
    settings.CACHES = configured
    yield port
    subprocess.run([str(TOOLS / "redis.sh"), "stop", str(port)], check=False)


@pytest.fixture
def news_page(home_page):
    page = StandardPage(title="Appel à projets ouvert", slug="appel-a-projets")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def ban_everything(visitor: Visitor):
    assert visitor.request("BAN", "/", headers={"X-Ban-Scope": "prefix"})[0] == 200


def test_without_redis_every_page_and_the_form_answer_then_redis_serves_again(
    http_cache, redis_port, news_page, programme_index, real_territories, caplog
):
    caplog.set_level(logging.WARNING, logger="core.cache_fallback")
    visitor = Visitor(http_cache, "127.0.0.1")
    redis = Redis(port=redis_port)
    assert [visitor.get(path)[0] for path in PAGES] == [200] * len(PAGES)
    assert redis.dbsize() > 0  # fragments and the content version are in Redis

    subprocess.run([str(TOOLS / "redis.sh"), "stop", str(redis_port)], check=True)
    ban_everything(visitor)
    statuses = [visitor.get(path)[0] for _round in range(3) for path in PAGES]
    assert statuses == [200] * len(statuses)
    assert visitor.get("/page-absente/")[0] == 404
    html = server_error(RequestFactory().get("/")).content.decode()
    assert "Erreur" in html or "erreur" in html
    submitter = Visitor(http_cache, "127.0.0.70")
    submitter.get("/ingenierie/demande/")
    assert submitter.post("/ingenierie/demande/", request_data(1))[0] == 302
    assert "Cache partagé (Redis) injoignable" in caplog.text

    subprocess.run([str(TOOLS / "redis.sh"), "start", str(redis_port)], check=True, capture_output=True)
    time.sleep(1.5)  # RETRY_SECONDS: Redis is tried again
    ban_everything(visitor)
    assert [visitor.get(path)[0] for path in PAGES] == [200] * len(PAGES)
    assert "de nouveau joignable" in caplog.text
    assert Redis(port=redis_port).dbsize() > 0


def test_limits_count_in_this_process_while_redis_is_away(redis_port, settings):
    """A per-process count is still a limit: the form is not opened to everyone, nor
    closed to everyone (django-ratelimit would refuse every request if its cache failed)."""
    subprocess.run([str(TOOLS / "redis.sh"), "stop", str(redis_port)], check=True)
    limits = caches["limits"]
    assert limits.add("compteur", 1) is True
    assert limits.incr("compteur") == 2
    assert caches["default"].get("absent", "défaut") == "défaut"


def test_a_publication_during_an_outage_is_not_hidden_by_older_fragments(redis_port):
    """Redis unreachable but not emptied (paused here): a publication meanwhile bumps a
    version no one sees; when Redis answers again, the version moves on, so the fragments
    cached before the outage are not served again."""
    from core import content_version

    before = content_version.current()
    Redis(port=redis_port).execute_command("CLIENT", "PAUSE", 2500, "ALL")
    content_version.bump()  # the publication, while Redis does not answer: lost
    assert content_version.current() == 1  # the fallback knows no version
    time.sleep(3)  # the pause is over, and RETRY_SECONDS has passed
    assert content_version.current() == before + 1
