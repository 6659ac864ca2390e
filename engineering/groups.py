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


def user_groups(user) -> dict[int, str]:
    """The user's groups (id: name), read once and cached on the user object,
    which lives for one HTTP request: menu, dashboard, ``visible_to`` and
    ``roles_of`` share one query."""
    if not hasattr(user, "_engineering_groups"):
        user._engineering_groups = dict(user.groups.values_list("id", "name"))
    return user._engineering_groups


def user_group_names(user) -> set[str]:
    return set(user_groups(user).values())


def user_group_ids(user) -> set[int]:
    return set(user_groups(user))


def is_agency(user) -> bool:
    return AGENCY_GROUP in user_group_names(user)


def is_committee(user) -> bool:
    return COMMITTEE_GROUP in user_group_names(user)


def takes_part(user) -> bool:
    """Whether the user has any role in the workflow (menu, dashboard panel).
    Cached on the user object like its groups."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or is_agency(user) or is_committee(user):
        return True
    if not hasattr(user, "_engineering_takes_part"):
        from .models.routing import RoutingRule

        user._engineering_takes_part = RoutingRule.objects.filter(team_id__in=user_group_ids(user)).exists()
    return user._engineering_takes_part
