from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .validators import non_negative_amount


class PacteFunding(Orderable):
    """One partner's financial commitment to the pacte. The sum of the known
    amounts may not exceed the pacte's total (checked by the page form, which
    sees every line at once)."""

    page = ParentalKey("pactes.PactePage", related_name="fundings", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "catalogue.Partner",
        verbose_name=_("partenaire"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    amount = models.DecimalField(
        _("montant (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative_amount],
        help_text=_("Laissez vide si le montant n'est pas connu : le site affichera « non communiqué »."),
    )

    panels = [FieldRowPanel([FieldPanel("partner"), FieldPanel("amount")])]

    class Meta(Orderable.Meta):
        verbose_name = _("financement d'un partenaire")
        verbose_name_plural = _("financements par partenaire")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0) | models.Q(amount__isnull=True),
                name="pacte_funding_amount_non_negative",
            ),
        ]
