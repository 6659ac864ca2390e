"""The news item and the site's news index."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage

from ..listing import feed_links, news_cards

NEWS_PER_PAGE = 12

#: Where an editor may publish a news item: the site's news, a programme, a pacte.
NEWS_PARENTS = ["news.NewsIndexPage", "programmes.ProgrammePage", "pactes.PactePage"]


def published_news(under=None):
    """Live public news items, newest first; only those below ``under`` if given."""
    queryset = NewsPage.objects.live().public()
    if under is not None:
        queryset = queryset.descendant_of(under)
    return queryset.order_by("-date", "-first_published_at", "-pk")


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    introduction = models.TextField(
        _("chapô"), max_length=600, help_text=_("L'essentiel en deux ou trois phrases, repris dans les flux.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = NEWS_PARENTS
    subpage_types: list[str] = []

    @property
    def summary(self) -> str:
        """What cards, feeds and the Open Graph card show."""
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        """``about``: the programme or pacte the news is published under, if any."""
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        context["about"] = None if isinstance(parent, NewsIndexPage) else parent
        return context

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")


class NewsIndexPage(BasePage):
    """The site's news: every news item, wherever it is published, newest first."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        """One page of cards (12, newest first) and the site's feeds. Any
        ``?page=`` gives a page: a number out of range or not a number gives the
        last or the first one, never an error."""
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(published_news().specific(), NEWS_PER_PAGE)
        news_page = paginator.get_page(request.GET.get("page"))
        context["news_page"] = news_page
        context["news_cards"] = news_cards(news_page.object_list, request, heading_tag="h2")
        context["feeds"] = feed_links()
        return context

    class Meta:
        verbose_name = _("index des actualités")
        verbose_name_plural = _("index des actualités")
