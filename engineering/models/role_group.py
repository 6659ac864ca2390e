"""The stable key of a national group of the protocol."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..protocol.roles import NATIONAL_GROUPS


class EngineeringGroup(models.Model):
    """Marks the user group that holds a national role (agency, committee), so
    that the code finds it by ``key`` whatever its display name becomes."""

    key = models.CharField(
        _("rôle"), max_length=20, unique=True, choices=[(key, name) for key, name in NATIONAL_GROUPS.items()]
    )
    group = models.OneToOneField(
        Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="engineering_role"
    )

    class Meta:
        verbose_name = _("groupe national du protocole")
        verbose_name_plural = _("groupes nationaux du protocole")

    def __str__(self):
        return f"{self.get_key_display()} → {self.group}"
