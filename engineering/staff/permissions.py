"""Who may open the staff screens, as Wagtail permission policies.

Access follows the protocol's roles (``protocol.roles``), not Django's model
permissions: a délégué sees the requests of their département because they
belong to its team, not because a permission was ticked. The policies answer
"view" only: nothing is added, edited or deleted through the generic views,
every change of a request goes through one of the protocol's actions
(``workflow.apply_transition``), and resending an e-mail is the outbox's own
operation. Both are registered for their model in ``wagtail_hooks``, so the
viewsets, their menu items and their views all ask the same question.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy

from ..models import EngineeringRequest
from ..protocol.roles import takes_part

VIEW = "view"


class ProtocolRolesPolicy(BasePermissionPolicy):
    """Requests are seen by whoever takes part in the protocol, each request
    by the roles that handle it (``EngineeringRequest.objects.visible_to``)."""

    def user_has_permission(self, user, action):
        return action == VIEW and takes_part(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if VIEW not in actions:
            return users.none()
        protocol_groups = Group.objects.filter(
            Q(engineering_role__isnull=False) | Q(engineering_routing_rules__isnull=False)
        )
        return users.filter(Q(is_superuser=True) | Q(groups__in=protocol_groups)).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if VIEW not in actions:
            return EngineeringRequest.objects.none()
        return EngineeringRequest.objects.visible_to(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """The outbox holds requesters' addresses for every département: only
    administrators see it, and resend from it (``change``)."""

    actions = frozenset({VIEW, "change"})

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if self.actions & set(actions) else users.none()
