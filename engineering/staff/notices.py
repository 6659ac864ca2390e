"""Telling the staff member who acted that an e-mail of the step reached
nobody: a group without a member with an address would otherwise swallow an
escalation in silence (the outbox queues nothing without a recipient, and the
protocol logs it: ``emails.notify``)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from ..protocol.roles import REQUESTER, TEAM, keyed_group


def unreached_group(notice, engineering_request):
    """The group that should have received ``notice``, or None (the requester,
    or a national group the setup never created)."""
    if notice.to == TEAM:
        return engineering_request.assigned_team
    if notice.to == REQUESTER:
        return None
    return keyed_group(notice.to)


def warn_unreached(request, log) -> None:
    """One warning per notice of ``log`` that went to nobody, with a link to the teams screen."""
    for notice in getattr(log, "unreached", ()):
        group = unreached_group(notice, log.request)
        if group is None:
            text = _("Aucun courriel n’a été envoyé pour cette étape : personne ne tient ce rôle.")
        else:
            text = _(
                "Aucun courriel n’a été envoyé au groupe « %(group)s » : il n’a aucun membre actif avec "
                "une adresse électronique. Ajoutez-y quelqu’un, puis prévenez-le de cette demande."
            ) % {"group": group.name}
        teams = messages.button(reverse("engineering_teams:index"), _("Équipes de l’ingénierie"))
        messages.warning(request, text, buttons=[teams])
