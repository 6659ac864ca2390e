"""The news feeds a page's ``<head>`` announces with ``rel="alternate"``."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from news.models import NewsIndexPage, NewsPage

register = template.Library()


@register.inclusion_tag("news/feed_links.html", takes_context=True)
def news_feed_links(context):
    return {"links": feed_links(context.get("page"))}


def feed_links(page) -> list[dict]:
    """The ``rel="alternate"`` feeds of ``page``'s head: the site's news, and the
    page's own when news can be published under it (a news item links to its
    parent's feed)."""
    links = [
        {"type": "application/rss+xml", "title": _("Actualités du site (RSS)"), "href": reverse("news:rss")},
        {
            "type": "application/atom+xml",
            "title": _("Actualités du site (Atom)"),
            "href": reverse("news:atom"),
        },
    ]
    if page is None or not getattr(page, "pk", None):
        return links
    owner = page.get_parent() if isinstance(page, NewsPage) else page
    if owner is None or NewsPage not in owner.specific_class.allowed_subpage_models():
        return links
    if issubclass(owner.specific_class, NewsIndexPage):
        return links
    for kind, label in (("rss", "RSS"), ("atom", "Atom")):
        links.append(
            {
                "type": f"application/{kind}+xml",
                "title": _("Actualités : %(title)s (%(kind)s)") % {"title": owner.title, "kind": label},
                "href": reverse(f"news:page_{kind}", args=[owner.pk]),
            }
        )
    return links
