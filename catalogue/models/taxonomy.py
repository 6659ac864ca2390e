"""Taxonomies of the catalogue, editable by editors as snippets.

They are data, not code: the roadmap's three thématiques, their politiques
publiques, partners and operators, beneficiary types and territory types all
live in the database, and pages link to them with ``ParentalManyToManyField``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Theme(index.Indexed, models.Model):
    """Thématique of the roadmap catalogue (Politique de la ville, Territoires et
    ruralités, Numérique)."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        db_table = "programmes_theme"  # moved from programmes; the table kept its name
        ordering = ["sort_order", "name"]
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")

    def __str__(self):
        return self.name


class PublicPolicy(index.Indexed, models.Model):
    """Politique publique, always under one thématique."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("thématique"), on_delete=models.PROTECT, related_name="policies"
    )
    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant d'URL"), max_length=150, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [FieldPanel("theme"), FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.FilterField("theme")]

    class Meta:
        db_table = "programmes_publicpolicy"  # moved from programmes; the table kept its name
        ordering = ["theme__sort_order", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["theme", "name"], name="unique_policy_per_theme")]
        verbose_name = _("politique publique")
        verbose_name_plural = _("politiques publiques")

    def __str__(self):
        return self.name


class Partner(index.Indexed, models.Model):
    """Ministry, operator, association of elected officials or other partner."""

    class Kind(models.TextChoices):
        MINISTRY = "ministere", _("ministère")
        OPERATOR = "operateur", _("opérateur de l'État")
        ELECTED_ASSOCIATION = "association_elus", _("association d'élus")
        PUBLIC_BODY = "organisme_public", _("organisme public")
        ACADEMIC = "enseignement", _("enseignement et recherche")
        OTHER = "autre", _("autre")

    name = models.CharField(_("nom"), max_length=200, unique=True)
    acronym = models.CharField(_("sigle"), max_length=30, blank=True)
    kind = models.CharField(_("nature"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("site web"), blank=True)
    is_first_circle_operator = models.BooleanField(
        _("opérateur du « premier cercle »"),
        default=False,
        help_text=_("ADEME, ANRU, ANAH, CEREMA, Banque des territoires : conventions-cadres avec l'agence."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("is_first_circle_operator"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("acronym"), index.AutocompleteField("name")]

    class Meta:
        db_table = "programmes_partner"  # moved from programmes; the table kept its name
        ordering = ["name"]
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class BeneficiaryType(models.Model):
    """Who can benefit: commune, EPCI, département, région, association, citizens…

    ``collectivite_level`` tells the finder which types a commune (or its EPCI)
    falls under, so that editors can rename or add types without touching code."""

    class CollectiviteLevel(models.TextChoices):
        COMMUNE = "commune", _("la commune elle-même")
        EPCI = "epci", _("l'intercommunalité (EPCI) de la commune")
        OTHER = "autre", _("un autre porteur (département, association…)")

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=100, unique=True)
    collectivite_level = models.CharField(
        _("correspond, pour une commune, à"),
        max_length=10,
        choices=CollectiviteLevel.choices,
        default=CollectiviteLevel.OTHER,
        help_text=_(
            "Permet à l'outil « Ma commune » de savoir si une commune ou son EPCI "
            "relève de ce type de bénéficiaire."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("collectivite_level"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        db_table = "programmes_beneficiarytype"  # moved from programmes; the table kept its name
        ordering = ["sort_order", "name"]
        verbose_name = _("type de bénéficiaire")
        verbose_name_plural = _("types de bénéficiaires")

    def __str__(self):
        return self.name

    #: The page editor's searchable selector (``AutocompletePanel``) searches names.
    autocomplete_search_field = "name"

    def autocomplete_label(self) -> str:
        return self.name


class TerritoryType(models.Model):
    """A kind of territory a programme aims at, and how the site knows whether a
    commune belongs to it: an official dataset (a programme's list, a zonage such
    as the QPV or the density grid), a rule on the reference data (outre-mer, the
    whole national territory), or a list imported by an editor. Without any of
    them the finder answers "à vérifier", never "no".

    Each type also says which question it answers for a commune, because
    programmes differ: a selection programme ("does my commune take part?"), a
    zonage ("is my commune in the territory aimed at?") or an open programme ("can
    my commune benefit?"). All of it is data that editors can change."""

    class Rule(models.TextChoices):
        IMPORTED_LIST = "liste", _("liste de communes (liste officielle ou liste importée)")
        OVERSEAS = "outre_mer", _("outre-mer (d’après le code du département)")
        NATIONAL = "national", _("tout le territoire national (métropole et DROM)")

    class Question(models.TextChoices):
        SELECTION = "selection", _("Votre commune fait-elle partie du programme ?")
        ZONAGE = "zonage", _("Votre commune est-elle dans le territoire visé ?")
        OPEN = "ouvert", _("Votre commune peut-elle en bénéficier ?")

    class InsideOutcome(models.TextChoices):
        MET = "met", _("la commune remplit le critère")
        TO_CHECK = "to_check", _("à vérifier (le périmètre de la liste est plus large que la cible)")

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant d’URL"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    question = models.CharField(
        _("question à laquelle le critère répond"),
        max_length=20,
        choices=Question.choices,
        default=Question.ZONAGE,
        help_text=_(
            "Programme de sélection (liste des communes ou territoires retenus), zonage (type de lieu visé) "
            "ou programme ouvert à toute collectivité qui le demande."
        ),
    )
    rule = models.CharField(
        _("règle d’appartenance"),
        max_length=20,
        choices=Rule.choices,
        default=Rule.IMPORTED_LIST,
        help_text=_("Comment le site sait si une commune relève de ce type de territoire."),
    )
    dataset = models.ForeignKey(
        "territories.OfficialDataset",
        verbose_name=_("liste officielle"),
        to_field="key",
        db_constraint=False,  # named before its import: a type may name a list not loaded yet
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        help_text=_("La liste ou le zonage officiel qui dit quelles communes en relèvent."),
    )
    match_attribute = models.CharField(
        _("attribut retenu"),
        max_length=60,
        blank=True,
        help_text=_("Pour un zonage : l’attribut de la liste qui décide (par exemple « rural_urbain »)."),
    )
    match_values = models.CharField(
        _("valeurs retenues"),
        max_length=200,
        blank=True,
        help_text=_(
            "Valeurs de cet attribut qui remplissent le critère, séparées par des virgules (« rural »)."
        ),
    )
    inside_outcome = models.CharField(
        _("réponse pour une commune de la liste"),
        max_length=10,
        choices=InsideOutcome.choices,
        default=InsideOutcome.MET,
    )
    inside_note = models.TextField(
        _("explication quand la réponse est « à vérifier »"),
        blank=True,
        help_text=_("Par exemple : le périmètre des massifs est plus large que la zone de montagne."),
    )
    fact_dataset = models.ForeignKey(
        "territories.OfficialDataset",
        verbose_name=_("liste citée en complément"),
        to_field="key",
        db_constraint=False,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        help_text=_(
            "Une autre liste dont la réponse cite ce qu’elle dit de la commune, sans en faire un critère "
            "(par exemple le classement France Ruralités Revitalisation pour l’Agenda rural)."
        ),
    )
    join_note = models.TextField(
        _("comment rejoindre le programme"),
        blank=True,
        help_text=_("Affiché à une commune absente de la liste, seulement si une source le dit (citez-la)."),
    )
    source = models.ForeignKey(
        "catalogue.Source",
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le texte public qui fonde la règle, quand elle ne vient pas d’une liste officielle."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("question"),
        FieldPanel("rule"),
        FieldPanel("dataset"),
        FieldPanel("match_attribute"),
        FieldPanel("match_values"),
        FieldPanel("inside_outcome"),
        FieldPanel("inside_note"),
        FieldPanel("fact_dataset"),
        FieldPanel("join_note"),
        FieldPanel("source"),
    ]

    class Meta:
        db_table = "programmes_territorytype"  # moved from programmes; the table kept its name
        ordering = ["name"]
        verbose_name = _("type de territoire")
        verbose_name_plural = _("types de territoires")

    def __str__(self):
        return self.name

    #: The page editor's searchable selector (``AutocompletePanel``) searches names.
    autocomplete_search_field = "name"

    def autocomplete_label(self) -> str:
        return self.name

    @property
    def values(self) -> set[str]:
        """The attribute values that meet the criterion (empty: any membership does)."""
        return {value.strip() for value in self.match_values.split(",") if value.strip()}

    def matches(self, membership) -> bool:
        """Whether a ``territories.DatasetMembership`` row meets this type's condition."""
        if not self.match_attribute:
            return True
        value = membership.attributes.get(self.match_attribute, membership.territory_code)
        return str(value) in self.values
