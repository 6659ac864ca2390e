"""The news feeds, with entries, pass a feed validator: Atom against the RELAX NG
schema and the Schematron rules of RFC 4287; RSS 2.0, which has no normative
schema, read by feedparser (the parser behind many feed readers) without a
"bozo" (malformed feed) flag, each item with its author and its date."""

import feedparser
import pytest
from django.conf import settings
from django.test import Client

from news.models import NewsIndexPage, NewsPage

from . import atom_schema
from .conftest import HOST

pytestmark = pytest.mark.django_db

#: RFC 4287's first example (section 1.1) without its author: what our feeds
#: were as soon as they held an entry.
AUTHORLESS = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Feed</title>
<link href="http://example.org/"/><updated>2003-12-13T18:30:02Z</updated>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<entry><title>Atom-Powered Robots Run Amok</title><link href="http://example.org/2003/12/13/atom03"/>
<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><updated>2003-12-13T18:30:02Z</updated>
<summary>Some text.</summary></entry></feed>"""


def feed_paths() -> list[str]:
    """The site's feeds and those of the page each news item is published under."""
    parents = {item.get_parent().specific for item in NewsPage.objects.live()}
    per_page = [f"/flux/{page.pk}/{{}}" for page in parents if not isinstance(page, NewsIndexPage)]
    return ["/flux/{}", *per_page]


def test_the_validator_refuses_a_feed_without_author():
    found = atom_schema.errors(AUTHORLESS)
    assert "An atom:entry must have an atom:author if its feed does not." in found
    assert (
        atom_schema.errors(AUTHORLESS.replace(b"<entry>", b"<entry><author><name>ANCT</name></author>")) == []
    )


def test_the_atom_feeds_with_entries_are_valid(demo_site):
    client = Client(HTTP_HOST=HOST)
    paths = [template.format("atom.xml") for template in feed_paths()]
    assert len(paths) == 2
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        assert b"<entry>" in response.content, path
        assert atom_schema.errors(response.content) == [], path


def test_the_rss_feeds_read_cleanly_with_authors_and_dates(demo_site):
    client = Client(HTTP_HOST=HOST)
    for path in [template.format("rss.xml") for template in feed_paths()]:
        feed = feedparser.parse(client.get(path).content)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "rss20"
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.title and entry.link.startswith(f"http://{HOST}/")
            assert entry.author == settings.SITE_PUBLISHER
            assert entry.published_parsed is not None
