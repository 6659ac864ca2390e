"""One number that changes whenever published content changes, for fragment caches.

Expensive parts of a page (facet counts, the evaluation of every programme for a
commune) are cached with this version in their key: ``{% cache 86400 name
content_version … %}``. Publishing, unpublishing, moving or deleting a page, and
importing a commune list, bump the version, so every such fragment is recomputed on its
next use instead of being deleted one by one. The version lives in the default cache
(shared Redis in production), so all app servers see the bump at once.
"""

import uuid

from django.core.cache import cache

KEY = "content-version"
#: Set once per life of the cache: a process that keeps content in memory keyed
#: by the version sees a new key when the cache is emptied, even though the
#: version then starts again at 1.
GENERATION_KEY = "content-generation"


def current() -> int:
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, 1, timeout=None)
        version = cache.get(KEY, 1)
    return version


def token() -> str:
    """The version and the cache's generation: a key for in-process memories of
    published content (the finder's compiled pages)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY, "")
    return f"{generation}:{current()}"


def bump(**kwargs) -> None:
    """Signal receiver too: accepts and ignores the signal's arguments."""
    try:
        cache.incr(KEY)
    except ValueError:
        cache.set(KEY, 2, timeout=None)


def bump_on_change(created=False, **kwargs):
    """For settings Wagtail creates on first read: a creation changes nothing shown."""
    if not created:
        bump()


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump, dispatch_uid="content_version_published")
    page_unpublished.connect(bump, dispatch_uid="content_version_unpublished")
    post_page_move.connect(bump, dispatch_uid="content_version_moved")
    post_delete.connect(bump, sender=Page, dispatch_uid="content_version_deleted")
    # The footer (cached with the version) shows the footer settings.
    post_save.connect(bump_on_change, sender="home.FooterSettings", dispatch_uid="content_version_footer")
