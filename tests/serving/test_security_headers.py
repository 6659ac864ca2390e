"""Security headers on every answer, including the error pages a hostile request
gets: the public policy lets scripts come only from the static directory of the
host asked for, the admin has its own, and a host the site does not serve gets
a 400 with a policy, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def script_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return next(part.split() for part in policy.split(";") if part.strip().startswith("script-src"))


def test_public_pages_take_scripts_only_from_the_static_directory(client, home_page):
    response = client.get("/", HTTP_HOST="localhost")
    assert script_src(response) == ["script-src", "http://localhost/static/"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "unsafe-inline" not in " ".join(script_src(client.get("/communes/08105/")))


def test_the_admin_login_has_the_admin_policy(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "object-src 'none'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_an_unknown_host_gets_a_400_with_a_policy(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    response = client.get("/", HTTP_HOST="attaquant.example")
    assert response.status_code == 400
    assert script_src(response) == ["script-src", "'self'"]
