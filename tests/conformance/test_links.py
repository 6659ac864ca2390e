"""A link checker over the demo pages: every internal link, stylesheet, script and
image answers 200 or a redirection (asked with HEAD, as link checkers do), and every
fragment (#…) names an element of its page. External addresses are not fetched
(the test machine has no internet); they must at least be http(s) addresses.

Links to one view with a parameter (the commune page, /communes/<code>/) are checked
up to ``PER_ROUTE`` distinct addresses, the first met: the demo links to some 300
communes, each page a third of a second to render; the sitemap test asks a sample
of all 35,000 besides."""

from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import Resolver404, resolve

from .conftest import HOST

pytestmark = pytest.mark.django_db

LINKING_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "form": "action",
    "iframe": "src",
}
NOT_FETCHED = ("mailto:", "tel:")
PER_ROUTE = 25


def links(path: str, html: bytes) -> list[str]:
    """Absolute addresses of what the page links to, fragments kept."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attribute in LINKING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value is not None and not value.startswith(NOT_FETCHED):
                found.append(urljoin(f"http://{HOST}{path}", value))
    return found


def ids(html: bytes) -> set[str]:
    return {element["id"] for element in BeautifulSoup(html, "html.parser").find_all(id=True)}


class LinkChecker:
    def __init__(self, pages: dict[str, bytes]):
        self.client = Client(HTTP_HOST=HOST)
        self.bodies = dict(pages)
        self.statuses: dict[str, int] = {}
        self.per_route: dict[str, int] = {}
        self.anchors: dict[str, set[str]] = {}

    def sampled_out(self, path: str) -> bool:
        """True past ``PER_ROUTE`` addresses of one parameterised view."""
        try:
            route = resolve(urlsplit(path).path).route
        except Resolver404:
            return False
        if "<" not in route or path in self.statuses:
            return False
        self.per_route[route] = self.per_route.get(route, 0) + 1
        return self.per_route[route] > PER_ROUTE

    def status(self, path: str) -> int:
        if path not in self.statuses:
            if path.startswith(settings.STATIC_URL):
                found = finders.find(urlsplit(path).path.removeprefix(settings.STATIC_URL))
                self.statuses[path] = 200 if found else 404
            else:
                self.statuses[path] = self.client.head(path).status_code
        return self.statuses[path]

    def body(self, path: str) -> bytes:
        if path not in self.bodies:
            self.bodies[path] = self.client.get(path).content
        return self.bodies[path]

    def ids(self, path: str) -> set[str]:
        """The ids of the page at ``path``, parsed once: a page holds many anchors."""
        if path not in self.anchors:
            self.anchors[path] = ids(self.body(path))
        return self.anchors[path]

    def problem(self, url: str, page: str | None = None) -> str | None:
        """What is wrong with a link to ``url`` found on ``page``, or None."""
        address, fragment = urldefrag(url)
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https"):
            return "adresse ni http ni https"
        if parts.netloc != HOST:
            return None  # external: not fetched
        if url.endswith("#"):
            return "lien vide (#)"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path == page:  # within the page itself (skip links, sources): only its anchor counts
            return f"ancre #{fragment} absente" if fragment and fragment not in self.ids(path) else None
        if self.sampled_out(path):
            return None
        status = self.status(path)
        if not 200 <= status < 400:
            return f"HTTP {status}"
        if fragment and status == 200 and fragment not in self.ids(path):
            return f"ancre #{fragment} absente"
        return None


def test_every_internal_link_of_the_demo_pages_works(demo_pages):
    checker = LinkChecker(demo_pages)
    broken = {}
    checked = 0
    for path, html in demo_pages.items():
        for url in links(path, html):
            checked += 1
            if problem := checker.problem(url, path):
                broken.setdefault(path, []).append(f"{url} : {problem}")
    assert broken == {}
    assert checked > 1000
    assert len(checker.statuses) > 100  # distinct internal addresses asked


def test_the_checker_sees_a_broken_link_and_a_missing_anchor(demo_pages):
    checker = LinkChecker(demo_pages)
    assert checker.problem(f"http://{HOST}/page-disparue/") == "HTTP 404"
    assert checker.problem(f"http://{HOST}/#ancre-inconnue") == "ancre #ancre-inconnue absente"
    assert checker.problem(f"http://{HOST}/static/absent.css") == "HTTP 404"
    assert checker.problem("https://www.example.org/") is None
