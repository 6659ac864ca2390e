from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Staff member (editor, préfecture or agency agent). Custom from day one so that
    fields such as a job title can be added without a painful migration."""

    job_title = models.CharField(_("fonction"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
