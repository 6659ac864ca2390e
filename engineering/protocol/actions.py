"""The protocol of roadmap II c, declared action by action.

States and actions (who may act in brackets)::

    recue --confirm_email (the requester's link)--> en_triage
    recue --expire (command)--> expiree
    en_triage --request_more_info [team]--> complements
        --reply_with_information [requester, through the emailed link]--> en_triage
        --info_received [team, for an answer by mail or phone]--> en_triage
    en_triage --reroute [team] (reason; team of the other département)--> en_triage
    en_triage --declare_inadmissible | redirect [team] (reason)--> irrecevable | reorientee
    en_triage --designate_local_contact [team]--> reponse_locale
        --start_local_follow_up [team]--> suivi_local --close [team]--> close
    reponse_locale | suivi_local --report_to_local_committee [team] (date, minutes)--> (same state)
    en_triage --escalate [team] (ground of II c + text)--> appui_national
    appui_national --return_to_delegate [agency] (reason)--> en_triage
    appui_national --submit_to_committee [agency]--> comite --record_decision [committee]-->
        validated: convention --record_convention [agency]--> convention
                   --activate_instruments [agency] (needs the convention)--> instruments
                   --start_support [team, agency]--> en_cours --close [team, agency]--> close
        refused:   en_triage: back to the délégué, who answers locally (names a single contact)
                   or closes it as inadmissible/redirected. A request refused by the committee
                   cannot be escalated again: the committee has ruled.

Each ``register`` call below is the one place an action is defined. This
module is imported when the app is ready (``EngineeringConfig.ready``).
"""

from django.utils.translation import gettext_lazy as _

from ..models import RequestState
from . import action_forms as f
from . import effects
from .emails import decision_context, question_context
from .registry import Notice, actions, register
from .roles import AGENCY, COMMITTEE, REQUESTER, SYSTEM, TEAM

S = RequestState
__all__ = ["actions"]

register(
    "confirm_email",
    label=_("Adresse électronique confirmée"),
    public_label=_("Adresse électronique confirmée : demande transmise au délégué territorial"),
    sources=[S.RECEIVED],
    target=S.UNDER_TRIAGE,
    roles=[SYSTEM, REQUESTER],
    apply=effects.confirm,
    notices=(Notice("team_new_request", TEAM),),
)
register(
    "expire",
    label=_("Expirée faute de confirmation"),
    public_label=_("Demande expirée faute de confirmation"),
    sources=[S.RECEIVED],
    target=S.EXPIRED,
    roles=[SYSTEM],
)
register(
    "request_more_info",
    label=_("Demander des compléments"),
    public_label=_("Compléments demandés"),
    sources=[S.UNDER_TRIAGE],
    target=S.MORE_INFO_NEEDED,
    roles=[TEAM],
    form_class=f.MoreInfoForm,
    apply=effects.ask_for_information,
    notices=(Notice("requester_more_info", REQUESTER, context=question_context),),
)
register(
    "reply_with_information",
    label=_("Compléments envoyés par le demandeur"),
    public_label=_("Compléments envoyés"),
    sources=[S.MORE_INFO_NEEDED],
    target=S.UNDER_TRIAGE,
    roles=[REQUESTER],
    form_class=f.InformationReplyForm,
    apply=effects.record_reply,
    notices=(Notice("team_information_received", TEAM),),
)
register(
    "info_received",
    label=_("Compléments reçus : reprendre l'examen"),
    public_label=_("Compléments reçus"),
    sources=[S.MORE_INFO_NEEDED],
    target=S.UNDER_TRIAGE,
    roles=[TEAM],
    form_class=f.InfoReceivedForm,
)
register(
    "reroute",
    label=_("Réorienter vers un autre département"),
    public_label=_("Demande transmise au délégué territorial d'un autre département"),
    sources=[S.UNDER_TRIAGE],
    target=S.UNDER_TRIAGE,
    roles=[TEAM],
    form_class=f.RerouteForm,
    apply=effects.reroute,
    notices=(Notice("team_rerouted", TEAM),),
)
register(
    "designate_local_contact",
    label=_("Réponse locale : désigner l'interlocuteur unique"),
    public_label=_("Interlocuteur unique désigné"),
    sources=[S.UNDER_TRIAGE],
    target=S.LOCAL_ANSWER,
    roles=[TEAM],
    form_class=f.LocalContactForm,
    apply=effects.designate,
    notices=(Notice("requester_local_answer", REQUESTER),),
    triage_decision=True,
)
register(
    "start_local_follow_up",
    label=_("Engager le suivi local"),
    public_label=_("Accompagnement local engagé"),
    sources=[S.LOCAL_ANSWER],
    target=S.LOCAL_FOLLOW_UP,
    roles=[TEAM],
    form_class=f.CommentForm,
)
register(
    "report_to_local_committee",
    label=_("Faire état de la demande au comité local de cohésion territoriale"),
    public_label=_("Réponse locale présentée au comité local de cohésion territoriale"),
    sources=[S.LOCAL_ANSWER, S.LOCAL_FOLLOW_UP],
    target=None,
    roles=[TEAM],
    form_class=f.LocalCommitteeReportForm,
    apply=effects.report_to_local_committee,
)
register(
    "escalate",
    label=_("Solliciter l'appui national de l'agence"),
    public_label=_("Appui national de l'agence sollicité"),
    sources=[S.UNDER_TRIAGE],
    target=S.NATIONAL_ESCALATION,
    roles=[TEAM],
    form_class=f.EscalationForm,
    apply=effects.escalate,
    guard=effects.not_refused_by_committee,
    notices=(Notice("agency_escalation", AGENCY),),
    triage_decision=True,
)
register(
    "return_to_delegate",
    label=_("Renvoyer au délégué territorial"),
    public_label=_("Demande reprise par le délégué territorial"),
    sources=[S.NATIONAL_ESCALATION],
    target=S.UNDER_TRIAGE,
    roles=[AGENCY],
    form_class=f.RequiredCommentForm,
    notices=(Notice("team_returned", TEAM),),
)
register(
    "submit_to_committee",
    label=_("Soumettre au comité de suivi des projets"),
    public_label=_("Demande soumise au comité de suivi des projets"),
    sources=[S.NATIONAL_ESCALATION],
    target=S.COMMITTEE,
    roles=[AGENCY],
    form_class=f.CommentForm,
    notices=(Notice("committee_submitted", COMMITTEE),),
)
register(
    "record_decision",
    label=_("Enregistrer la décision du comité"),
    public_label={
        S.CONVENTION: _("Appui national validé par le comité de suivi des projets"),
        S.UNDER_TRIAGE: _(
            "Appui national non retenu par le comité : le délégué territorial reprend la demande"
        ),
    },
    sources=[S.COMMITTEE],
    target=effects.decision_target,
    roles=[COMMITTEE],
    form_class=f.CommitteeDecisionForm,
    apply=effects.decide,
    notices=(
        Notice("team_decision", TEAM),
        Notice("requester_decision", REQUESTER, context=decision_context),
    ),
)
register(
    "record_convention",
    label=_("Enregistrer la convention d'appui opérationnel"),
    public_label=_("Convention d'appui opérationnel signée"),
    sources=[S.CONVENTION],
    target=S.CONVENTION,
    roles=[AGENCY],
    form_class=f.ConventionForm,
    apply=effects.record_convention,
)
register(
    "activate_instruments",
    label=_("Activer les instruments d'ingénierie"),
    public_label=_("Moyens d'ingénierie mobilisés"),
    sources=[S.CONVENTION],
    target=S.INSTRUMENTS_ACTIVATED,
    roles=[AGENCY],
    form_class=f.InstrumentsForm,
    apply=effects.activate_instruments,
    guard=effects.needs_convention,
    notices=(Notice("team_instruments", TEAM),),
)
register(
    "start_support",
    label=_("Démarrer l'accompagnement"),
    public_label=_("Accompagnement démarré"),
    sources=[S.INSTRUMENTS_ACTIVATED],
    target=S.IN_PROGRESS,
    roles=[TEAM, AGENCY],
    form_class=f.CommentForm,
)
register(
    "close",
    label=_("Clore la demande"),
    public_label=_("Demande terminée"),
    sources=[S.LOCAL_FOLLOW_UP, S.IN_PROGRESS],
    target=S.CLOSED,
    roles=[TEAM, AGENCY],
    form_class=f.RequiredCommentForm,
    notices=(Notice("requester_closed", REQUESTER),),
)
register(
    "declare_inadmissible",
    label=_("Déclarer irrecevable"),
    public_label=_("Demande déclarée non recevable"),
    sources=[S.UNDER_TRIAGE],
    target=S.INADMISSIBLE,
    roles=[TEAM],
    form_class=f.RequiredCommentForm,
    notices=(Notice("requester_closed", REQUESTER),),
    triage_decision=True,
)
register(
    "redirect",
    label=_("Réorienter vers un autre dispositif"),
    public_label=_("Demande orientée vers un autre dispositif"),
    sources=[S.UNDER_TRIAGE],
    target=S.REDIRECTED,
    roles=[TEAM],
    form_class=f.RequiredCommentForm,
    notices=(Notice("requester_closed", REQUESTER),),
    triage_decision=True,
)
