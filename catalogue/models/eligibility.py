"""Structured eligibility criteria shared by programme and pacte pages.

An abstract mixin rather than copied fields, so that the finder evaluates one
shape of criteria whatever the page type. Each criterion left empty means "no
condition"; the finder turns each filled one into met / not met / to be checked.

The geographic criterion is one interface, ``covered_places`` / ``covers``: a
programme answers from the regions and départements it targets, a pacte from
its own territory (it overrides them), and the finder asks both the same way.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from home.autocomplete import AutocompletePanel


class EligibilityCriteria(models.Model):
    population_min = models.PositiveIntegerField(
        _("population minimale"),
        null=True,
        blank=True,
        help_text=_("Nombre d'habitants minimal de la commune (population municipale)."),
    )
    population_max = models.PositiveIntegerField(
        _("population maximale"),
        null=True,
        blank=True,
        help_text=_("Nombre d'habitants maximal de la commune (population municipale)."),
    )
    eligible_territory_types = ParentalManyToManyField(
        "catalogue.TerritoryType",
        verbose_name=_("types de territoires visés"),
        blank=True,
        related_name="%(app_label)s_%(class)s_eligible",
    )
    eligible_regions = ParentalManyToManyField(
        "territories.Region",
        verbose_name=_("régions"),
        blank=True,
        related_name="%(app_label)s_%(class)s_eligible",
    )
    eligible_departements = ParentalManyToManyField(
        "territories.Departement",
        verbose_name=_("départements"),
        blank=True,
        related_name="%(app_label)s_%(class)s_eligible",
    )
    eligible_beneficiary_types = ParentalManyToManyField(
        "catalogue.BeneficiaryType",
        verbose_name=_("types de bénéficiaires éligibles"),
        blank=True,
        related_name="%(app_label)s_%(class)s_eligible",
    )
    perimeter = models.CharField(
        _("périmètre"),
        max_length=10,
        choices=[("complet", _("complet")), ("partiel", _("partiel"))],
        default="complet",
        blank=True,
        help_text=_(
            "« Partiel » : le territoire ne couvre qu'une partie des régions ou départements indiqués. "
            "Le site répond alors « à vérifier » tant que la liste de ses communes n'est pas importée."
        ),
    )
    perimeter_epcis = ParentalManyToManyField(
        "territories.EPCI",
        verbose_name=_("intercommunalités qui contiennent le périmètre"),
        blank=True,
        related_name="%(app_label)s_%(class)s_perimeters",
        help_text=_("Périmètre partiel : hors de ces EPCI, le critère n'est pas rempli."),
    )
    eligibility_source = models.ForeignKey(
        "catalogue.Source",
        verbose_name=_("source des critères"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)s_criteria",
        help_text=_(
            "Texte public, liste officielle ou section de la feuille de route qui fonde ces critères."
        ),
    )
    eligibility_note = models.TextField(
        _("précisions sur l'éligibilité"),
        blank=True,
        help_text=_("Conditions qui ne se résument pas aux critères ci-dessus."),
    )

    eligibility_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("population_min"), FieldPanel("population_max")]),
                AutocompletePanel("eligible_territory_types"),
                AutocompletePanel("eligible_beneficiary_types"),
                AutocompletePanel("eligible_regions"),
                AutocompletePanel("eligible_departements"),
                FieldPanel("perimeter"),
                AutocompletePanel("perimeter_epcis"),
                FieldPanel("eligibility_note"),
                FieldPanel("eligibility_source"),
            ],
            heading=_("Critères d'éligibilité"),
        ),
    ]

    #: The many-to-many relations ``covered_places`` reads (prefetch them to list pages).
    coverage_relations = ("eligible_regions", "eligible_departements")
    #: Which question the geographic criterion answers: "territory" (is the commune
    #: among the territories targeted?) or "covered_territory" (is it in the page's
    #: own territory, as for a pacte?). Names the finder's criterion and its wording.
    coverage_key = "territory"

    @property
    def is_partial(self) -> bool:
        """The territory covers only part of the places it names (data, set by editors)."""
        return self.perimeter == "partiel"

    def has_criteria(self) -> bool:
        """Whether the page states any structured criterion (then it needs a source)."""
        return bool(
            self.population_min is not None or self.population_max is not None or self.eligibility_summary()
        )

    def covered_places(self) -> list:
        """The territories (regions, départements…) that make the geographic
        criterion, in the editor's order; empty when there is no such condition."""
        return [place for name in self.coverage_relations for place in getattr(self, name).all()]

    def coverage_label(self) -> str:
        """The territory's usual name when it has one, else "" (then list the places)."""
        return ""

    def covers(self, commune) -> bool:
        """Whether ``commune`` (a ``territories.Commune``) lies in the territory;
        meaningful only when ``covered_places()`` is not empty."""
        return self.coverage_test()(commune)

    def coverage_test(self):
        """``covers`` as a function of the commune, the places read once: the
        finder weighs a page for every commune of a territory with it."""
        regions = {r.pk for r in self.eligible_regions.all()}
        departements = {d.pk for d in self.eligible_departements.all()}
        return lambda commune: commune.region_id in regions or commune.departement_id in departements

    def population_text(self) -> str:
        """The population criterion as a sentence, or "" when there is none."""

        def fmt(value):
            return number_format(value, force_grouping=True)

        low, high = self.population_min, self.population_max
        if low is not None and high is not None:
            return str(format_lazy(_("Communes de {low} à {high} habitants"), low=fmt(low), high=fmt(high)))
        if high is not None:
            return str(format_lazy(_("Communes de {high} habitants au plus"), high=fmt(high)))
        if low is not None:
            return str(format_lazy(_("Communes d’au moins {low} habitants"), low=fmt(low)))
        return ""

    def eligibility_summary(self) -> list[tuple[str, str]]:
        """The criteria spelled out in plain French for citizens and élus, as
        (label, text) pairs; empty when the page sets no criterion. Reads the
        many-to-many relations, so prefetch them when listing many pages."""

        def names(manager):
            return ", ".join(str(item) for item in manager.all())

        lines = []
        if self.population_text():
            lines.append((str(_("Population")), self.population_text()))
        for label, manager in (
            (_("Qui peut en bénéficier"), self.eligible_beneficiary_types),
            (_("Territoires visés"), self.eligible_territory_types),
            (_("Régions"), self.eligible_regions),
            (_("Départements"), self.eligible_departements),
        ):
            text = names(manager)
            if text:
                lines.append((str(label), text))
        if self.eligibility_note:
            lines.append((str(_("Précisions")), self.eligibility_note))
        return lines

    def clean(self):
        super().clean()
        if (
            self.population_min is not None
            and self.population_max is not None
            and self.population_min > self.population_max
        ):
            raise ValidationError(
                {
                    "population_max": _(
                        "La population maximale doit être supérieure ou égale à la population minimale."
                    ),
                }
            )

    class Meta:
        abstract = True
