"""The audit trail of a request: one row per transition, shown as a timeline."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest
from .state import RequestState


class TransitionLog(models.Model):
    class ActorKind(models.TextChoices):
        STAFF = "agent", _("Agent")
        REQUESTER = "demandeur", _("Le demandeur")
        SYSTEM = "systeme", _("Le système")

    request = models.ForeignKey(EngineeringRequest, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("état de départ"), max_length=20, choices=RequestState.choices)
    to_state = models.CharField(_("état d'arrivée"), max_length=20, choices=RequestState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_kind = models.CharField(
        _("type d'auteur"),
        max_length=10,
        choices=ActorKind.choices,
        default=ActorKind.STAFF,
        help_text=_("Le demandeur agit par les liens reçus par courriel ; le système par les commandes."),
    )
    at = models.DateTimeField(_("date"), auto_now_add=True)
    comment = models.TextField(_("commentaire"), blank=True)
    payload = models.JSONField(_("données"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("étape de la demande")
        verbose_name_plural = _("étapes des demandes")

    def __str__(self):
        return f"{self.request_id}: {self.from_state} → {self.to_state}"

    @property
    def actor_label(self) -> str:
        if self.actor_kind == self.ActorKind.STAFF and self.actor is not None:
            return self.actor.get_full_name() or self.actor.get_username()
        return str(self.get_actor_kind_display())
