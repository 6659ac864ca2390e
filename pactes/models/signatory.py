from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class PacteSignatory(Orderable):
    """Who signed the pacte: an organisation (a known partner, or any other body
    such as a collectivité) and, when public, the person and role who signed."""

    page = ParentalKey("pactes.PactePage", related_name="signatories", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "catalogue.Partner",
        verbose_name=_("partenaire"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choisissez le partenaire s'il figure dans la liste…"),
    )
    organisation = models.CharField(
        _("autre organisation"),
        max_length=200,
        blank=True,
        help_text=_("… sinon écrivez son nom (par exemple : Conseil départemental des Ardennes)."),
    )
    signatory_name = models.CharField(_("nom du signataire"), max_length=200, blank=True)
    signatory_role = models.CharField(
        _("qualité du signataire"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : préfet des Ardennes, président du conseil départemental."),
    )
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
        FieldRowPanel([FieldPanel("partner"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role")]),
        FieldPanel("source"),
    ]

    @property
    def organisation_name(self) -> str:
        return str(self.partner) if self.partner_id else self.organisation

    def clean(self):
        super().clean()
        if not self.partner_id and not self.organisation.strip():
            raise ValidationError(
                {
                    "organisation": _(
                        "Choisissez un partenaire ou indiquez le nom de l'organisation signataire."
                    ),
                }
            )

    class Meta(Orderable.Meta):
        verbose_name = _("signataire")
        verbose_name_plural = _("signataires")
