"""The site behind the real Varnish (tools/serve/varnish.vcl, as `make serve` runs it), with
visitors on distinct loopback addresses (127.0.0.x: real other clients, not headers). Each
limit counts per visitor, never per proxy; a header a visitor wrote changes nothing.
Issue 20: through Varnish, 400 submissions from 400 addresses gave 5 accepted and 394 × 429,
and 20 failed logins from anyone locked the whole administration."""

import re

import pytest
from django.core import mail

from engineering.models import EngineeringRequest
from home.models import StandardPage
from tests.serving.visitors import Visitor

pytestmark = [pytest.mark.http_cache, pytest.mark.django_db(transaction=True)]
FORM = "/ingenierie/demande/"


def request_data(n: int, **extra) -> dict:
    return {
        "collectivite": "08105",
        "requester_name": f"Camille Martin {n}",
        "requester_role": "maire",
        "requester_email": f"maire-{n}@example.fr",
        "title": f"Réhabilitation du pont n°{n}",
        "stage": "etude",
        "description": "Pont communal fragilisé : une étude de structure est nécessaire avant travaux.",
        "consent": "on",
        "website": "",
        **extra,
    }


def submit(visitor: Visitor, n: int, headers=None) -> int:
    status, _headers, _text = visitor.get(FORM)
    assert status == 200
    return visitor.post(FORM, request_data(n), headers=headers)[0]


@pytest.fixture
def limits(settings):
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 2
    settings.ENGINEERING_RATE_LIMIT_PER_EMAIL = 100


def test_submissions_from_many_visitors_are_all_accepted(http_cache, real_territories, limits):
    statuses = [submit(Visitor(http_cache, f"127.0.0.{20 + n}"), n) for n in range(8)]
    assert statuses == [302] * 8
    assert EngineeringRequest.objects.count() == 8
    # The limit still holds for one visitor: its third submission is refused.
    one = Visitor(http_cache, "127.0.0.40")
    assert [submit(one, 100 + n) for n in range(3)] == [302, 302, 429]


def test_a_spoofed_forwarded_for_changes_nothing(http_cache, live_server, real_territories, limits):
    through_varnish = Visitor(http_cache, "127.0.0.41")
    spoofed = [submit(through_varnish, n, headers={"X-Forwarded-For": f"198.51.100.{n}"}) for n in range(3)]
    assert spoofed == [302, 302, 429]
    # Straight to the app server, from an address that is not a trusted proxy.
    direct = Visitor(live_server.url, "127.0.0.42")
    spoofed = [submit(direct, 10 + n, headers={"X-Forwarded-For": f"198.51.100.{n}"}) for n in range(3)]
    assert spoofed == [302, 302, 429]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editrice", "editrice@example.org", "bon-mot-de-passe")


def log_in(visitor: Visitor, password: str):
    visitor.get("/admin/login/")
    return visitor.post("/admin/login/", {"username": "editrice", "password": password, "next": "/admin/"})


def test_failed_logins_from_one_visitor_never_refuse_another(http_cache, editor):
    attacker = Visitor(http_cache, "127.0.0.43")
    statuses = [log_in(attacker, "faux")[0] for _ in range(6)]
    assert statuses[:4] == [200] * 4 and statuses[-1] == 429
    status, _headers, text = log_in(attacker, "bon-mot-de-passe")
    assert status == 429 and "Trop de tentatives de connexion ont échoué" in text
    status, headers, _text = log_in(Visitor(http_cache, "127.0.0.44"), "bon-mot-de-passe")
    assert status == 302 and headers["Location"] == "/admin/"


@pytest.fixture
def news_page(home_page):
    page = StandardPage(title="Appel à projets ouvert", slug="appel-a-projets")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def script_source(headers) -> str:
    return re.search(r"script-src (\S+)", headers["Content-Security-Policy"]).group(1)


def test_plain_http_and_forwarded_proto_never_change_what_https_visitors_get(http_cache, news_page):
    """Issue 20: an ``X-Forwarded-Proto: https`` header switched cached links and the
    script policy for everyone. 127.0.0.1 is the TLS terminator (TLS_TERMINATORS)."""
    claiming = Visitor(http_cache, "127.0.0.45", headers={"X-Forwarded-Proto": "https"})
    plain = Visitor(http_cache, "127.0.0.46")
    https_visitor = Visitor(http_cache, "127.0.0.1", headers={"X-Forwarded-Proto": "https"})
    for _round in range(2):
        for visitor in (claiming, plain):
            status, headers, _text = visitor.get("/appel-a-projets/")
            assert status == 200 and script_source(headers).startswith("http://")
        status, headers, _text = https_visitor.get("/appel-a-projets/")
        assert status == 200 and script_source(headers).startswith("https://")
    assert headers["X-Cache"] == "HIT"


def test_a_body_over_the_limit_gets_the_french_413_page_through_varnish(http_cache):
    """Issue 20: Varnish answered "503 Backend fetch failed" in English."""
    status, _headers, text = Visitor(http_cache, "127.0.0.47").request(
        "POST", FORM, body=b"x" * (61 * 1024 * 1024), headers={"Content-Type": "application/octet-stream"}
    )
    assert status == 413 and "Envoi trop volumineux" in text


def test_a_confirmation_link_opens_the_confirmation_page_where_the_site_is_served(
    http_cache, real_territories, settings
):
    """Issue 20: confirmation e-mails linked to port 8000 whatever port the site ran on."""
    settings.SITE_BASE_URL = http_cache
    mail.outbox.clear()
    assert submit(Visitor(http_cache, "127.0.0.48"), 1) == 302
    [message] = [m for m in mail.outbox if "maire-1@example.fr" in m.to]
    link = re.search(r"https?://\S+/confirmer/\S+/", message.body).group(0)
    assert link.startswith(http_cache + "/ingenierie/demande/confirmer/")
    status, _headers, text = Visitor(http_cache, "127.0.0.49").get(link.removeprefix(http_cache))
    assert status == 200 and "Réhabilitation du pont n°1" in text
