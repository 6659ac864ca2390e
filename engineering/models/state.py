"""The target delays of the states (the states themselves: ``engineering.protocol.states``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..protocol.states import FINAL_STATES, RequestState

__all__ = ["FINAL_STATES", "RequestState", "StateDeadline"]


class StateDeadline(models.Model):
    """Target number of days a request may stay in a state before it is overdue.
    Data, so that the agency can tune it without a release."""

    state = models.CharField(_("état"), max_length=20, choices=RequestState.choices, unique=True)
    target_days = models.PositiveSmallIntegerField(_("délai cible (jours)"))

    panels = [FieldPanel("state"), FieldPanel("target_days")]

    class Meta:
        ordering = ["state"]
        verbose_name = _("délai cible par état")
        verbose_name_plural = _("délais cibles par état")

    def __str__(self):
        return f"{self.get_state_display()} : {self.target_days} j"
