"""The abstract page every site page derives from, and its small mixins.

One base class rather than copied fields: the listing image and summary feed
cards, search results and social previews the same way for every page type.
"""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import string_to_ascii
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


def ascii_slug(text: str) -> str:
    """A slug in plain ASCII, French ligatures spelled out ("cœur" → "coeur",
    where Django's ``slugify`` alone would drop the "œ")."""
    return slugify(string_to_ascii(text))


class BasePage(ListingMixin, Page):
    """Abstract base of every page of the site."""

    promote_panels = Page.promote_panels + ListingMixin.listing_panels

    def full_clean(self, *args, **kwargs):
        """A new page gets an ASCII address (``WAGTAIL_ALLOW_UNICODE_SLUGS =
        False``): Wagtail's editor makes one as the title is typed, but a slug
        typed or sent without its script, or made from a title with a ligature,
        would keep accents or lose letters. An existing page keeps its address."""
        if self.pk is None and not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            if self.slug and not self.slug.isascii():
                self.slug = ascii_slug(self.slug) or self.slug
            elif not self.slug and self.title and slugify(self.title) != ascii_slug(self.title):
                self.slug = ascii_slug(self.title)
        super().full_clean(*args, **kwargs)

    class Meta:
        abstract = True
