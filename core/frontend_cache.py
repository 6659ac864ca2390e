"""Purging the HTTP cache when content changes.

Wagtail's ``frontend_cache`` app already purges a page's own URL when it is published or
unpublished. A page also appears on the pages that list it (its parent index, the home
page, the site map), with any filter in the query string, and a move or a deletion
changes those lists too. So, on publish, unpublish, move and delete, this module purges
the page, its ancestors up to the home page and the site map, each with every query
string (a Varnish BAN on the path), through the backend configured in
``WAGTAILFRONTENDCACHE``. A page made private, or public again, leaves the cache at once
with everything below it.
"""

import logging
from urllib.error import URLError
from urllib.parse import quote, urlsplit
from urllib.request import Request, urlopen

from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

logger = logging.getLogger(__name__)


class VarnishBanBackend(HTTPBackend):
    """Bans ``path`` and ``path?anything`` instead of purging one exact URL. The BAN
    request names the path in its request line, percent-encoded as browsers send it,
    and Varnish builds the ban expression itself (tools/serve/varnish.vcl): no
    expression travels in a header."""

    def purge(self, url):
        self.ban(urlsplit(url).path or "/", scope="page")

    def ban(self, path: str, scope: str = "prefix"):
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}{quote(path, safe='/')}",
            method="BAN",
            headers={"X-Ban-Scope": scope},
        )
        try:
            urlopen(request, timeout=5)  # noqa: S310 - the configured cache's own address
        except (URLError, OSError) as error:
            logger.error("Purge du cache HTTP impossible (%s, %s) : %s", scope, path, error)


def purge_path_prefix(prefix: str):
    """Every cached address under ``prefix`` (e.g. all commune pages after a list import)."""
    for backend in get_backends().values():
        if isinstance(backend, VarnishBanBackend):
            backend.ban(prefix)


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
                    backend.ban(old_path)
                else:
                    backend.purge(root.root_url + old_path)
    purge_with_listings([instance, parent_page_before, parent_page_after])


def on_privacy_change(instance, **kwargs):
    """A page made private (or public again) changes for anonymous visitors at once: the
    page and everything below it leave the cache (a restriction covers the subtree)."""
    page = getattr(instance, "page", None)
    if page is None or not get_backends():
        return
    for backend in get_backends().values():
        url = page.get_url()
        if url is None:
            continue
        if isinstance(backend, VarnishBanBackend):
            backend.ban(urlsplit(url).path or "/")
        else:
            backend.purge(page.get_full_url())
    purge_with_listings([page.specific])


def on_collection_privacy_change(instance, **kwargs):
    """Documents are served by Wagtail's view, and public ones are cached: a collection
    made private takes its documents out of the cache at once."""
    purge_path_prefix(reverse("wagtaildocs_serve", args=[0, "x"]).split("0/", 1)[0])


def connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(on_privacy_change, sender=PageViewRestriction, dispatch_uid="home_purge_private")
    post_delete.connect(on_privacy_change, sender=PageViewRestriction, dispatch_uid="home_purge_public")
    for signal in (post_save, post_delete):
        signal.connect(
            on_collection_privacy_change,
            sender=CollectionViewRestriction,
            dispatch_uid=f"home_purge_documents_{signal is post_save}",
        )
    page_published.connect(on_publish_or_unpublish, dispatch_uid="home_purge_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="home_purge_unpublished")
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="home_purge_deleted")
    post_page_move.connect(on_move, dispatch_uid="home_purge_moved")
