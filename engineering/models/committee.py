"""The decision of the agency's comité de suivi des projets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


class CommitteeDecision(models.Model):
    class Outcome(models.TextChoices):
        VALIDATED = "validee", _("Validée")
        REFUSED = "refusee", _("Refusée")

    request = models.OneToOneField(
        EngineeringRequest, on_delete=models.CASCADE, related_name="committee_decision"
    )
    outcome = models.CharField(_("décision"), max_length=10, choices=Outcome.choices)
    decided_on = models.DateField(_("date du comité"))
    minutes = models.TextField(_("relevé de décision"))

    class Meta:
        verbose_name = _("décision du comité de suivi")
        verbose_name_plural = _("décisions du comité de suivi")

    def __str__(self):
        return f"{self.get_outcome_display()} ({self.decided_on:%d/%m/%Y})"
