from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock

from .base_page import BasePage


class StandardPage(BasePage):
    """Editorial page without structured facts: legal notices, accessibility
    statement, personal data, presentation of the engineering offer."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("listing_summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")
