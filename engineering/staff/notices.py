"""Telling the staff member who acted that an e-mail of the step reached
nobody: a group without a member with an address would otherwise swallow an
escalation in silence (the outbox queues nothing without a recipient, and the
protocol logs it: ``emails.notify``)."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.permissions import policy_registry

from ..protocol.roles import REQUESTER, TEAM, keyed_group


def unreached_group(notice, engineering_request):
    """The group that should have received ``notice``, or None (the requester,
    or a national group the setup never created)."""
    if notice.to == TEAM:
        return engineering_request.assigned_team
    if notice.to == REQUESTER:
        return None
    return keyed_group(notice.to)


def warning_text(group, can_fix: bool) -> str:
    if group is None:
        return _("Aucun courriel n’a été envoyé pour cette étape : personne ne tient ce rôle.")
    text = _(
        "Aucun courriel n’a été envoyé au groupe « %(group)s » : il n’a aucun membre actif avec "
        "une adresse électronique."
    ) % {"group": group.name}
    if can_fix:
        return f"{text} {_('Ajoutez-y quelqu’un, puis prévenez-le de cette demande.')}"
    return f"{text} {_('Demandez à un administrateur d’y ajouter quelqu’un, puis prévenez-le.')}"


def warn_unreached(request, log) -> None:
    """One warning per notice of ``log`` that went to nobody; whoever may give
    the groups members gets a link to the teams screen."""
    unreached = getattr(log, "unreached", ())
    if not unreached:
        return
    can_fix = policy_registry.get_by_type(Group).user_has_permission(request.user, "change")
    buttons = [messages.button(reverse("engineering_teams:index"), _("Équipes de l’ingénierie"))]
    for notice in unreached:
        group = unreached_group(notice, log.request)
        messages.warning(request, warning_text(group, can_fix), buttons=buttons if can_fix else None)
