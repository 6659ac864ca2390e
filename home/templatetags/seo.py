"""What the ``<head>`` tells search engines and social networks about a page:
its canonical address and Open Graph card. Pages give their own facts; views
that are not pages (a commune, the API docs) fall back on the request's path and the
``title`` of their context. Every address is on ``SITE_BASE_URL`` (``core.public_url``;
pages through Wagtail's ``Site``, kept in step with it), never on the request's host."""

from django import template
from django.utils.translation import gettext as _

from core.public_url import absolute_url

register = template.Library()

SITE_NAME = "Agence nationale de la cohésion des territoires"


def _description(page) -> str:
    for name in ("search_description", "listing_summary", "summary"):
        value = getattr(page, name, "")
        if value:
            return value
    return ""


@register.inclusion_tag("partials/head_meta.html", takes_context=True)
def head_meta(context):
    request = context.get("request")
    page = context.get("page")
    if page is not None and getattr(page, "pk", None) and hasattr(page, "get_full_url"):
        url = page.get_full_url(request)
        title = page.seo_title or page.title
        description = _description(page)
        kind = "article" if page.depth > 3 else "website"
        image = getattr(page, "listing_image", None)
    else:
        url = absolute_url(request.path) if request else ""
        title = str(context.get("title") or "")
        description = ""
        kind = "website"
        image = None
    image_url = ""
    if image is not None:
        rendition_url = image.get_rendition("fill-1200x630").url
        image_url = (
            rendition_url
            if rendition_url.startswith(("https://", "http://"))
            else absolute_url(rendition_url)
        )
    return {
        "canonical": url,
        "og": {
            "title": title or SITE_NAME,
            "description": description,
            "url": url,
            "type": kind,
            "image": image_url,
            "image_alt": getattr(image, "title", "") if image_url else "",
            "site_name": _(SITE_NAME),
        },
    }
