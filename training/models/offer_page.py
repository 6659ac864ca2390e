"""A training offer, or the concertation and cooperation engineering module.

The roadmap's "module d'ingénierie de concertation et de coopération" (with the
Banque des territoires) is not a training but shares every fact of one: an
audience of elected officials, partners, a format, objectives, modules, sessions
and a way to sign up. It is therefore a ``kind`` of offer rather than a separate
page type: one model, one editor form, one listing (which can group by kind),
and the page wording adapts to the kind. A separate page type would duplicate
all of this for no difference in data.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.models import CataloguePage
from home.blocks import BodyBlock


class OfferKind(models.TextChoices):
    TRAINING = "formation", _("formation")
    CONCERTATION_MODULE = "ingenierie_concertation", _("module d’ingénierie de la concertation")


class OfferFormat(models.TextChoices):
    ON_SITE = "presentiel", _("en présentiel")
    ONLINE = "distance", _("à distance")
    MIXED = "mixte", _("mixte (présentiel et à distance)")


class TrainingOfferPage(CataloguePage):
    kind = models.CharField(
        _("nature de l'offre"),
        max_length=30,
        choices=OfferKind.choices,
        default=OfferKind.TRAINING,
        help_text=_("Une formation, ou le module d'ingénierie de la concertation et de la coopération."),
    )
    audiences = ParentalManyToManyField(
        "training.Audience",
        verbose_name=_("publics visés"),
        blank=True,
        related_name="offers",
    )
    format = models.CharField(_("format"), max_length=20, choices=OfferFormat.choices, blank=True)
    duration_text = models.CharField(
        _("durée"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple : 2 jours, 6 demi-journées sur 3 mois."),
    )
    objectives = RichTextField(
        _("objectifs"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("Ce que les participants sauront faire à l'issue de l'offre."),
    )
    registration_url = models.URLField(
        _("lien d'inscription"),
        blank=True,
        help_text=_("Adresse de la page d'inscription ou de contact."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("présentation détaillée"), blank=True)

    content_panels = (
        CataloguePage.content_panels
        + [FieldPanel("kind")]
        + CataloguePage.catalogue_panels
        + [
            FieldPanel("partners"),
            MultiFieldPanel(
                [
                    FieldPanel("audiences"),
                    FieldPanel("format"),
                    FieldPanel("duration_text"),
                    FieldPanel("registration_url"),
                ],
                heading=_("Modalités"),
            ),
            FieldPanel("objectives"),
            FieldPanel("body"),
        ]
    )
    programme_panels = [
        InlinePanel("modules", heading=_("Modules"), label=_("module")),
        InlinePanel(
            "sessions",
            heading=_("Sessions"),
            label=_("session"),
            help_text=_("Les sessions à venir sont affichées en premier dans la liste des offres."),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(programme_panels, heading=_("Modules & sessions")),
            ObjectList(CataloguePage.promote_panels, heading=_("Promotion")),
        ]
    )

    search_fields = CataloguePage.search_fields + [
        index.SearchField("objectives"),
        index.FilterField("kind"),
        index.FilterField("format"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []

    @property
    def is_concertation_module(self) -> bool:
        return self.kind == OfferKind.CONCERTATION_MODULE

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        sessions = sorted(self.sessions.all(), key=lambda s: (s.date, s.sort_order or 0))
        context["upcoming_sessions"] = [s for s in sessions if s.date >= today]
        context["past_sessions"] = [s for s in sessions if s.date < today][::-1]
        context["modules"] = list(self.modules.all())
        return context

    class Meta:
        verbose_name = _("offre de formation")
        verbose_name_plural = _("offres de formation")


class TrainingModule(Orderable):
    """A part of the offer's programme (a theme, a workshop…)."""

    page = ParentalKey(TrainingOfferPage, related_name="modules", on_delete=models.CASCADE)
    title = models.CharField(_("intitulé"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("module")
        verbose_name_plural = _("modules")
