from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Audience(models.Model):
    """Who an offer is for (élus, agents des collectivités…). Data rather than a
    fixed choice list so that editors can add an audience (secrétaires de mairie,
    DGS…) without a code change; offers link to several."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("public visé")
        verbose_name_plural = _("publics visés")

    def __str__(self):
        return self.name
