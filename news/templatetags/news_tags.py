"""News where readers look for it: the feeds a page's ``<head>`` announces
(``rel="alternate"``), the latest items on the home page, and a programme's or
a pacte's own news on its page, with the feeds shown as links.

The home page and the page families load these tags by name in their
templates; none of them imports the news app."""

from django import template
from django.utils.translation import gettext as _

from news.listing import feed_links as visible_feed_links
from news.listing import news_cards
from news.models import NewsIndexPage, NewsPage, published_news

register = template.Library()

#: How many items the home page and a programme's or pacte's page show.
LATEST_COUNT = 3


@register.inclusion_tag("news/feed_links.html", takes_context=True)
def news_feed_links(context):
    return {"links": feed_links(context.get("page"))}


def feed_links(page) -> list[dict]:
    """The ``rel="alternate"`` feeds of ``page``'s head: the site's news, and the
    page's own when news can be published under it (a news item links to its
    parent's feed)."""
    links = [
        {**link, "title": _("Actualités du site (%(kind)s)") % {"kind": kind}}
        for link, kind in zip(visible_feed_links(), ("RSS", "Atom"), strict=True)
    ]
    owner = news_owner(page)
    if owner is None:
        return links
    for link, kind in zip(visible_feed_links(owner), ("RSS", "Atom"), strict=True):
        links.append(
            {**link, "title": _("Actualités : %(title)s (%(kind)s)") % {"title": owner.title, "kind": kind}}
        )
    return links


def news_owner(page):
    """The programme or pacte whose news ``page`` shows or belongs to, or None
    (the site's pages, the news index and its items have only the site's feeds)."""
    if page is None or not getattr(page, "pk", None):
        return None
    owner = page.get_parent() if isinstance(page, NewsPage) else page
    if owner is None or NewsPage not in owner.specific_class.allowed_subpage_models():
        return None
    if issubclass(owner.specific_class, NewsIndexPage):
        return None
    return owner


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, heading_level: int = 2):
    """The home page's latest news, with a link to the news index; nothing
    when no item is published."""
    request = context.get("request")
    items = published_news().specific()[:LATEST_COUNT]
    index = NewsIndexPage.objects.live().public().first()
    return {
        "cards": news_cards(items, request, heading_tag=f"h{heading_level + 1}"),
        "index_url": index.get_url(request) if index else "",
        "feeds": visible_feed_links(),
    }


@register.inclusion_tag("news/includes/page_news.html", takes_context=True)
def page_news(context, page):
    """The news published under ``page`` (a programme, a pacte): its latest
    items, or a sentence saying there is none yet, and its feeds to follow it."""
    request = context.get("request")
    items = published_news(under=page).specific()[:LATEST_COUNT] if page.pk else []
    index = NewsIndexPage.objects.live().public().first()
    return {
        "page": page,
        "cards": news_cards(items, request, heading_tag="h3", with_about=False),
        "index_url": index.get_url(request) if index else "",
        "feeds": visible_feed_links(page) if page.pk else [],
    }
