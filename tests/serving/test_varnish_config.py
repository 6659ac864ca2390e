"""The Varnish configuration (tools/serve/varnish.vcl), in a real Varnish, in front of a
small backend that answers with what it received: what reaches the site, what makes a
cache object, who may ban. Clients bind distinct loopback addresses (127.0.0.x): a real
other client, not a header; 127.0.0.1 stands for the TLS terminator (TLS_TERMINATORS)."""

import http.client
import json
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.serving.conftest import ROOT, TOOLS, free_port, require_program

pytestmark = pytest.mark.http_cache
VCL = (ROOT / "tools" / "serve" / "varnish.vcl").read_text()


class Echo(BaseHTTPRequestHandler):
    """Answers with the request it received; ``/redirect/`` and ``/error/`` answer 301 and
    503 marked public, as a misbehaving app would."""

    protocol_version = "HTTP/1.1"

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body_length = len(self.rfile.read(length)) if length else 0
        status = {"/redirect/": 301, "/error/": 503}.get(self.path, 200)
        payload = json.dumps(
            {"path": self.path, "headers": dict(self.headers), "body_length": body_length}
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Cache-Control", "public, max-age=0, s-maxage=600")
        if status == 301:
            self.send_header("Location", "https://ailleurs.example/")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def varnish():
    require_program("varnishd", "varnish")
    backend = ThreadingHTTPServer(("127.0.0.1", free_port()), Echo)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    port = free_port()
    subprocess.run(
        [str(TOOLS / "varnish.sh"), "start", str(port), str(backend.server_address[1])],
        check=True,
        capture_output=True,
    )
    yield port
    subprocess.run([str(TOOLS / "varnish.sh"), "stop", str(port)], check=False)
    backend.shutdown()


def ask(port, path, method="GET", client="127.0.0.1", headers=None, body=None):
    """One request from the loopback address ``client``: (status, headers, what the app saw)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(client, 0))
    try:
        connection.request(method, path, body=body, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        response = connection.getresponse()
        raw = response.read()
    finally:
        connection.close()
    seen = json.loads(raw) if raw.startswith(b"{") else None
    return response.status, response.headers, seen


def test_only_the_query_parameters_the_site_reads_reach_it_in_a_fixed_order(varnish):
    _status, _headers, seen = ask(
        varnish, "/programmes/?utm_source=lettre&thematique=eau&fbclid=x&page=2&zz=1"
    )
    assert seen["path"] == "/programmes/?page=2&thematique=eau"
    _status, headers, _seen = ask(varnish, "/programmes/?thematique=eau&page=2&gclid=y")
    assert headers["X-Cache"] == "HIT"  # the same object, whatever the tracking tags
    assert ask(varnish, "/programmes/?n=1")[2]["path"] == "/programmes/"


def test_a_host_port_or_case_variant_is_the_same_cache_object(varnish):
    ask(varnish, "/hote/", headers={"Host": "localhost"})
    for host in ("LOCALHOST", "localhost.", "localhost:80"):
        _status, headers, seen = ask(varnish, "/hote/", headers={"Host": host})
        assert headers["X-Cache"] == "HIT", host


def test_a_visitor_cannot_choose_its_address_or_its_scheme(varnish):
    spoofed = {"X-Forwarded-For": "198.51.100.1", "X-Forwarded-Proto": "https"}
    seen = ask(varnish, "/ingenierie/demande/", client="127.0.0.5", headers=spoofed)[2]
    assert seen["headers"]["X-Forwarded-For"] == "127.0.0.5"
    assert seen["headers"]["X-Forwarded-Proto"] == "http"


def test_the_tls_terminator_says_the_scheme_and_the_visitor(varnish):
    forwarded = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    seen = ask(varnish, "/ingenierie/demande/", client="127.0.0.1", headers=forwarded)[2]
    assert seen["headers"]["X-Forwarded-For"] == "203.0.113.7, 127.0.0.1"
    assert seen["headers"]["X-Forwarded-Proto"] == "https"


def test_plain_http_and_https_visitors_never_share_a_cache_object(varnish):
    ask(varnish, "/schema/", client="127.0.0.6", headers={"X-Forwarded-Proto": "https"})
    _status, headers, seen = ask(
        varnish, "/schema/", client="127.0.0.1", headers={"X-Forwarded-Proto": "https"}
    )
    assert headers["X-Cache"] == "MISS" and seen["headers"]["X-Forwarded-Proto"] == "https"


@pytest.mark.parametrize("path", ["/redirect/", "/error/"])
def test_a_redirect_or_an_error_is_never_kept(varnish, path):
    for _ in range(2):
        _status, headers, _seen = ask(varnish, path)
        assert headers["X-Cache"] == "MISS"


@pytest.mark.parametrize(
    ("accept_encoding", "brotli"),
    [
        ("br", True),
        ("gzip, deflate, br", True),
        ("br;q=0.5, gzip", True),
        ("BR", True),
        ("gzip, br;q=0", False),
        ("br;q=0.000", False),
        ("gzip", False),
        ("brotli", False),
    ],
)
def test_brotli_only_for_a_client_that_accepts_it(varnish, accept_encoding, brotli):
    """Issue 20: ``br;q=0`` (refused) got brotli."""
    seen = ask(
        varnish,
        f"/static/site.{abs(hash(accept_encoding))}.css",
        headers={"Accept-Encoding": accept_encoding},
    )[2]
    assert (seen["headers"].get("Accept-Encoding") == "br") is brotli


def test_a_body_over_the_limit_reaches_the_app_as_a_note_without_the_body(varnish):
    """The app answers its French 413 page (core/request_limits.py); Varnish never breaks
    the connection into an English 503."""
    declared = 61 * 1024 * 1024
    status, _headers, seen = ask(varnish, "/ingenierie/demande/", "POST", body=b"x" * declared)
    assert status == 200  # the echo backend's answer: the app decides, with its own page
    assert seen["headers"]["X-Request-Body-Too-Large"] == str(declared) and seen["body_length"] == 0


def test_a_client_cannot_claim_its_body_was_too_large(varnish):
    seen = ask(
        varnish, "/ingenierie/demande/", "POST", headers={"X-Request-Body-Too-Large": "1"}, body=b"a=1"
    )[2]
    assert "X-Request-Body-Too-Large" not in seen["headers"] and seen["body_length"] == 3


def test_bans_come_from_the_app_servers_only_and_name_a_path(varnish):
    ask(varnish, "/a-bannir/?page=2")
    assert ask(varnish, "/a-bannir/?page=2")[1]["X-Cache"] == "HIT"
    assert ask(varnish, "/a-bannir/", "BAN", client="127.0.0.8")[0] == 405
    assert ask(varnish, "/a-bannir/", "BAN", headers={"X-Ban-Url": ".*"})[0] == 200
    assert ask(varnish, "/a-bannir/?page=2")[1]["X-Cache"] == "MISS"
    # Not a path of the site: refused, never turned into an expression.
    assert ask(varnish, "/x|y/", "BAN")[0] == 400
    assert ask(varnish, "/(.*)/", "BAN")[0] == 400


def test_every_query_parameter_the_site_reads_is_kept_by_varnish():
    """The list in the VCL against the code: a filter added without it would be silently
    dropped by Varnish."""
    kept = set(re.search(r"\(\?!\(\?:([a-z0-9_|]+)\)=\)", VCL).group(1).split("|"))
    read = set()
    # Search, engineering and alerts requests are never cached (Varnish passes them whole).
    skipped = {".venv", "node_modules", "tests", "search", "engineering", "alerts"}
    for source in ROOT.glob("*/**/*.py"):
        if skipped & set(source.relative_to(ROOT).parts):
            continue
        read |= set(re.findall(r"request\.GET\.get\(\s*\"([a-z_]+)\"", source.read_text(encoding="utf-8")))
    from api.endpoints import api
    from programmes.forms import ProgrammeFilterForm

    read |= set(ProgrammeFilterForm.base_fields)
    for operations in api.get_openapi_schema()["paths"].values():
        for operation in operations.values():
            read |= {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    read |= {"p"}  # Wagtail's sitemap pages
    read |= {"v", "c", "h", "n1", "n2", "n3", "n4"}  # the map image: version and colour classes
    assert read <= kept, sorted(read - kept)


def test_varnish_refuses_bodies_at_the_sites_own_limit(settings):
    rendered = subprocess.run(
        [str(TOOLS / "varnish.sh"), "vcl", "8000"], capture_output=True, text=True, check=True
    ).stdout
    assert f"std.integer(req.http.Content-Length, 0) > {settings.REQUEST_BODY_MAX_BYTES})" in rendered
