"""Axes of a pacte and their actions: the pacte's plan, and the source of its
progress ("12 actions sur 30 réalisées")."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .validators import non_negative_amount


class ActionStatus(models.TextChoices):
    PLANNED = "prevue", _("prévue")
    IN_PROGRESS = "en_cours", _("en cours")
    DONE = "realisee", _("réalisée")


class PacteAxis(Orderable, ClusterableModel):
    """An axis (orientation) of the pacte. Clusterable so that its actions are
    edited inside it, as a nested inline list in the admin."""

    page = ParentalKey("pactes.PactePage", related_name="axes", on_delete=models.CASCADE)
    title = models.CharField(_("intitulé de l'axe"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    source = models.ForeignKey(
        "catalogue.Source",
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Le document public qui l'établit ; il est cité en fin de page."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("source"),
        InlinePanel("actions", heading=_("Actions"), label=_("action")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("axe")
        verbose_name_plural = _("axes")

    def __str__(self):
        return self.title


class PacteAction(Orderable):
    axis = ParentalKey(PacteAxis, related_name="actions", on_delete=models.CASCADE)
    title = models.CharField(_("intitulé de l'action"), max_length=255)
    owner = models.CharField(
        _("porteur"),
        max_length=200,
        blank=True,
        help_text=_("Qui conduit l'action (collectivité, service de l'État, opérateur…)."),
    )
    budget = models.DecimalField(
        _("budget (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative_amount],
        help_text=_("Laissez vide si le budget n'est pas connu."),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("budget"), FieldPanel("status")]),
    ]

    @property
    def status_badge_class(self) -> str:
        return {
            ActionStatus.DONE: "fr-badge--success",
            ActionStatus.IN_PROGRESS: "fr-badge--info",
        }.get(self.status, "fr-badge--new")

    class Meta(Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget__gte=0) | models.Q(budget__isnull=True),
                name="pacte_action_budget_non_negative",
            ),
        ]

    def __str__(self):
        return self.title
