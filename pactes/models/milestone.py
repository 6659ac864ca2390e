from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable


class PacteMilestone(Orderable):
    """A dated step of the pacte (signature, comité de pilotage, revue à mi-parcours…)."""

    page = ParentalKey("pactes.PactePage", related_name="milestones", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    label = models.CharField(_("étape"), max_length=255)
    done = models.BooleanField(_("franchie"), default=False)
    source = models.ForeignKey(
        "catalogue.Source",
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Le document public qui l'établit ; il est cité en fin de page."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("label"), FieldPanel("done")]),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("jalon")
        verbose_name_plural = _("jalons")


class PacteDocument(Orderable):
    """A document of the pacte (the signed text, a progress report…)."""

    page = ParentalKey("pactes.PactePage", related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("intitulé affiché"),
        max_length=255,
        blank=True,
        help_text=_("Laissez vide pour reprendre le titre du document."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    @property
    def display_title(self) -> str:
        return self.label or self.document.title

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
