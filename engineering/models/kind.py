"""Kinds of engineering a collectivité can ask for."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class EngineeringKind(models.Model):
    """A kind of engineering (technique, financière, juridique…): editable data,
    so that the form's list follows the agency's offer without a release."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("Affichée sous le nom dans le formulaire public."),
    )
    key = models.SlugField(
        _("clé"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Repère stable des types chargés par l'installation du site ; le nom reste modifiable."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    is_offered = models.BooleanField(
        _("proposé dans le formulaire"),
        default=True,
        help_text=_(
            "Décochez pour retirer ce type du formulaire public sans le supprimer : l'installation du "
            "site recrée les types supprimés, pas ceux qui sont retirés."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("is_offered"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("type d'ingénierie")
        verbose_name_plural = _("types d'ingénierie")

    def __str__(self):
        return self.name
