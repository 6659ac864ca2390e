"""Navigation built from the page tree: main menu and breadcrumb."""

from django import template
from django.core.cache import cache
from wagtail.models import Page, Site

from core import content_version

register = template.Library()

#: The breadcrumb's collapsible list (one per page).
BREADCRUMB_ID = "fil-d-ariane"


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """Live pages of the first level marked "show in menus" (title, url, tree path),
    kept in the shared cache until the next publication: every page shows the menu."""
    request = context.get("request")
    if request is None or context.get("is_error_page"):
        return []
    # Keyed by host: finding the Site is itself a query of a dozen milliseconds.
    key = f"main-menu:{request.get_host()}:{content_version.current()}"
    items = cache.get(key)
    if items is None:
        site = Site.find_for_request(request)
        items = []
        if site is not None:
            pages = site.root_page.get_children().live().public().in_menu().only("title", "url_path", "path")
            items = [{"title": p.title, "url": p.get_url(request), "path": p.path} for p in pages]
        cache.set(key, items, timeout=86400)
    return items


@register.simple_tag(takes_context=True)
def breadcrumb_data(context):
    """Data for django-dsfr's breadcrumb template, from the current page's ancestors.

    With a fixed ``id`` (one breadcrumb per page): django-dsfr's tag draws a random
    one on every rendering, so the same page would never have the same bytes, and
    its ETag could never tell a browser that its copy is still good."""
    page = context.get("page") or context.get("self")
    explicit = context.get("breadcrumb")
    if explicit is not None:
        return {**explicit, "id": BREADCRUMB_ID}
    if not isinstance(page, Page):
        return {"links": [], "current": context.get("title", ""), "id": BREADCRUMB_ID}
    ancestors = page.get_ancestors().live().filter(depth__gt=2).only("title", "url_path")
    return {
        "links": [{"url": p.url, "title": p.title} for p in ancestors],
        "current": page.title,
        "id": BREADCRUMB_ID,
    }


@register.inclusion_tag("dsfr/breadcrumb.html")
def breadcrumb(data):
    """django-dsfr's breadcrumb template with the data of ``breadcrumb_data``, its
    fixed id included (django-dsfr's own tag would replace it by a random one)."""
    return {"self": data}


@register.simple_tag(takes_context=True)
def is_active(context, menu_page):
    """True when the current page is the menu page or below it (aria-current)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_page["path"])
