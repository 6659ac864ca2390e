"""A sourced fact: a figure or a short statement a page shows, with the date it
describes and the document that says so.

Abstract, so that each page family keeps its facts in its own table (a pacte's,
a programme's) while every fact on the site reads, dates and cites the same way.
A fact an editor keeps for checking (a press figure that disagrees with the
official one) is stored unpublished: editors see it, citizens do not.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, Panel
from wagtail.models import Orderable

STALE_AFTER_YEARS = 3


class DatePrecision(models.TextChoices):
    """How much of ``as_of`` the source gives: a source that says "juin 2022"
    is stored as 1 June 2022 and shown as "en juin 2022", never as a day."""

    DAY = "jour", _("jour")
    MONTH = "mois", _("mois")
    YEAR = "annee", _("année")


def describe_date(value: datetime.date, precision: str = DatePrecision.DAY) -> str:
    """ "au 15 mars 2021", "en juin 2022", "en 2023": the date a figure describes."""
    if precision == DatePrecision.YEAR:
        return _("en %(date)s") % {"date": value.year}
    if precision == DatePrecision.MONTH:
        return _("en %(date)s") % {"date": date_format(value, "F Y")}
    day = "1er" if value.day == 1 else str(value.day)
    return _("au %(date)s") % {"date": f"{day} {date_format(value, 'F Y')}"}


def years_since(value: datetime.date, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    return today.year - value.year - ((today.month, today.day) < (value.month, value.day))


class FactAgePanel(Panel):
    """Shows an editor how old a fact is, and warns past three years: an old
    figure is still true of its date, but a reader may take it for today's."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            as_of = getattr(self.instance, "as_of", None)
            if not as_of:
                return format_html('<p class="help">{}</p>', _("Date décrite non renseignée."))
            years = years_since(as_of)
            age = ngettext("Ce chiffre a %(n)s an.", "Ce chiffre a %(n)s ans.", years) % {"n": years}
            if years > STALE_AFTER_YEARS:
                warning = _("Il a plus de trois ans : cherchez une source plus récente.")
                return format_html('<p class="help-block help-warning">{} {}</p>', age, warning)
            return format_html('<p class="help">{}</p>', age)


class SourcedFact(Orderable):
    """One fact of a page: what it measures (``label``), the value as the source
    gives it (``value``, never rounded), the date it describes and its source."""

    key = models.SlugField(
        _("identifiant"),
        max_length=80,
        blank=True,
        help_text=_("Sert au chargement automatique ; laissez vide pour un fait saisi à la main."),
    )
    label = models.CharField(_("libellé"), max_length=200, help_text=_("Par exemple : Nombre de communes."))
    value = models.CharField(
        _("valeur"),
        max_length=300,
        help_text=_("Telle que la source la donne, sans arrondi ni calcul, en vos propres mots."),
    )
    as_of = models.DateField(
        _("date décrite"),
        null=True,
        blank=True,
        help_text=_("La date à laquelle ce fait est vrai ; obligatoire pour un chiffre publié."),
    )
    as_of_precision = models.CharField(
        _("précision de la date"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    source = models.ForeignKey(
        "catalogue.Source", verbose_name=_("source"), on_delete=models.PROTECT, related_name="+"
    )
    public = models.BooleanField(
        _("publié"),
        default=True,
        help_text=_(
            "Décochez pour garder ce fait pour vérification sans le publier "
            "(par exemple une source qui contredit la source officielle)."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value")]),
        FieldRowPanel([FieldPanel("as_of"), FieldPanel("as_of_precision"), FieldPanel("public")]),
        FactAgePanel(),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.label} : {self.value}"

    def clean(self):
        super().clean()
        if self.public and has_figure(self.value) and not self.as_of:
            raise ValidationError({"as_of": _("Un chiffre doit indiquer la date qu'il décrit.")})

    @property
    def date_text(self) -> str:
        return describe_date(self.as_of, self.as_of_precision) if self.as_of else ""

    @property
    def is_stale(self) -> bool:
        return bool(self.as_of) and years_since(self.as_of) > STALE_AFTER_YEARS


def has_figure(text: str) -> bool:
    """Whether ``text`` states a figure (any digit): such a fact needs its date."""
    return any(character.isdigit() for character in text or "")
