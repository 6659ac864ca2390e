"""The files of the sitemap index, rendered once per state of their content.

A section of the index (``config/sitemaps.py``) can list tens of thousands of
addresses: the commune pages' file takes about two seconds to render. Each file is
kept in the shared cache under a key that holds what it depends on (the section,
its page, the site's address, the content version bumped by every publication and
the section's latest ``lastmod``, which moves with every import), so a crawler gets a
stored copy and a change shows in the next request, never after a delay.
"""

import hashlib

from django.core.cache import cache
from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import views as sitemap_views

from core import content_version

CACHE_SECONDS = 24 * 60 * 60


def _key(request, section: str, lastmod) -> str:
    parts = (
        section,
        request.GET.get("p", "1"),
        request.scheme,
        request.get_host(),
        content_version.current(),
        lastmod,
    )
    return "sitemap:" + hashlib.sha256(repr(parts).encode()).hexdigest()


@require_safe
def section(request, section, sitemaps):
    """``sitemap-<section>.xml``: Wagtail's sitemap view for one section, cached."""
    if section not in sitemaps:
        raise Http404
    sitemap = sitemap_views.prepare_sitemaps(request, {section: sitemaps[section]})[section]
    if isinstance(sitemap, type):  # a Django sitemap class, which takes no request
        sitemap = sitemap()
    key = _key(request, section, sitemap.get_latest_lastmod())
    response = cache.get(key)
    if response is None:
        response = sitemap_views.sitemap(request, {section: sitemap}, section=section)
        response.render()
        if response.status_code == 200:
            cache.set(key, response, CACHE_SECONDS)
    return response
