"""The protocol of roadmap II c as an explicit state machine, enforced here.

``apply_transition`` is the only code that changes a request's state. It locks
the row, checks that the action exists (``registry.actions``, declared in
``actions.py``), that it leaves from the current state, that the actor holds a
role allowed to take it and that the required data is valid; then it changes
the state, writes the related records, logs the transition and queues the
notifications, all in one transaction. Anything else raises a
``TransitionError``: an illegal transition is impossible, not hidden.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import FINAL_STATES, EngineeringRequest, TransitionLog
from . import emails
from .errors import IllegalTransition, InvalidTransitionData, TransitionForbidden
from .registry import Action, actions
from .roles import REQUESTER, SYSTEM, Requester, roles_of
from .uploads import files_written_with_rows

#: Fields ``apply_transition`` may change, copied back onto the caller's object.
SYNCED_FIELDS = (
    "state",
    "state_changed_at",
    "triaged_at",
    "closed_at",
    "confirmed_at",
    "expires_at",
    "departement_id",
    "assigned_team_id",
)


def allowed_actions(engineering_request, user) -> list[Action]:
    """Actions this user may take on the request in its current state (for the
    buttons; ``apply_transition`` checks again)."""
    roles = roles_of(user, engineering_request)
    return [
        action
        for action in actions.values()
        if engineering_request.state in action.sources
        and action.roles & roles
        and SYSTEM not in action.roles
        and REQUESTER not in action.roles
        and not (action.guard and action.guard(engineering_request))
    ]


def build_form(action: Action, engineering_request, data=None, files=None):
    if action.form_class is None:
        return None
    kwargs = (
        {"engineering_request": engineering_request}
        if getattr(action.form_class, "takes_engineering_request", False)
        else {}
    )
    return action.form_class(data, files, **kwargs)


def _check(action: Action, engineering_request, actor) -> None:
    """Raise unless ``actor`` may take ``action`` on the (locked) request now."""
    if engineering_request.state not in action.sources:
        raise IllegalTransition(
            _("« %(action)s » est impossible pour une demande à l'état « %(state)s ».")
            % {"action": action.label, "state": engineering_request.get_state_display()}
        )
    if not (action.roles & roles_of(actor, engineering_request)):
        raise TransitionForbidden(
            _("Vous n'avez pas le droit de faire « %(action)s » sur cette demande.")
            % {"action": action.label}
        )
    if action.guard and (message := action.guard(engineering_request)):
        raise IllegalTransition(message)


def _validated(action: Action, engineering_request, data, files) -> dict:
    form = build_form(action, engineering_request, data or {}, files)
    if form is None:
        return {}
    if not form.is_valid():
        raise InvalidTransitionData(_("Corrigez les erreurs du formulaire."), form)
    return form.cleaned_data


def _actor_kind(actor) -> str:
    if isinstance(actor, Requester):
        return TransitionLog.ActorKind.REQUESTER
    if actor is None:
        return TransitionLog.ActorKind.SYSTEM
    return TransitionLog.ActorKind.STAFF


def _log(action: Action, engineering_request, from_state, actor, cleaned, payload) -> TransitionLog:
    actor_kind = _actor_kind(actor)
    comment = next(
        (cleaned[key] for key in ("comment", "answer", "justification", "minutes") if cleaned.get(key)), ""
    )
    return TransitionLog.objects.create(
        request=engineering_request,
        action=action.name,
        from_state=from_state,
        to_state=engineering_request.state,
        actor=actor if actor_kind == TransitionLog.ActorKind.STAFF else None,
        actor_kind=actor_kind,
        comment=comment,
        payload=payload,
    )


def apply_transition(
    engineering_request: EngineeringRequest, action_name: str, actor, data=None, files=None
) -> TransitionLog:
    """Apply a workflow action; return the log row or raise ``TransitionError``.

    ``actor`` is the staff user, a ``Requester`` (the links emailed to the
    requester), or None for the system (the expiry command). ``data``/``files`` are the raw
    form data, validated with the action's form. The log's ``unreached`` lists
    the notices that went to nobody (a role without an address), for the staff
    screen to warn about."""
    action = actions.get(action_name)
    if action is None:
        raise IllegalTransition(_("Action inconnue : %(action)s.") % {"action": action_name})
    with files_written_with_rows(), transaction.atomic():
        locked = (
            EngineeringRequest.objects.select_for_update()
            .select_related("departement", "assigned_team")
            .get(pk=engineering_request.pk)
        )
        _check(action, locked, actor)
        cleaned = _validated(action, locked, data, files)
        from_state = locked.state
        payload = (action.apply(locked, cleaned, actor) if action.apply else None) or {}
        now = timezone.now()
        locked.state = action.target_for(cleaned, from_state)
        if action.target is not None:  # a recorded step (target None) keeps the state's delay running
            locked.state_changed_at = now
        if action.triage_decision and locked.triaged_at is None:
            locked.triaged_at = now
        if locked.state in FINAL_STATES:
            locked.closed_at = now
        locked.save()
        log = _log(action, locked, from_state, actor, cleaned, payload)
        log.unreached = tuple(
            notice for notice in action.notices if emails.notify(notice, locked, log) is None
        )
    for name in SYNCED_FIELDS:  # keep the caller's object in step with the database
        setattr(engineering_request, name, getattr(locked, name))
    return log
