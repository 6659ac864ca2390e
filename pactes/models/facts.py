"""What public documents say about a pacte: its sourced facts and its dated
progress reports (when the individual actions are not public, a report such as
"41 fiches-actions réalisées, 37 en cours, sur 89" is what a citizen can read)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from catalogue.models import DatePrecision, FactAgePanel, SourcedFact, describe_date, fact


class PacteFact(SourcedFact):
    """A fact of the pacte shown in "Le pacte en bref", with its date and source."""

    page = ParentalKey("pactes.PactePage", related_name="facts", on_delete=models.CASCADE)

    class Meta(SourcedFact.Meta):
        verbose_name = _("fait sourcé")
        verbose_name_plural = _("faits sourcés")


class PacteProgressReport(Orderable):
    """A dated, sourced count of the pacte's actions, as a partner published it.
    Shown as such ("selon …, au …"), beside the progress computed from the
    actions listed on the page, never merged with it."""

    page = ParentalKey("pactes.PactePage", related_name="progress_reports", on_delete=models.CASCADE)
    as_of = models.DateField(_("date décrite"))
    as_of_precision = models.CharField(
        _("précision de la date"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    unit = models.CharField(
        _("ce qui est compté"), max_length=100, help_text=_("Par exemple : fiches-actions, projets.")
    )
    done = models.PositiveIntegerField(_("réalisées"), null=True, blank=True)
    in_progress = models.PositiveIntegerField(_("en cours"), null=True, blank=True)
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    statement = models.CharField(
        _("bilan en mots"),
        max_length=300,
        blank=True,
        help_text=_("Si la source ne donne pas de décompte : son bilan, en vos mots, sans arrondi."),
    )
    source = models.ForeignKey(
        "catalogue.Source", verbose_name=_("source"), on_delete=models.PROTECT, related_name="+"
    )
    public = models.BooleanField(_("publié"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("as_of"), FieldPanel("as_of_precision"), FieldPanel("public")]),
        FactAgePanel(),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("done"), FieldPanel("in_progress"), FieldPanel("total")]),
        FieldPanel("statement"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bilan d'avancement publié")
        verbose_name_plural = _("bilans d'avancement publiés")

    @property
    def date_text(self) -> str:
        return describe_date(self.as_of, self.as_of_precision)

    @property
    def is_stale(self) -> bool:
        return fact.years_since(self.as_of) > fact.STALE_AFTER_YEARS

    def clean(self):
        super().clean()
        counts = [n for n in (self.done, self.in_progress) if n is not None]
        if not counts and self.total is None and not self.statement.strip():
            raise ValidationError(_("Indiquez un décompte ou le bilan en mots."))
        if self.total is not None and sum(counts) > self.total:
            raise ValidationError({"total": _("Le total ne peut pas être inférieur aux actions comptées.")})
