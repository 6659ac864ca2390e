"""Imported lists of communes: zonings (a territory type such as QPV or
montagne) and the current beneficiaries of a programme.

A ``CommuneList`` row is the marker that a list was imported for a target,
even an empty one, so the finder can tell "not in the list" (not met) from
"no list known" (to be checked): it never answers "not eligible" from missing
data.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from territories.models import Commune


class CommuneList(models.Model):
    """One imported list: for a territory type, for a page's current
    beneficiaries, or for the communes of a page's partial perimeter (exactly one
    of the three)."""

    territory_type = models.OneToOneField(
        "catalogue.TerritoryType",
        verbose_name=_("type de territoire"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="commune_list",
    )
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="beneficiary_list",
    )
    perimeter_page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("périmètre d'un pacte ou programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="perimeter_list",
    )
    dataset = models.ForeignKey(
        "territories.OfficialDataset",
        verbose_name=_("liste officielle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Provenance (éditeur, date, licence) quand la liste est une liste officielle."),
    )
    source_name = models.CharField(_("fichier importé"), max_length=255, blank=True)
    imported_at = models.DateTimeField(_("date d'import"), auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    size = models.PositiveIntegerField(_("nombre de communes"), default=0)
    report = models.JSONField(_("rapport d'import"), default=dict, blank=True)

    class Meta:
        db_table = "territories_communelist"  # moved from territories; the table kept its name
        ordering = ["-imported_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(territory_type__isnull=False, page__isnull=True, perimeter_page__isnull=True)
                    | models.Q(territory_type__isnull=True, page__isnull=False, perimeter_page__isnull=True)
                    | models.Q(territory_type__isnull=True, page__isnull=True, perimeter_page__isnull=False)
                ),
                name="commune_list_has_one_target",
            ),
        ]
        verbose_name = _("liste de communes importée")
        verbose_name_plural = _("listes de communes importées")

    def __str__(self):
        target = self.territory_type or self.page or self.perimeter_page
        return f"{target} ({self.size})"


class TerritoryTypeMembership(models.Model):
    """A commune belongs to a territory type (from an imported list)."""

    territory_type = models.ForeignKey(
        "catalogue.TerritoryType", on_delete=models.CASCADE, related_name="memberships"
    )
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="territory_memberships")

    class Meta:
        db_table = "territories_territorytypemembership"  # moved from territories; the table kept its name
        constraints = [
            models.UniqueConstraint(fields=["territory_type", "commune"], name="unique_territory_membership"),
        ]
        verbose_name = _("appartenance à un type de territoire")
        verbose_name_plural = _("appartenances à un type de territoire")

    def __str__(self):
        return f"{self.commune_id} ∈ {self.territory_type_id}"


class CurrentBeneficiary(models.Model):
    """A commune already benefits from a programme (e.g. a town of Petites
    villes de demain), from an imported list."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="current_beneficiaries"
    )
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="current_programmes")

    class Meta:
        db_table = "territories_currentbeneficiary"  # moved from territories; the table kept its name
        constraints = [
            models.UniqueConstraint(fields=["page", "commune"], name="unique_current_beneficiary"),
        ]
        verbose_name = _("bénéficiaire actuel")
        verbose_name_plural = _("bénéficiaires actuels")

    def __str__(self):
        return f"{self.commune_id} → {self.page_id}"


class PerimeterMembership(models.Model):
    """A commune lies in the partial perimeter of a pacte or programme (from an
    imported list): until such a list exists, the finder answers "à vérifier"."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="perimeter_members")
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="perimeters")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "commune"], name="unique_perimeter_membership"),
        ]
        verbose_name = _("commune d'un périmètre")
        verbose_name_plural = _("communes d'un périmètre")

    def __str__(self):
        return f"{self.commune_id} ∈ {self.page_id}"
