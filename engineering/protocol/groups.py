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

from territories.models import Departement

from ..models import EngineeringGroup, RoutingRule
from .roles import NATIONAL_GROUPS, grant_admin_access, national_group


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
    its team when it arrives (``RoutingRule.team_for``)."""
    routed = set(RoutingRule.objects.values_list("departement_id", flat=True))
    for departement in Departement.objects.exclude(zone="com").exclude(code__in=routed):
        RoutingRule.team_for(departement)
        report.created += 1
    for team in {
        rule.team for rule in RoutingRule.objects.select_related("team").filter(departement__in=routed)
    }:
        grant_admin_access(team)
    report.unchanged += len(routed)


def ensure_groups(report):
    ensure_national_groups(report)
    ensure_teams(report)
    return report
