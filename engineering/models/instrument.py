"""The engineering instruments the agency activates for a request."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models import Partner

from .request import EngineeringRequest


class ActivatedInstrument(models.Model):
    """One instrument of roadmap II c: internal experts, State experts on mission,
    a credit line (with its amount) or a framework convention with a first-circle operator."""

    class Kind(models.TextChoices):
        INTERNAL_EXPERTS = "experts_internes", _("Compétences techniques internes de l'agence")
        STATE_EXPERTS = "mission_etat", _("Mission d'experts de l'État")
        CREDIT_LINE = "ligne_credits", _("Ligne de crédits (subvention ou marché à bons de commande)")
        FRAMEWORK_CONVENTION = "convention_cadre", _("Convention-cadre avec un opérateur du premier cercle")

    request = models.ForeignKey(EngineeringRequest, on_delete=models.CASCADE, related_name="instruments")
    kind = models.CharField(_("instrument"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(
        _("montant (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    operator = models.ForeignKey(
        Partner,
        verbose_name=_("opérateur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"is_first_circle_operator": True},
        related_name="+",
    )
    details = models.CharField(_("précisions"), max_length=255, blank=True)
    activated_at = models.DateTimeField(_("activé le"), auto_now_add=True)

    class Meta:
        ordering = ["activated_at", "pk"]
        verbose_name = _("instrument activé")
        verbose_name_plural = _("instruments activés")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="engineering_instrument_amount_not_negative",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        if self.kind == self.Kind.CREDIT_LINE and self.amount is None:
            raise ValidationError({"amount": _("Indiquez le montant de la ligne de crédits.")})
        if self.kind == self.Kind.FRAMEWORK_CONVENTION:
            if self.operator is None:
                raise ValidationError({"operator": _("Choisissez l'opérateur du premier cercle.")})
            if not self.operator.is_first_circle_operator:
                raise ValidationError({"operator": _("Cet opérateur n'est pas du premier cercle.")})
