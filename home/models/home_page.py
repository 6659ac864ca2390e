from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from .base_page import BasePage


class HomePage(BasePage):
    """Site root: leads to the three ways the agency intervenes, the training
    offer and the commune finder, as editable entry points."""

    hero_title = models.CharField(_("titre principal"), max_length=200)
    hero_text = models.TextField(_("texte d'introduction"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        InlinePanel("entry_points", heading=_("Portes d'entrée"), label=_("porte d'entrée")),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = self.entry_points.select_related("link_page")
        return context

    class Meta:
        verbose_name = _("page d'accueil")


class HomeEntryPoint(Orderable):
    """A tile of the home page: a page of the site or a fixed URL (the finder)."""

    page = ParentalKey(HomePage, related_name="entry_points", on_delete=models.CASCADE)
    title = models.CharField(_("titre"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page liée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField(
        _("adresse liée"),
        max_length=255,
        blank=True,
        help_text=_("À utiliser seulement si la destination n'est pas une page du site."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    @property
    def url(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Choisissez une page ou indiquez une adresse."))

    class Meta(Orderable.Meta):
        verbose_name = _("porte d'entrée")
