"""Official datasets and the communes they name.

An ``OfficialDataset`` is one file published by the agency or the State (a
programme's list of communes, a list of groupements, a zonage such as the QPV
or the density grid), with its provenance. A ``DatasetMembership`` says that a
commune is named by a dataset, directly or through its groupement, with what
the dataset says about it (the territory it belongs to, the massif, the
density level…).

Memberships are computed once, at import: a groupement list is expanded to its
member communes then, so that answering for a commune is one indexed query
whatever the number of datasets. The rows keep the groupement and the former
commune they came from, so the site can say *why* a commune is named ("par votre
intercommunalité …", "la commune déléguée de … figure sur la liste").
"""

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .reference import Commune


class OfficialDataset(models.Model):
    """One official list shipped with the site (or imported later), with its
    provenance and the report of its last import."""

    class Kind(models.TextChoices):
        NETWORK = "reseau", _("réseau de l’agence (structures, guichets)")
        COMMUNES = "communes", _("liste de communes")
        GROUPEMENTS = "groupements", _("liste de groupements (intercommunalités, communes)")
        ZONAGE = "zonage", _("zonage")

    class Scope(models.TextChoices):
        LIST = "liste", _("liste fermée : une commune absente n’y figure pas")
        GRID = (
            "grille",
            _(
                "classement de chaque commune de métropole et des DROM : une commune absente n’est pas classée"
            ),
        )

    key = models.SlugField(_("clé"), max_length=60, unique=True)
    title = models.CharField(_("titre"), max_length=200)
    list_name = models.CharField(
        _("nom de la liste"),
        max_length=200,
        blank=True,
        help_text=_("Nom cité dans les réponses : « Petites villes de demain »."),
    )
    entry_label = models.CharField(
        _("nom d’une entrée"),
        max_length=100,
        blank=True,
        help_text=_(
            "Comment s’appelle une entrée de la liste : « Territoire d’industrie », « Cité éducative »…"
        ),
    )
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    scope = models.CharField(_("portée"), max_length=10, choices=Scope.choices, default=Scope.LIST)
    publisher = models.CharField(_("éditeur"), max_length=200)
    url = models.URLField(_("adresse"), max_length=500, blank=True)
    date_label = models.CharField(
        _("date des données"), max_length=60, help_text=_("Telle que la source la donne : « avril 2024 ».")
    )
    data_date = models.DateField(_("date des données (pour le tri)"), null=True, blank=True)
    citation = models.CharField(
        _("mention courte"),
        max_length=120,
        help_text=_("Citée à côté des réponses : « liste ANCT, avril 2024 »."),
    )
    licence = models.CharField(_("licence"), max_length=200)
    file_name = models.CharField(_("fichier"), max_length=200)
    notes = models.TextField(_("préparation et limites connues"), blank=True)
    rows = models.PositiveIntegerField(_("lignes lues"), default=0)
    communes_count = models.PositiveIntegerField(_("communes nommées"), default=0)
    territories_count = models.PositiveIntegerField(_("entrées distinctes"), default=0)
    counts = models.JSONField(_("bilan"), default=dict)
    rejected = models.JSONField(_("lignes rejetées"), default=list)
    imported_at = models.DateTimeField(_("date d’import"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("liste officielle")
        verbose_name_plural = _("listes officielles")

    def __str__(self):
        return f"{self.title} ({self.date_label})"

    @property
    def mention(self) -> str:
        """« Source : liste ANCT, avril 2024 (Licence Ouverte 2.0) »."""
        return _("Source : %(citation)s (%(licence)s)") % {"citation": self.citation, "licence": self.licence}

    @property
    def name(self) -> str:
        """The list's name as the answers quote it."""
        return self.list_name or self.title

    @property
    def communes_count_text(self) -> str:
        return number_format(self.communes_count, force_grouping=True)

    @property
    def territories_count_text(self) -> str:
        return number_format(self.territories_count, force_grouping=True)


class DatasetMembership(models.Model):
    """A commune named by an official dataset, directly or through a groupement."""

    dataset = models.ForeignKey(OfficialDataset, on_delete=models.CASCADE, related_name="memberships")
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="dataset_memberships")
    territory_code = models.CharField(_("identifiant de l’entrée"), max_length=200, blank=True)
    territory_name = models.CharField(_("nom de l’entrée"), max_length=300, blank=True)
    via_kind = models.CharField(
        _("nommée par"),
        max_length=40,
        blank=True,
        help_text=_("Type du groupement (CC, CA, EPT…) ; vide si la commune est nommée elle-même."),
    )
    via_code = models.CharField(_("SIREN du groupement"), max_length=20, blank=True)
    via_name = models.CharField(_("nom du groupement"), max_length=200, blank=True)
    source_code = models.CharField(
        _("code dans la source"),
        max_length=5,
        blank=True,
        help_text=_("Quand la liste nomme une ancienne commune."),
    )
    source_name = models.CharField(_("nom dans la source"), max_length=200, blank=True)
    source_kind = models.CharField(
        _("nature de l’ancienne commune"),
        max_length=40,
        blank=True,
        help_text=_("commune-deleguee, commune-associee, arrondissement-municipal, ancienne commune…"),
    )
    certain = models.BooleanField(
        _("appartenance certaine"),
        default=True,
        help_text=_(
            "Faux quand la liste nomme le groupement mais que son périmètre peut ne pas couvrir la commune."
        ),
    )
    attributes = models.JSONField(_("ce que dit la liste"), default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "commune", "territory_code"], name="unique_dataset_membership"
            )
        ]
        indexes = [models.Index(fields=["commune", "dataset"], name="membership_commune_dataset")]
        verbose_name = _("commune d’une liste officielle")
        verbose_name_plural = _("communes des listes officielles")

    def __str__(self):
        return f"{self.commune_id} ∈ {self.dataset_id} {self.territory_code}".strip()

    @property
    def via_groupement(self) -> bool:
        return bool(self.via_kind) and self.via_kind != "commune"

    @property
    def renamed(self) -> bool:
        """The list names the commune by another code or name (former commune,
        commune déléguée, old name)."""
        return bool(self.source_code and self.source_code != self.commune_id) or bool(
            self.source_name and self.source_name != self.commune.name
        )
