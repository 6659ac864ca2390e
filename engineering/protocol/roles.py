"""Who takes part in the protocol, worked out here and nowhere else.

A délégué's team is a user group per département (see ``RoutingRule``). The
two national groups, the agency and the project committee, are found by a
stable key (``EngineeringGroup``, filled by a data migration for existing
groups), never by their display name, which an administrator may rename.

This module imports no other engineering module but ``states`` (models reach
it for the visibility rule; it reaches the models through the app registry),
so that it can sit under both the models and the workflow without an import
cycle.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

from .states import RequestState

TEAM, AGENCY, COMMITTEE, SYSTEM, REQUESTER = "team", "agency", "committee", "system", "requester"

#: The national groups: stable key (also the role its members hold) → name given on creation.
NATIONAL_GROUPS = {
    AGENCY: "Agence – appui national",
    COMMITTEE: "Comité de suivi des projets",
}
STAFF_ROLES = frozenset({TEAM, AGENCY, COMMITTEE})


@dataclass(frozen=True)
class Requester:
    """The requester as an actor: not a user account, but the holder of a link
    sent to the request's email address. ``information_request`` is the
    "more information needed" step whose reply link was used, if any."""

    information_request: object | None = None


def grant_admin_access(group: Group) -> None:
    """Members of a workflow group reach the Wagtail admin, where the staff views live."""
    grant_admin_access_to([group])


def grant_admin_access_to(groups) -> None:
    """``grant_admin_access`` for many groups at once: one query to write, none per
    group (the setup gives each of the 101 départements' teams the access)."""
    permission = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if permission:
        through = Group.permissions.through
        through.objects.bulk_create(
            [through(group_id=group.pk, permission_id=permission.pk) for group in groups],
            ignore_conflicts=True,
        )


def national_group(key: str) -> Group:
    """The group holding the national role ``key``, created on first use with
    access to the Wagtail admin (an existing group of the same name is adopted)."""
    keyed = apps.get_model("engineering", "EngineeringGroup")
    row = keyed.objects.select_related("group").filter(key=key).first()
    if row is not None:
        return row.group
    group, created = Group.objects.get_or_create(name=NATIONAL_GROUPS[key])
    if created:
        grant_admin_access(group)
    return keyed.objects.get_or_create(key=key, defaults={"group": group})[0].group


def keyed_group(key: str) -> Group | None:
    """The group holding the national role ``key``, if the setup created it
    (unlike ``national_group``, creates nothing)."""
    keyed = apps.get_model("engineering", "EngineeringGroup")
    row = keyed.objects.select_related("group").filter(key=key).first()
    return row.group if row else None


def user_groups(user) -> dict[int, str | None]:
    """The user's groups (id: national key or None), read in one query with
    whether any of them is a département's team, and cached on the user
    object, which lives for one HTTP request: menu, dashboard, visibility and
    roles share it."""
    if not hasattr(user, "_engineering_groups"):
        routed = Group.objects.filter(pk=OuterRef("pk"), engineering_routing_rules__isnull=False)
        rows = list(
            user.groups.annotate(routed=Exists(routed)).values_list("id", "engineering_role__key", "routed")
        )
        user._engineering_groups = {pk: key for pk, key, _routed in rows}
        user._engineering_routed = any(is_routed for _pk, _key, is_routed in rows)
    return user._engineering_groups


def national_roles(user) -> set[str]:
    return {key for key in user_groups(user).values() if key}


def takes_part(user) -> bool:
    """Whether the user has any role in the workflow (menu, dashboard panel):
    a superuser, a member of a national group or of a département's team."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(national_roles(user)) or user._engineering_routed


def roles_of(user, engineering_request) -> set[str]:
    """The roles an actor holds on a request: None is the system, a
    ``Requester`` the link holder; superusers hold every staff role."""
    if user is None:
        return {SYSTEM}
    if isinstance(user, Requester):
        return {REQUESTER}
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(STAFF_ROLES)
    roles = national_roles(user)
    if engineering_request.assigned_team_id in user_groups(user):
        roles.add(TEAM)
    return roles


def visibility(user) -> Q | None:
    """The requests a user may see and act on, as a filter (None: all of them).

    - superusers: all;
    - a délégué's team: the requests assigned to it (its département);
    - agency staff: requests escalated to the agency at some point;
    - committee members: requests submitted to the committee.
    """
    if user.is_superuser:
        return None
    roles = national_roles(user)
    condition = Q(assigned_team_id__in=set(user_groups(user)))
    if AGENCY in roles:
        condition |= Q(national_escalation__isnull=False)
    if COMMITTEE in roles:
        condition |= Q(state=RequestState.COMMITTEE) | Q(committee_decision__isnull=False)
    return condition


def emails_of(role: str, team: Group | None = None) -> list[str]:
    """The addresses of the active members of a team, or of a national group."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(groups=team) if role == TEAM else users.filter(groups__engineering_role__key=role)
    return list(users.values_list("email", flat=True))
