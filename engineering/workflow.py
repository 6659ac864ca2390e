"""The protocol of roadmap II c as an explicit state machine, enforced here.

``apply_transition`` is the only code that changes a request's state. It locks
the row, checks that the action exists, that it leaves from the current state,
that the actor holds a role allowed to take it and that the required data is
valid; then it changes the state, writes the related records, logs the
transition and queues the notifications, all in one transaction. Anything else
raises a ``TransitionError``: an illegal transition is impossible, not hidden.

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
    en_triage --escalate [team] (>= 1 reason + text)--> appui_national
    appui_national --return_to_delegate [agency] (reason)--> en_triage
    appui_national --submit_to_committee [agency]--> comite --record_decision [committee]-->
        validated: convention --record_convention [agency]--> convention
                   --activate_instruments [agency] (needs the convention)--> instruments
                   --start_support [team, agency]--> en_cours --close [team, agency]--> close
        refused:   en_triage: back to the délégué, who answers locally (names a single contact)
                   or closes it as inadmissible/redirected. A request refused by the committee
                   cannot be escalated again: the committee has ruled.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import action_forms
from .conf import setting
from .forms import InformationReplyForm
from .groups import AGENCY_GROUP, COMMITTEE_GROUP, user_groups
from .models import (
    FINAL_STATES,
    ActivatedInstrument,
    Attachment,
    CommitteeDecision,
    EngineeringRequest,
    InformationRequest,
    LocalAnswer,
    NationalEscalation,
    RequestState,
    RoutingRule,
    SupportConvention,
    TransitionLog,
)
from .uploads import sniff

S = RequestState
TEAM, AGENCY, COMMITTEE, SYSTEM, REQUESTER = "team", "agency", "committee", "system", "requester"


@dataclass(frozen=True)
class Requester:
    """The requester as an actor: not a user account, but the holder of a link
    sent to the request's email address. ``information_request`` is the
    "more information needed" step whose reply link was used, if any."""

    information_request: InformationRequest | None = None


class TransitionError(Exception):
    """A refused transition, with a French message for the person who tried."""


class IllegalTransition(TransitionError):
    """The action does not exist or does not leave from the request's state."""


class TransitionForbidden(TransitionError):
    """The actor holds no role allowed to take this action on this request."""


class InvalidTransitionData(TransitionError):
    def __init__(self, message, form):
        super().__init__(message)
        self.form = form


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset
    target: str | Callable  # a state, or a function of the cleaned data
    roles: frozenset
    form_class: type[forms.Form] | None = None
    apply: Callable | None = None  # writes related records; may raise TransitionError
    guard: Callable | None = None  # returns a French message when the action is not possible now
    button_class: str = ""
    notify: tuple = field(default_factory=tuple)

    def target_for(self, data) -> str:
        return self.target(data) if callable(self.target) else self.target


# ---- side effects of actions -------------------------------------------------


def _confirm(request, data, actor):
    request.confirmed_at = timezone.now()
    request.expires_at = None


def _ask_for_information(request, data, actor):
    """Open the question the requester will answer through the emailed link."""
    question = InformationRequest(request=request, question=data["comment"], asked_at=timezone.now())
    question.set_expiry(setting("ENGINEERING_INFO_REPLY_DAYS"))
    question.save()
    return {"information_request": question.pk}


def reply_refusal(request, question, now=None) -> str | None:
    """Why the reply link of ``question`` no longer works, in French, or None."""
    if question.answered_at is not None:
        return _(
            "Vous avez déjà envoyé vos compléments le %(date)s : ce lien ne peut servir qu'une fois. "
            "Le délégué territorial a repris l'examen de votre demande."
        ) % {"date": timezone.localtime(question.answered_at).strftime("%d/%m/%Y")}
    latest = request.information_requests.order_by("-asked_at", "-pk").values_list("pk", flat=True).first()
    if request.state != S.MORE_INFO_NEEDED or latest != question.pk:
        return _(
            "La demande %(reference)s n'attend plus de compléments de votre part : ce lien ne peut plus "
            "servir. Vous pouvez suivre son avancement sur la page de suivi des demandes."
        ) % {"reference": request.reference}
    if question.is_expired(now):
        return _(
            "Ce lien a expiré le %(date)s. Pour transmettre vos compléments, contactez la délégation "
            "territoriale de l'agence (préfecture de votre département) en rappelant la référence "
            "de suivi %(reference)s."
        ) % {
            "date": timezone.localtime(question.expires_at).strftime("%d/%m/%Y"),
            "reference": request.reference,
        }
    return None


def _record_reply(request, data, actor):
    """Store the requester's answer and files on the question they answer; the
    question row is locked so that a link is used once, even by two clicks."""
    if not isinstance(actor, Requester) or actor.information_request is None:
        raise TransitionForbidden(_("Seul le lien envoyé au demandeur permet de répondre."))
    question = InformationRequest.objects.select_for_update().get(
        pk=actor.information_request.pk, request=request
    )
    if message := reply_refusal(request, question):
        raise IllegalTransition(message)
    question.answer = data["answer"]
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    names = []
    for uploaded in data.get("attachments") or ():
        file_type = sniff(uploaded)
        Attachment.objects.create(
            request=request,
            information_request=question,
            file=uploaded,
            original_name=uploaded.name[:255],
            content_type=file_type.content_type if file_type else "",
            size=uploaded.size,
        )
        names.append(uploaded.name[:255])
    return {"information_request": question.pk, "attachments": names}


def _reroute(request, data, actor):
    departement = data["departement"]
    request.departement = departement
    request.assigned_team = RoutingRule.team_for(departement)
    return {"departement": departement.code, "team": request.assigned_team.name}


def _designate(request, data, actor):
    LocalAnswer.objects.update_or_create(
        request=request,
        defaults={
            "contact_kind": data["contact_kind"],
            "contact_name": data["contact_name"],
            "contact_details": data["contact_details"],
        },
    )
    return {"contact_kind": data["contact_kind"], "contact_name": data["contact_name"]}


def _escalate(request, data, actor):
    reasons = {name: data[name] for name in ("fragility", "lack_of_local_resources", "innovative_or_complex")}
    NationalEscalation.objects.update_or_create(
        request=request, defaults={**reasons, "justification": data["justification"]}
    )
    return reasons


def _not_refused(request):
    if CommitteeDecision.objects.filter(request=request, outcome=CommitteeDecision.Outcome.REFUSED).exists():
        return _("Le comité de suivi a refusé l'appui national pour cette demande.")
    return None


def _decide(request, data, actor):
    CommitteeDecision.objects.update_or_create(
        request=request,
        defaults={"outcome": data["outcome"], "decided_on": data["decided_on"], "minutes": data["minutes"]},
    )
    return {"outcome": data["outcome"], "decided_on": data["decided_on"].isoformat()}


def _decision_target(data):
    return S.CONVENTION if data["outcome"] == CommitteeDecision.Outcome.VALIDATED else S.UNDER_TRIAGE


def _convention(request, data, actor):
    defaults = {"signed_on": data["signed_on"], "reference": data["reference"]}
    if data.get("file"):
        defaults["file"] = data["file"]
    SupportConvention.objects.update_or_create(request=request, defaults=defaults)
    return {"reference": data["reference"], "signed_on": data["signed_on"].isoformat()}


def _needs_convention(request):
    if not SupportConvention.objects.filter(request=request).exists():
        return _("Enregistrez d'abord la convention d'appui opérationnel.")
    return None


def _instruments(request, data, actor):
    kinds = ActivatedInstrument.Kind
    rows = []
    if data.get("internal_experts"):
        rows.append(
            ActivatedInstrument(
                request=request, kind=kinds.INTERNAL_EXPERTS, details=data["internal_experts"]
            )
        )
    if data.get("state_experts"):
        rows.append(
            ActivatedInstrument(request=request, kind=kinds.STATE_EXPERTS, details=data["state_experts"])
        )
    if data.get("credit_line_amount") is not None:
        rows.append(
            ActivatedInstrument(request=request, kind=kinds.CREDIT_LINE, amount=data["credit_line_amount"])
        )
    for operator in data.get("operators") or ():
        rows.append(ActivatedInstrument(request=request, kind=kinds.FRAMEWORK_CONVENTION, operator=operator))
    ActivatedInstrument.objects.bulk_create(rows)
    return {
        "instruments": [row.kind for row in rows],
        "credit_line_amount": str(data["credit_line_amount"])
        if data.get("credit_line_amount") is not None
        else None,
        "operators": [operator.pk for operator in data.get("operators") or ()],
    }


def _action(name, label, sources, target, roles, **kwargs):
    return Action(
        name=name, label=label, sources=frozenset(sources), target=target, roles=frozenset(roles), **kwargs
    )


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in [
        _action(
            "confirm_email",
            _("Adresse électronique confirmée"),
            [S.RECEIVED],
            S.UNDER_TRIAGE,
            [SYSTEM, REQUESTER],
            apply=_confirm,
            notify=("team_new_request",),
        ),
        _action("expire", _("Expirée faute de confirmation"), [S.RECEIVED], S.EXPIRED, [SYSTEM]),
        _action(
            "request_more_info",
            _("Demander des compléments"),
            [S.UNDER_TRIAGE],
            S.MORE_INFO_NEEDED,
            [TEAM],
            form_class=action_forms.MoreInfoForm,
            apply=_ask_for_information,
            notify=("requester_more_info",),
        ),
        _action(
            "reply_with_information",
            _("Compléments envoyés par le demandeur"),
            [S.MORE_INFO_NEEDED],
            S.UNDER_TRIAGE,
            [REQUESTER],
            form_class=InformationReplyForm,
            apply=_record_reply,
            notify=("team_information_received",),
        ),
        _action(
            "info_received",
            _("Compléments reçus : reprendre l'examen"),
            [S.MORE_INFO_NEEDED],
            S.UNDER_TRIAGE,
            [TEAM],
            form_class=action_forms.InfoReceivedForm,
        ),
        _action(
            "reroute",
            _("Réorienter vers un autre département"),
            [S.UNDER_TRIAGE],
            S.UNDER_TRIAGE,
            [TEAM],
            form_class=action_forms.RerouteForm,
            apply=_reroute,
            notify=("team_rerouted",),
        ),
        _action(
            "designate_local_contact",
            _("Réponse locale : désigner l'interlocuteur unique"),
            [S.UNDER_TRIAGE],
            S.LOCAL_ANSWER,
            [TEAM],
            form_class=action_forms.LocalContactForm,
            apply=_designate,
            notify=("requester_local_answer",),
        ),
        _action(
            "start_local_follow_up",
            _("Engager le suivi local"),
            [S.LOCAL_ANSWER],
            S.LOCAL_FOLLOW_UP,
            [TEAM],
            form_class=action_forms.CommentForm,
        ),
        _action(
            "escalate",
            _("Solliciter l'appui national de l'agence"),
            [S.UNDER_TRIAGE],
            S.NATIONAL_ESCALATION,
            [TEAM],
            form_class=action_forms.EscalationForm,
            apply=_escalate,
            guard=_not_refused,
            notify=("agency_escalation",),
        ),
        _action(
            "return_to_delegate",
            _("Renvoyer au délégué territorial"),
            [S.NATIONAL_ESCALATION],
            S.UNDER_TRIAGE,
            [AGENCY],
            form_class=action_forms.RequiredCommentForm,
            notify=("team_returned",),
        ),
        _action(
            "submit_to_committee",
            _("Soumettre au comité de suivi des projets"),
            [S.NATIONAL_ESCALATION],
            S.COMMITTEE,
            [AGENCY],
            form_class=action_forms.CommentForm,
            notify=("committee_submitted",),
        ),
        _action(
            "record_decision",
            _("Enregistrer la décision du comité"),
            [S.COMMITTEE],
            _decision_target,
            [COMMITTEE],
            form_class=action_forms.CommitteeDecisionForm,
            apply=_decide,
            notify=("team_decision", "requester_decision"),
        ),
        _action(
            "record_convention",
            _("Enregistrer la convention d'appui opérationnel"),
            [S.CONVENTION],
            S.CONVENTION,
            [AGENCY],
            form_class=action_forms.ConventionForm,
            apply=_convention,
        ),
        _action(
            "activate_instruments",
            _("Activer les instruments d'ingénierie"),
            [S.CONVENTION],
            S.INSTRUMENTS_ACTIVATED,
            [AGENCY],
            form_class=action_forms.InstrumentsForm,
            apply=_instruments,
            guard=_needs_convention,
            notify=("team_instruments",),
        ),
        _action(
            "start_support",
            _("Démarrer l'accompagnement"),
            [S.INSTRUMENTS_ACTIVATED],
            S.IN_PROGRESS,
            [TEAM, AGENCY],
            form_class=action_forms.CommentForm,
        ),
        _action(
            "close",
            _("Clore la demande"),
            [S.LOCAL_FOLLOW_UP, S.IN_PROGRESS],
            S.CLOSED,
            [TEAM, AGENCY],
            form_class=action_forms.RequiredCommentForm,
            notify=("requester_closed",),
        ),
        _action(
            "declare_inadmissible",
            _("Déclarer irrecevable"),
            [S.UNDER_TRIAGE],
            S.INADMISSIBLE,
            [TEAM],
            form_class=action_forms.RequiredCommentForm,
            notify=("requester_closed",),
        ),
        _action(
            "redirect",
            _("Réorienter vers un autre dispositif"),
            [S.UNDER_TRIAGE],
            S.REDIRECTED,
            [TEAM],
            form_class=action_forms.RequiredCommentForm,
            notify=("requester_closed",),
        ),
    ]
}

#: Actions that record the délégué's first orientation decision (for the triage delay).
TRIAGE_DECISIONS = frozenset({"designate_local_contact", "escalate", "declare_inadmissible", "redirect"})


def roles_of(user, request) -> set[str]:
    """The roles a user holds on a request. Superusers hold every staff role."""
    if user is None:
        return {SYSTEM}
    if isinstance(user, Requester):
        return {REQUESTER}
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return {TEAM, AGENCY, COMMITTEE}
    groups = user_groups(user)
    roles = set()
    if request.assigned_team_id in groups:
        roles.add(TEAM)
    if AGENCY_GROUP in groups.values():
        roles.add(AGENCY)
    if COMMITTEE_GROUP in groups.values():
        roles.add(COMMITTEE)
    return roles


def allowed_actions(request, user) -> list[Action]:
    """Actions this user may take on the request in its current state (for the
    buttons; ``apply_transition`` checks again)."""
    roles = roles_of(user, request)
    return [
        action
        for action in ACTIONS.values()
        if request.state in action.sources
        and action.roles & roles
        and SYSTEM not in action.roles
        and REQUESTER not in action.roles
        and not (action.guard and action.guard(request))
    ]


def build_form(action: Action, request, data=None, files=None):
    if action.form_class is None:
        return None
    kwargs = {"request": request} if action.form_class is action_forms.RerouteForm else {}
    return action.form_class(data, files, **kwargs)


def apply_transition(
    request: EngineeringRequest, action_name: str, actor, data=None, files=None
) -> TransitionLog:
    """Apply a workflow action; return the log row or raise ``TransitionError``.

    ``actor`` is the staff user, a ``Requester`` (the links emailed to the
    requester), or None for the system (the expiry command). ``data``/``files`` are the raw
    form data, validated with the action's form."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise IllegalTransition(_("Action inconnue : %(action)s.") % {"action": action_name})
    with transaction.atomic():
        locked = (
            EngineeringRequest.objects.select_for_update()
            .select_related("departement", "assigned_team")
            .get(pk=request.pk)
        )
        if locked.state not in action.sources:
            raise IllegalTransition(
                _("« %(action)s » est impossible pour une demande à l'état « %(state)s ».")
                % {"action": action.label, "state": locked.get_state_display()}
            )
        roles = roles_of(actor, locked)
        if not (action.roles & roles):
            raise TransitionForbidden(
                _("Vous n'avez pas le droit de faire « %(action)s » sur cette demande.")
                % {"action": action.label}
            )
        if action.guard and (message := action.guard(locked)):
            raise IllegalTransition(message)
        cleaned = {}
        form = build_form(action, locked, data or {}, files)
        if form is not None:
            if not form.is_valid():
                raise InvalidTransitionData(_("Corrigez les erreurs du formulaire."), form)
            cleaned = form.cleaned_data
        from_state = locked.state
        if isinstance(actor, Requester):
            actor_kind = TransitionLog.ActorKind.REQUESTER
        elif actor is None:
            actor_kind = TransitionLog.ActorKind.SYSTEM
        else:
            actor_kind = TransitionLog.ActorKind.STAFF
        payload = (action.apply(locked, cleaned, actor) if action.apply else None) or {}
        now = timezone.now()
        locked.state = action.target_for(cleaned)
        locked.state_changed_at = now
        if action.name in TRIAGE_DECISIONS and locked.triaged_at is None:
            locked.triaged_at = now
        if locked.state in FINAL_STATES:
            locked.closed_at = now
        locked.save()
        log = TransitionLog.objects.create(
            request=locked,
            action=action.name,
            from_state=from_state,
            to_state=locked.state,
            actor=actor if actor_kind == TransitionLog.ActorKind.STAFF else None,
            actor_kind=actor_kind,
            comment=(
                cleaned.get("comment")
                or cleaned.get("answer")
                or cleaned.get("justification")
                or cleaned.get("minutes")
                or ""
            ),
            payload=payload,
        )
        from .notifications import notify

        for kind in action.notify:
            notify(kind, locked, log)
    # Keep the caller's object in step with the database.
    for name in (
        "state",
        "state_changed_at",
        "triaged_at",
        "closed_at",
        "confirmed_at",
        "expires_at",
        "departement_id",
        "assigned_team_id",
    ):
        setattr(request, name, getattr(locked, name))
    return log
