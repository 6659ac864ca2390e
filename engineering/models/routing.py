"""Which team handles the requests of a département."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from territories.models import Departement

from ..protocol.roles import grant_admin_access

TEAM_NAME_PREFIX = "Délégation territoriale"


class RoutingRule(models.Model):
    """Assigns the requests of a département to the team (a user group) of its
    délégué territorial. Editable data: a team may cover several départements."""

    departement = models.OneToOneField(
        Departement,
        verbose_name=_("département"),
        on_delete=models.CASCADE,
        related_name="engineering_routing_rule",
    )
    team = models.ForeignKey(
        Group, verbose_name=_("équipe"), on_delete=models.PROTECT, related_name="engineering_routing_rules"
    )

    panels = [FieldPanel("departement"), FieldPanel("team")]

    class Meta:
        ordering = ["departement"]
        verbose_name = _("règle d'orientation")
        verbose_name_plural = _("règles d'orientation")

    def __str__(self):
        return f"{self.departement} → {self.team}"

    @staticmethod
    def default_team_name(departement: Departement) -> str:
        return f"{TEAM_NAME_PREFIX} {departement.code}"

    @classmethod
    def team_for(cls, departement: Departement) -> Group:
        """The team of the département, creating the default rule and group
        ("Délégation territoriale 08") on first use."""
        rule = cls.objects.select_related("team").filter(departement=departement).first()
        if rule:
            return rule.team
        team, created = Group.objects.get_or_create(name=cls.default_team_name(departement))
        if created:
            grant_admin_access(team)
        rule, _created = cls.objects.get_or_create(departement=departement, defaults={"team": team})
        return rule.team
