"""The abstract page behind every catalogue entry (programme, pacte, training offer).

The facets the site filters and searches on (thématique, politique publique,
status, partners, summary) have one name and one meaning across page types, so
the index pages, the finder and the search facets treat them alike.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from home.models import BasePage


class CatalogueStatus(models.TextChoices):
    ACTIVE = "actif", _("en cours")
    INCUBATION = "incubation", _("en incubation")
    CLOSED = "termine", _("terminé")


class CataloguePage(BasePage):
    theme = models.ForeignKey(
        "catalogue.Theme",
        verbose_name=_("thématique"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_pages",
    )
    public_policy = models.ForeignKey(
        "catalogue.PublicPolicy",
        verbose_name=_("politique publique"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_pages",
        help_text=_("Doit relever de la thématique choisie."),
    )
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=CatalogueStatus.choices,
        default=CatalogueStatus.ACTIVE,
        help_text=_(
            "« En incubation » : projet encore en préparation (en italique dans la feuille de route)."
        ),
    )
    summary = models.TextField(
        _("résumé"),
        max_length=600,
        help_text=_("Ce que c'est et pour qui, en deux ou trois phrases simples."),
    )
    partners = ParentalManyToManyField(
        "catalogue.Partner",
        verbose_name=_("partenaires"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )

    catalogue_panels = [
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("public_policy"), FieldPanel("status")],
            heading=_("Classement"),
        ),
        FieldPanel("summary"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=3),
        index.SearchField("listing_summary", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("theme"),
        index.FilterField("public_policy"),
        index.FilterField("status"),
        index.RelatedFields("theme", [index.SearchField("name")]),
        index.RelatedFields("public_policy", [index.SearchField("name")]),
        index.RelatedFields("partners", [index.SearchField("name"), index.SearchField("acronym")]),
    ]

    @property
    def status_badge(self) -> dict:
        """The status as a ``dsfr_badge`` item (label and DSFR system colour)."""
        colour = {
            CatalogueStatus.ACTIVE: "fr-badge--success",
            CatalogueStatus.INCUBATION: "fr-badge--new",
            CatalogueStatus.CLOSED: "fr-badge--info",
        }.get(self.status, "")
        return {"label": self.get_status_display(), "extra_classes": f"fr-badge--sm {colour}".strip()}

    def clean(self):
        super().clean()
        if self.public_policy_id and self.theme_id and self.public_policy.theme_id != self.theme_id:
            raise ValidationError(
                {
                    "public_policy": _("Cette politique publique ne relève pas de la thématique choisie."),
                }
            )

    class Meta:
        abstract = True
