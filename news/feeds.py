"""RSS 2.0 and Atom feeds of the news: the whole site's, and one per page that
news can be published under (a programme, a pacte), built with Django's
syndication framework."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import NewsPage, published_news

ITEMS = 30


class SiteNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    description_template = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self, obj):
        return _("Actualités de l'Agence nationale de la cohésion des territoires")

    def link(self, obj):
        return "/"

    def description(self, obj):
        return _("Les dernières actualités des programmes et des pactes de l'Agence.")

    def items(self, obj):
        return published_news().specific()[:ITEMS]

    def author_name(self, obj):
        """Atom requires an author for the feed or each entry (RFC 4287, 4.1.1):
        the publisher of the site, who publishes every news item."""
        return settings.SITE_PUBLISHER

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return settings.SITE_PUBLISHER

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class PageNewsFeed(SiteNewsFeed):
    """The news published under one live public page (a programme, a pacte)."""

    def get_object(self, request, page_id):
        self.request = request
        page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
        if NewsPage not in page.specific_class.allowed_subpage_models():
            raise Http404
        return page

    def title(self, obj):
        return _("Actualités : %(title)s") % {"title": obj.title}

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return getattr(obj, "summary", "") or obj.title

    def items(self, obj):
        return published_news(under=obj).specific()[:ITEMS]


class SiteNewsAtom(SiteNewsFeed):
    feed_type = Atom1Feed
    subtitle = SiteNewsFeed.description


class PageNewsAtom(PageNewsFeed):
    feed_type = Atom1Feed
    subtitle = PageNewsFeed.description
