"""What the HTTP cache must forget when a news item is published, unpublished
or deleted, beyond what ``core.frontend_cache`` purges (the item, its parent
and ancestors up to the home page): the news index, which lists items that are
not its children (those of the programmes and pactes), and the feeds."""

from django.urls import reverse

from core.frontend_cache import purge_path_prefix, purge_with_listings

from .models import NewsIndexPage


def purge_news_lists(instance, **kwargs):
    if isinstance(instance, NewsIndexPage):
        return
    purge_with_listings(list(NewsIndexPage.objects.live()))
    purge_path_prefix(reverse("news:rss").rsplit("/", 1)[0] + "/")  # every feed


def connect_signals():
    from django.db.models.signals import pre_delete
    from wagtail.signals import page_published, page_unpublished

    from .models import NewsPage

    page_published.connect(purge_news_lists, sender=NewsPage, dispatch_uid="news_purge_published")
    page_unpublished.connect(purge_news_lists, sender=NewsPage, dispatch_uid="news_purge_unpublished")
    pre_delete.connect(purge_news_lists, sender=NewsPage, dispatch_uid="news_purge_deleted")
