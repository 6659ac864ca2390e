"""The abstract page every site page derives from, and its small mixins.

One base class rather than copied fields: the listing image and summary feed
cards, search results and social previews the same way for every page type.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class ListingMixin(models.Model):
    """What a card or a search result shows for a page."""

    listing_summary = models.CharField(
        _("résumé pour les listes"),
        max_length=300,
        blank=True,
        help_text=_("Une ou deux phrases affichées dans les cartes et les résultats de recherche."),
    )
    listing_image = models.ForeignKey(
        "media_assets.CustomImage",
        verbose_name=_("image de vignette"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Vignette"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingMixin, Page):
    """Abstract base of every page of the site."""

    promote_panels = Page.promote_panels + ListingMixin.listing_panels

    class Meta:
        abstract = True
