"""What the requester sees of their request on the public status page: the
current state and the dated steps in plain French, never the team's comments,
names or internal routing."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from ..models import EngineeringRequest, RequestState, TransitionLog
from ..protocol.registry import actions

S = RequestState

#: Current state: a headline and what it means for the requester (the steps'
#: wording is declared with each action, ``Action.public_label``).
STATE_TEXTS = {
    S.RECEIVED: (
        _("En attente de la confirmation de votre adresse électronique"),
        _(
            "Ouvrez le lien du courriel d'accusé de réception pour transmettre la demande au délégué "
            "territorial de l'agence. Sans confirmation à temps, la demande expire."
        ),
    ),
    S.UNDER_TRIAGE: (
        _("En cours d'examen"),
        _(
            "Le délégué territorial de l'agence dans votre département (le préfet) examine votre demande "
            "pour lui trouver une réponse."
        ),
    ),
    S.MORE_INFO_NEEDED: (
        _("Compléments demandés"),
        _(
            "Le délégué territorial vous a demandé des compléments par courriel. Répondez avec le lien "
            "personnel de ce courriel."
        ),
    ),
    S.LOCAL_ANSWER: (
        _("Réponse locale : un interlocuteur unique vous a été désigné"),
        _("Ses coordonnées vous ont été envoyées par courriel."),
    ),
    S.LOCAL_FOLLOW_UP: (
        _("Accompagnement local en cours"),
        _("Votre interlocuteur unique accompagne votre projet."),
    ),
    S.NATIONAL_ESCALATION: (
        _("Appui national sollicité"),
        _("Le délégué territorial a sollicité l'appui national de l'agence, qui examine votre demande."),
    ),
    S.COMMITTEE: (
        _("Examen par le comité de suivi des projets"),
        _("Le comité de suivi des projets de l'agence décide de l'appui national à votre projet."),
    ),
    S.CONVENTION: (
        _("Appui national accordé : convention en préparation"),
        _("Le comité a validé l'appui national. Une convention d'appui opérationnel va vous être proposée."),
    ),
    S.INSTRUMENTS_ACTIVATED: (
        _("Appui national : moyens d'ingénierie mobilisés"),
        _("L'agence a mobilisé les moyens d'ingénierie prévus par la convention."),
    ),
    S.IN_PROGRESS: (
        _("Accompagnement en cours"),
        _("L'accompagnement de votre projet par l'agence a commencé."),
    ),
    S.CLOSED: (
        _("Demande terminée"),
        _("Le traitement de votre demande est terminé."),
    ),
    S.INADMISSIBLE: (
        _("Demande non recevable"),
        _("Votre demande n'a pas pu être retenue ; le motif vous a été envoyé par courriel."),
    ),
    S.REDIRECTED: (
        _("Demande orientée vers un autre dispositif"),
        _(
            "Votre demande relève d'un autre dispositif ; les explications vous ont été envoyées "
            "par courriel."
        ),
    ),
    S.EXPIRED: (
        _("Demande expirée"),
        _("L'adresse électronique n'a pas été confirmée à temps. Vous pouvez déposer une nouvelle demande."),
    ),
}


@dataclass(frozen=True)
class Step:
    at: datetime
    label: str


@dataclass(frozen=True)
class PublicStatus:
    reference: str
    title: str
    collectivite: str
    headline: str
    explanation: str
    steps: list[Step]


def step_label(action: str, to_state: str) -> str:
    """The requester's wording of a step, declared with its action."""
    return actions[action].step_label(to_state)


def public_status(engineering_request: EngineeringRequest) -> PublicStatus:
    """The requester's view of ``request`` (loaded with its commune or EPCI):
    one query for the steps, whatever the history."""
    headline, explanation = STATE_TEXTS[engineering_request.state]
    steps = [Step(engineering_request.created_at, str(_("Demande reçue")))]
    for action, to_state, at in TransitionLog.objects.filter(request=engineering_request).values_list(
        "action", "to_state", "at"
    ):
        steps.append(Step(at, step_label(action, to_state)))
    return PublicStatus(
        reference=engineering_request.reference,
        title=engineering_request.title,
        collectivite=engineering_request.collectivite_label,
        headline=str(headline),
        explanation=str(explanation),
        steps=steps,
    )
