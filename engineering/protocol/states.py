"""The states of the protocol. Like ``roles``, this module imports no other
engineering module: the models (state columns) and the workflow both stand on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    """States of the protocol (roadmap II c). The transitions between them live in
    ``engineering.protocol.workflow``, declared in ``actions``; nothing else changes a request's state."""

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
    CLOSED = "close", _("Fermée")
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
