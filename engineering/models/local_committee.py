"""The report of a local answer to the comité local de cohésion territoriale."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


class LocalCommitteeReport(models.Model):
    """Roadmap II c: for a local answer, the délégué "en fait état au comité local
    de cohésion territoriale". One row per meeting where the request was reported,
    with the date and the minutes, so that the timeline and the yearly
    consolidation show it."""

    request = models.ForeignKey(
        EngineeringRequest, on_delete=models.CASCADE, related_name="local_committee_reports"
    )
    met_on = models.DateField(_("date du comité local"))
    minutes = models.TextField(_("compte rendu"))
    recorded_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)

    class Meta:
        ordering = ["met_on", "pk"]
        verbose_name = _("compte rendu au comité local de cohésion territoriale")
        verbose_name_plural = _("comptes rendus au comité local de cohésion territoriale")

    def __str__(self):
        return f"{self.request} ({self.met_on:%d/%m/%Y})"
