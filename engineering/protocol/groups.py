"""The groups of the protocol's roles, created by the site setup (``manage.py
setup_site``) so that a fresh site can name its people before the
first request arrives: the agency's national support and the project
committee (found by their stable key, ``EngineeringGroup``), and the team of
each département's délégué territorial (``RoutingRule``).

Their one Django permission is access to the Wagtail admin, where the staff
screens live; what a member sees and may do there follows from the role the
group holds (``roles``), not from model permissions. An administrator then
adds people to them in the admin ("Équipes de l'ingénierie").

Idempotent: an existing group, even renamed, is found by its key or its
routing rule and left as it is (its members, its name), only given admin
access again if it lost it.
"""

from django.contrib.auth.models import Group

from territories.models import Departement

from ..models import EngineeringGroup, RoutingRule
from .roles import NATIONAL_GROUPS, grant_admin_access, grant_admin_access_to, national_group


def ensure_national_groups(report) -> None:
    keyed = set(EngineeringGroup.objects.values_list("key", flat=True))
    for key in NATIONAL_GROUPS:
        grant_admin_access(national_group(key))
        if key in keyed:
            report.unchanged += 1
        else:
            report.created += 1


def ensure_teams(report) -> None:
    """One team per département without a routing rule; existing rules (a
    team may cover several départements) are kept. The collectivités
    d'outre-mer (zone "com") are not départements: a request from one gets
    its team when it arrives (``RoutingRule.team_for``).

    Does what ``RoutingRule.team_for`` does for each département (a group of
    the default name is adopted, a group it creates gets admin access), in a
    fixed number of queries: a fresh site has 101 départements, and the setup
    runs at every deployment."""
    routed = set(RoutingRule.objects.values_list("departement_id", flat=True))
    missing = list(Departement.objects.exclude(zone="com").exclude(code__in=routed))
    names = {departement.code: RoutingRule.default_team_name(departement) for departement in missing}
    adopted = set(Group.objects.filter(name__in=names.values()).values_list("name", flat=True))
    Group.objects.bulk_create([Group(name=name) for name in sorted(set(names.values()) - adopted)])
    teams = {group.name: group for group in Group.objects.filter(name__in=names.values())}
    grant_admin_access_to(group for name, group in teams.items() if name not in adopted)
    RoutingRule.objects.bulk_create(
        [RoutingRule(departement=departement, team=teams[names[departement.code]]) for departement in missing]
    )
    report.created += len(missing)
    grant_admin_access_to(Group.objects.filter(engineering_routing_rules__departement__in=routed).distinct())
    report.unchanged += len(routed)


def ensure_groups(report):
    ensure_national_groups(report)
    ensure_teams(report)
    return report
