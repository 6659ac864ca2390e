"""Territorial reference data, as published by Etalab (INSEE's official geography).

Codes are the primary keys: they are stable official identifiers that the imports,
URLs (``/communes/<INSEE code>/``) and CSV lists all speak. Names are searchable
through ``search_name``, a folded form (no accents, no hyphens, "saint" spelled out)
computed at import time so that the lookup is a plain indexed prefix match.
"""

from django.db import connection, models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from territories.text import fold, is_overseas_departement, normalize_code, with_de


def name_starts_with(folded: str, field: str = "search_name") -> models.Q:
    """``field`` (a folded name) starts with ``folded``.

    On SQLite, ``LIKE`` ignores case, so it cannot use the column's index: a prefix
    lookup read all 34,969 communes (about 10 ms of each search page). Folded names
    compare byte by byte there, so the names starting with ``folded`` are exactly those
    from ``folded`` up to ``folded`` with its last letter raised by one: a range the
    index answers, kept beside ``LIKE``. PostgreSQL answers ``LIKE 'x%'`` from the
    ``varchar_pattern_ops`` index Django adds to such a column, and its collation may
    order names otherwise: there ``LIKE`` alone.

    No name holds a NUL character, and PostgreSQL refuses one in a query's text: a
    prefix with one finds nothing, without asking the database."""
    if "\x00" in folded:
        return models.Q(pk__in=[])
    condition = models.Q(**{f"{field}__startswith": folded})
    if connection.vendor == "sqlite" and folded and ord(folded[-1]) < 0x10FFFF:
        upper = folded[:-1] + chr(ord(folded[-1]) + 1)
        condition &= models.Q(**{f"{field}__gte": folded, f"{field}__lt": upper})
    return condition


def _named_like(queryset, query: str):
    """Rows of a small table (départements, arrondissements) whose name holds
    ``query`` whatever the accents, hyphens and case, or whose code starts with it:
    "correze", "chateau chinon", "2A". Folded in Python: a hundred or so rows."""
    folded, code = fold(query), normalize_code(query)
    keys = [row.pk for row in queryset if (folded and folded in fold(row.name)) or row.pk.startswith(code)]
    return queryset.filter(pk__in=keys)


class Region(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    zone = models.CharField(_("zone"), max_length=10, blank=True, help_text=_("metro, drom ou com"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def __str__(self):
        return self.name

    #: The page editor's searchable selector (``AutocompletePanel``) searches names.
    autocomplete_search_field = "name"

    def autocomplete_label(self) -> str:
        return str(self)


class Departement(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        related_name="departements",
        null=True,
        blank=True,
    )
    zone = models.CharField(_("zone"), max_length=10, blank=True)
    liaison_type = models.PositiveSmallIntegerField(
        _("type de nom"),
        default=0,
        help_text=_("Code INSEE (TNCC) de l'article du nom : « de », « du », « de la », « des »…"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.name} ({self.code})"

    @classmethod
    def autocomplete_custom_queryset_filter(cls, search_query: str, request=None):
        """The page editor's searchable selector finds a département by name or
        code ("ardennes", "correze", "08", "2A")."""
        return _named_like(cls.objects.all(), search_query)

    def autocomplete_label(self) -> str:
        return str(self)

    @property
    def name_with_de(self) -> str:
        """The name after "de" as French writes it: "de l'Ain", "des Ardennes",
        "du Nord", "de la Corse-du-Sud", "de Paris" (from INSEE's TNCC code)."""
        return with_de(self.name, self.liaison_type)

    @property
    def is_overseas(self) -> bool:
        """DROM (971–976) and COM (975, 977, 978, 984–989)."""
        return is_overseas_departement(self.code)


class Arrondissement(models.Model):
    code = models.CharField(_("code"), max_length=4, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    departement = models.ForeignKey(
        Departement, verbose_name=_("département"), on_delete=models.PROTECT, related_name="arrondissements"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("arrondissement")
        verbose_name_plural = _("arrondissements")

    def __str__(self):
        return f"{self.name} ({self.departement_id})"

    @classmethod
    def autocomplete_custom_queryset_filter(cls, search_query: str, request=None):
        """The page editor's searchable selector finds an arrondissement by name
        or code ("avesnes", "591")."""
        return _named_like(cls.objects.all(), search_query)

    def autocomplete_label(self) -> str:
        return str(self)


class EPCI(models.Model):
    """Établissement public de coopération intercommunale à fiscalité propre."""

    code = models.CharField(_("SIREN"), max_length=9, primary_key=True)
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, help_text=_("CC, CA, CU ou METRO"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("EPCI")
        verbose_name_plural = _("EPCI")

    def __str__(self):
        return self.name

    @classmethod
    def autocomplete_custom_queryset_filter(cls, search_query: str, request=None):
        """The page editor's searchable selector (1,255 EPCI, no list to scroll)
        finds an EPCI by any part of its name, whatever the accents ("douaisis",
        "coeur d ostrevent"), or by the start of its SIREN. Unsliced: the
        selector's view excludes the values already chosen, then keeps 100."""
        folded, code = fold(search_query), normalize_code(search_query)
        if code.isdigit():
            return cls.objects.filter(code__startswith=code)
        if not folded:
            return cls.objects.none()
        return cls.objects.filter(search_name__contains=folded)

    def autocomplete_label(self) -> str:
        """Two EPCI may have close names: the SIREN tells them apart."""
        return f"{self.name} (SIREN {self.code})"


class EPT(models.Model):
    """Établissement public territorial of the Métropole du Grand Paris: a
    groupement of communes inside the métropole (itself an EPCI). Official lists
    name some (Territoires d'industrie), so the site knows their members."""

    code = models.CharField(_("SIREN"), max_length=9, primary_key=True)
    name = models.CharField(_("nom"), max_length=200)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("établissement public territorial (EPT)")
        verbose_name_plural = _("établissements publics territoriaux (EPT)")

    def __str__(self):
        return self.name


class Commune(models.Model):
    """A current commune (commune actuelle)."""

    code = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("nom"), max_length=200)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    postal_codes = models.JSONField(_("codes postaux"), default=list, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    departement = models.ForeignKey(
        Departement, verbose_name=_("département"), on_delete=models.PROTECT, related_name="communes"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("région"), on_delete=models.PROTECT, related_name="communes"
    )
    arrondissement = models.ForeignKey(
        Arrondissement,
        verbose_name=_("arrondissement"),
        on_delete=models.PROTECT,
        related_name="communes",
        null=True,
        blank=True,
    )
    epci = models.ForeignKey(
        EPCI,
        verbose_name=_("EPCI"),
        on_delete=models.SET_NULL,
        related_name="communes",
        null=True,
        blank=True,
    )
    ept = models.ForeignKey(
        EPT,
        verbose_name=_("EPT"),
        on_delete=models.SET_NULL,
        related_name="communes",
        null=True,
        blank=True,
    )
    zone = models.CharField(_("zone"), max_length=10, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.name} ({self.departement_id})"

    def get_absolute_url(self):
        return reverse("finder:commune", args=[self.code])

    @classmethod
    def autocomplete_custom_queryset_filter(cls, search_query: str, request=None):
        """The page editor's searchable selector (34,969 communes) finds a commune
        by the start of its name, whatever the accents ("charleville", "st denis"),
        the most populated first, or by the start of its INSEE code ("08105")."""
        folded, code = fold(search_query), normalize_code(search_query)
        if code[:1].isdigit():
            return cls.objects.filter(code__startswith=code).order_by("code")
        if not folded:
            return cls.objects.none()
        matches = cls.objects.filter(name_starts_with(folded))
        return matches.order_by(models.F("population").desc(nulls_last=True), "name")

    def autocomplete_label(self) -> str:
        """The name with its département and INSEE code: there are 16 Saint-Denis."""
        return f"{self.name} ({self.departement_id}) — {self.code}"

    @property
    def is_overseas(self) -> bool:
        return is_overseas_departement(self.departement_id)

    @property
    def in_com(self) -> bool:
        """In a collectivité d'outre-mer (Saint-Barthélemy, TAAF…): neither a
        département nor a région, whatever the reference data files it under."""
        return self.zone == "com"

    @property
    def is_uninhabited(self) -> bool:
        """An uninhabited territory (TAAF districts, Clipperton): no population
        figure at all in a collectivité d'outre-mer, so no local authority to ask."""
        return self.in_com and self.population is None


class CommunePostalCode(models.Model):
    """One row per (postal code, commune): postal codes are shared by several
    communes and a commune can have several, so lookups need an indexed table."""

    postal_code = models.CharField(_("code postal"), max_length=5, db_index=True)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="postal_code_rows")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["postal_code", "commune"], name="unique_postal_code_commune")
        ]
        verbose_name = _("code postal")
        verbose_name_plural = _("codes postaux")

    def __str__(self):
        return f"{self.postal_code} {self.commune_id}"


class FormerCommuneName(models.Model):
    """A delegated or associated commune, or an arrondissement municipal: an old
    or local name that must still lead to its current commune."""

    code = models.CharField(_("code INSEE"), max_length=5)
    name = models.CharField(_("nom"), max_length=200)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(_("type"), max_length=30)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="former_names")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["code", "kind", "commune"], name="unique_former_commune_name")
        ]
        verbose_name = _("ancien nom ou commune déléguée")
        verbose_name_plural = _("anciens noms et communes déléguées")

    def __str__(self):
        return self.name


class TerritorialDataImport(models.Model):
    """One import run: which data version was loaded, when, and what it did,
    shown on the site's data page."""

    source = models.CharField(_("source"), max_length=100, default="@etalab/decoupage-administratif")
    version = models.CharField(_("version"), max_length=20)
    imported_at = models.DateTimeField(_("date d'import"), auto_now_add=True)
    counts = models.JSONField(_("effectifs"), default=dict)
    rejected = models.JSONField(_("enregistrements rejetés"), default=list)

    class Meta:
        ordering = ["-imported_at"]
        get_latest_by = "imported_at"
        verbose_name = _("import de données territoriales")
        verbose_name_plural = _("imports de données territoriales")

    def __str__(self):
        return f"{self.source} {self.version}"
