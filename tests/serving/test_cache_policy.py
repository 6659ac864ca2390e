"""Which responses the HTTP cache may share (core.http_cache), the static storage that
never turns a missing manifest into a 500, the trimmed DSFR stylesheet, and the
production settings' deployment check."""

import os
import secrets
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from core.http_cache import CachePolicyMiddleware
from core.static_storage import ForgivingCompressedManifestStorage
from home.management.commands.build_utility_css import TARGET, build
from tests.serving.conftest import ROOT
from tests.test_foundation import LEGAL_SETTINGS


class Anonymous:
    is_authenticated = False


class Editor:
    is_authenticated = True


def respond(request, view=lambda request: HttpResponse("ok")):
    if not hasattr(request, "user"):
        request.user = Anonymous()
    return CachePolicyMiddleware(view)(request)


def test_an_anonymous_page_is_public_for_the_http_cache(settings):
    response = respond(RequestFactory().get("/programmes/"))
    assert "public" in response["Cache-Control"]
    assert f"s-maxage={settings.HTTP_CACHE_SECONDS}" in response["Cache-Control"]


@pytest.mark.parametrize(
    "request_kind",
    ["post", "editor", "session cookie", "search", "admin", "engineering form"],
)
def test_personal_or_unshareable_responses_are_private(request_kind):
    factory = RequestFactory()
    request = {
        "post": lambda: factory.post("/programmes/"),
        "editor": lambda: factory.get("/programmes/"),
        "session cookie": lambda: factory.get("/programmes/", HTTP_COOKIE="sessionid=abc"),
        "search": lambda: factory.get("/recherche/?q=ville"),
        "admin": lambda: factory.get("/admin/pages/"),
        "engineering form": lambda: factory.get("/ingenierie/demande/"),
    }[request_kind]()
    if request_kind == "editor":
        request.user = Editor()
    response = respond(request)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_page_that_renders_a_csrf_token_is_private():
    def form_view(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    response = respond(RequestFactory().get("/une-page-avec-formulaire/"), form_view)
    assert "private" in response["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_private():
    def view(request):
        response = HttpResponse("ok")
        response.set_cookie("choix", "1")
        return response

    assert "private" in respond(RequestFactory().get("/programmes/"), view)["Cache-Control"]


@pytest.mark.parametrize("status", [301, 302, 404, 410, 429, 500, 503])
def test_a_redirect_or_an_error_is_never_shared(status):
    """Issue 20: one plain-HTTP request made the HTTPS redirect a public 301, which Varnish
    served to HTTPS visitors for 10 minutes."""
    response = respond(RequestFactory().get("/x/"), lambda r: HttpResponse(status=status))
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_static_files_without_collectstatic_keep_their_name_instead_of_a_500(tmp_path):
    storage = ForgivingCompressedManifestStorage(location=tmp_path, base_url="/static/")
    assert storage.url("css/site.css") == "/static/css/site.css"


def test_the_trimmed_dsfr_utilities_file_is_up_to_date():
    """Fails when a template uses an icon the generated stylesheet lacks: run
    `manage.py build_utility_css`."""
    assert TARGET.read_text(encoding="utf-8") == build()
    assert ".fr-icon-map-pin-2-line" in build()


def test_the_site_no_longer_loads_the_whole_utility_file(client, home_page):
    html = client.get("/").content.decode()
    assert "utility.min.css" not in html
    assert "dsfr/dsfr.main.min.css" in html and "css/dsfr-utilities.css" in html


def test_the_production_settings_pass_the_deployment_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "anct.example.org",
        "SITE_BASE_URL": "https://anct.example.org",
        **LEGAL_SETTINGS,
    }
    for test_only in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(test_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
