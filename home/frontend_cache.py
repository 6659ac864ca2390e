"""Purging the HTTP cache when content changes.

Wagtail's ``frontend_cache`` app already purges a page's own URL when it is published or
unpublished. A page also appears on the pages that list it (its parent index, the home
page, the site map), with any filter in the query string, and a move or a deletion
changes those lists too. So, on publish, unpublish, move and delete, this module purges
the page, its ancestors up to the home page and the site map, each with every query
string (a Varnish BAN on a regular expression), through the backend configured in
``WAGTAILFRONTENDCACHE``.
"""

import logging
import re
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

logger = logging.getLogger(__name__)


class VarnishBanBackend(HTTPBackend):
    """Bans ``path`` and ``path?anything`` instead of purging one exact URL."""

    def purge(self, url):
        path = urlsplit(url).path or "/"
        self.ban(f"^{re.escape(path)}(\\?.*)?$")

    def ban(self, pattern: str):
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}/",
            method="BAN",
            headers={"X-Ban-Url": pattern},
        )
        try:
            urlopen(request, timeout=5)  # noqa: S310 - the configured cache's own address
        except (URLError, OSError) as error:
            logger.error("Purge du cache HTTP impossible (%s) : %s", pattern, error)


def purge_path_prefix(prefix: str):
    """Every cached address under ``prefix`` (e.g. all commune pages after a list import)."""
    for backend in get_backends().values():
        if isinstance(backend, VarnishBanBackend):
            backend.ban(f"^{re.escape(prefix)}")


def listing_pages(page):
    """The page and the live pages that list it: ancestors below the root, home included."""
    return [page, *page.get_ancestors().filter(depth__gt=1).live().specific()]


def purge_with_listings(pages):
    if not get_backends():
        return
    batch = PurgeBatch()
    for page in pages:
        batch.add_pages(listing_pages(page))
    try:
        batch.add_url(reverse("site_map"))
    except NoReverseMatch:
        pass
    batch.purge()


def on_publish_or_unpublish(instance, **kwargs):
    purge_with_listings([instance])


def on_delete(instance, **kwargs):
    # pre_delete: the page is still in the tree, so its URL and ancestors are known.
    if instance.live:
        purge_with_listings([instance])


def on_move(instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    """The old address (and the pages below it) and both parents' listings."""
    backends = get_backends()
    if not backends:
        return
    from wagtail.models import Site

    for root in Site.get_site_root_paths():
        if url_path_before.startswith(root.root_path):
            old_path = "/" + url_path_before[len(root.root_path) :]
            for backend in backends.values():
                if isinstance(backend, VarnishBanBackend):
                    backend.ban(f"^{re.escape(old_path)}")
                else:
                    backend.purge(root.root_url + old_path)
    purge_with_listings([instance, parent_page_before, parent_page_after])


def connect_signals():
    from django.db.models.signals import pre_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_publish_or_unpublish, dispatch_uid="home_purge_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="home_purge_unpublished")
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="home_purge_deleted")
    post_page_move.connect(on_move, dispatch_uid="home_purge_moved")
