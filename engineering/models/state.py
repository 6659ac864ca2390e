"""The states of a request and their target delays."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class RequestState(models.TextChoices):
    """States of the protocol (roadmap II c). The transitions between them live in
    ``engineering.protocol.workflow``; nothing else changes a request's state."""

    RECEIVED = "recue", _("Reçue, en attente de confirmation de l'adresse électronique")
    UNDER_TRIAGE = "en_triage", _("En cours d'examen par le délégué territorial")
    MORE_INFO_NEEDED = "complements", _("Compléments demandés au demandeur")
    LOCAL_ANSWER = "reponse_locale", _("Réponse locale : interlocuteur unique désigné")
    LOCAL_FOLLOW_UP = "suivi_local", _("Suivi local en cours")
    NATIONAL_ESCALATION = "appui_national", _("Appui national sollicité auprès de l'agence")
    COMMITTEE = "comite", _("Soumise au comité de suivi des projets")
    CONVENTION = "convention", _("Validée : convention d'appui opérationnel à établir")
    INSTRUMENTS_ACTIVATED = "instruments", _("Instruments d'ingénierie activés")
    IN_PROGRESS = "en_cours", _("Accompagnement en cours")
    CLOSED = "close", _("Close")
    INADMISSIBLE = "irrecevable", _("Irrecevable")
    REDIRECTED = "reorientee", _("Réorientée vers un autre dispositif")
    EXPIRED = "expiree", _("Expirée faute de confirmation")


#: States in which a request is finished: no deadline, no duplicate check, retention applies.
FINAL_STATES = frozenset(
    {
        RequestState.CLOSED,
        RequestState.INADMISSIBLE,
        RequestState.REDIRECTED,
        RequestState.EXPIRED,
    }
)


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
