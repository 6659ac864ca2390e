"""The user groups that take part in the protocol, by name.

A délégué's team is a group per département (see ``RoutingRule``); the two
national groups below are created on demand with access to the Wagtail admin.
"""

from django.contrib.auth.models import Group

AGENCY_GROUP = "Agence – appui national"
COMMITTEE_GROUP = "Comité de suivi des projets"


def national_group(name: str) -> Group:
    from .models.routing import grant_admin_access

    group, created = Group.objects.get_or_create(name=name)
    if created:
        grant_admin_access(group)
    return group


def user_group_names(user) -> set[str]:
    """Group names of a user, cached on the user object for the request."""
    if not hasattr(user, "_engineering_group_names"):
        user._engineering_group_names = set(user.groups.values_list("name", flat=True))
    return user._engineering_group_names


def user_group_ids(user) -> set[int]:
    if not hasattr(user, "_engineering_group_ids"):
        user._engineering_group_ids = set(user.groups.values_list("id", flat=True))
    return user._engineering_group_ids


def is_agency(user) -> bool:
    return AGENCY_GROUP in user_group_names(user)


def is_committee(user) -> bool:
    return COMMITTEE_GROUP in user_group_names(user)


def takes_part(user) -> bool:
    """Whether the user has any role in the workflow (menu, dashboard panel)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or is_agency(user) or is_committee(user):
        return True
    from .models.routing import RoutingRule

    return RoutingRule.objects.filter(team_id__in=user_group_ids(user)).exists()
