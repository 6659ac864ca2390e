"""The pacte page: a territorial pact (pacte, plan, contrat, engagement) of the
agency, with the facts a citizen looks for without opening a PDF: where, who
signed, how much, what is planned and how far it has come."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from catalogue.citations import Citations
from catalogue.models import CataloguePage, CatalogueStatus, EligibilityCriteria
from home.autocomplete import AutocompletePanel
from home.blocks import BodyBlock

from ..display import (
    axes_without_detail,
    axis_accordion_items,
    escape_rows,
    format_euros,
    gauge,
    key_facts,
    signatory_groups,
)
from ..forms import PacteAdminForm
from .axis import ActionStatus, PacteAction
from .progress import ENGAGED_STATUSES, PacteProgress
from .validators import non_negative_amount


class PactePageQuerySet(PageQuerySet):
    def with_progress(self):
        """Annotate ``axis_total``, ``action_total`` and ``action_done`` in the same query."""
        return self.annotate(
            axis_total=Count("axes", distinct=True),
            action_total=Count("axes__actions", distinct=True),
            action_done=Count(
                "axes__actions", filter=Q(axes__actions__status=ActionStatus.DONE), distinct=True
            ),
        )


PactePageManager = PageManager.from_queryset(PactePageQuerySet)


class PactePage(CataloguePage, EligibilityCriteria):
    """A pacte, plan or contrat de cohésion territoriale.

    Eligibility: a pacte's territory *is* its geographic criterion, so it answers
    the catalogue's coverage interface (``covered_places`` / ``covers``) from its
    covered départements, arrondissements and communes, at the finest level given.
    ``eligible_departements`` is kept in sync on save with
    ``covered_departement_codes()`` for readers of the generic criteria (such as
    ``eligibility_summary``); it is not shown in the editor.
    """

    #: Keys of the sourced facts that give the amount, the duration and the end of
    #: the pacte (the API names them, as the page shows them).
    AMOUNT_KEY, DURATION_KEY, END_KEY = "montant", "duree", "fin"

    territory_label = models.CharField(
        _("nom du territoire"),
        max_length=200,
        blank=True,
        help_text=_(
            "Nom d'usage du territoire s'il diffère des départements, "
            "par exemple : Sambre-Avesnois-Thiérache, Bassin minier."
        ),
    )
    covered_departements = ParentalManyToManyField(
        "territories.Departement",
        verbose_name=_("départements couverts"),
        blank=True,
        related_name="pactes",
    )
    covered_arrondissements = ParentalManyToManyField(
        "territories.Arrondissement",
        verbose_name=_("arrondissements couverts"),
        blank=True,
        related_name="pactes",
        help_text=_(
            "Seulement si le pacte ne couvre qu'une partie des départements : "
            "il ne couvre alors que ces arrondissements (et les communes ci-dessous)."
        ),
    )
    covered_communes = ParentalManyToManyField(
        "territories.Commune",
        verbose_name=_("communes couvertes"),
        blank=True,
        related_name="pactes",
        help_text=_(
            "Codes INSEE séparés par des virgules (par exemple : 08105, 08409). "
            "Seulement si le pacte ne couvre que certaines communes."
        ),
    )
    signature_date = models.DateField(_("date de signature"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("durée (mois)"),
        null=True,
        blank=True,
        help_text=_("Durée prévue du pacte, en mois."),
    )
    end_date = models.DateField(
        _("date de fin"),
        null=True,
        blank=True,
        help_text=_("Doit être postérieure ou égale à la date de signature."),
    )
    total_amount = models.DecimalField(
        _("montant total (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative_amount],
        help_text=_(
            "Laissez vide si le montant n'est pas connu : le site affichera « non communiqué », jamais 0."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("présentation détaillée"), blank=True)

    content_panels = (
        CataloguePage.content_panels
        + CataloguePage.catalogue_panels
        + [
            FieldPanel("partners"),
            FieldPanel("body"),
        ]
    )
    facts_panels = [
        InlinePanel(
            "facts",
            heading=_("Faits sourcés"),
            label=_("fait"),
            help_text=_(
                "Chaque chiffre avec la date qu'il décrit et sa source ; la valeur telle que la source "
                "la donne, sans arrondi ni addition. Décochez « publié » pour une version qui "
                "contredit la source officielle."
            ),
        ),
        InlinePanel(
            "progress_reports",
            heading=_("Bilans d'avancement publiés"),
            label=_("bilan"),
            help_text=_("Quand les actions ne sont pas publiées une à une : le bilan daté d'une source."),
        ),
    ]
    territory_panels = [
        MultiFieldPanel(
            [
                FieldPanel("territory_label"),
                AutocompletePanel("covered_departements"),
                AutocompletePanel("covered_arrondissements"),
                AutocompletePanel(
                    "covered_communes",
                    help_text=_(
                        "Cherchez chaque commune par son nom ou son code INSEE. "
                        "Seulement si le pacte ne couvre que certaines communes."
                    ),
                ),
                FieldPanel("perimeter"),
                AutocompletePanel("perimeter_epcis"),
            ],
            heading=_("Territoire couvert"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signature_date"),
                FieldRowPanel([FieldPanel("duration_months"), FieldPanel("end_date")]),
            ],
            heading=_("Signature et durée"),
        ),
        InlinePanel("signatories", heading=_("Signataires"), label=_("signataire")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("population_min"), FieldPanel("population_max")]),
                FieldPanel("eligible_territory_types"),
                FieldPanel("eligible_beneficiary_types"),
                FieldPanel("eligibility_note"),
                FieldPanel("eligibility_source"),
            ],
            heading=_("Critères d'éligibilité complémentaires"),
            help_text=_("Le territoire couvert est déjà le critère géographique du pacte."),
        ),
    ]
    funding_panels = [
        FieldPanel("total_amount"),
        InlinePanel(
            "fundings",
            heading=_("Montant par partenaire"),
            label=_("financement"),
            help_text=_("La somme des montants ne peut pas dépasser le montant total."),
        ),
    ]
    axes_panels = [
        InlinePanel(
            "axes",
            heading=_("Axes du pacte"),
            label=_("axe"),
            help_text=_("Chaque axe regroupe des actions ; leur état calcule l'avancement du pacte."),
        ),
    ]
    milestone_panels = [
        InlinePanel("milestones", heading=_("Jalons"), label=_("jalon")),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(facts_panels, heading=_("Faits & sources")),
            ObjectList(territory_panels, heading=_("Territoire & signataires")),
            ObjectList(funding_panels, heading=_("Financement")),
            ObjectList(axes_panels, heading=_("Axes & actions")),
            ObjectList(milestone_panels, heading=_("Jalons & documents")),
            ObjectList(CataloguePage.promote_panels, heading=_("Promotion")),
        ]
    )
    base_form_class = PacteAdminForm

    search_fields = CataloguePage.search_fields + [
        index.SearchField("territory_label", boost=2),
        index.RelatedFields("covered_departements", [index.SearchField("name")]),
    ]

    parent_page_types = ["pactes.PacteIndexPage"]
    subpage_types = ["news.NewsPage"]  # news about this page (news/)

    objects = PactePageManager()

    def covered_departement_codes(self) -> list[str]:
        """Codes of every département the pacte touches, directly or through its
        arrondissements and communes. Works on unsaved (in-memory) relations."""
        codes = {d.pk for d in self.covered_departements.all()}
        codes |= {a.departement_id for a in self.covered_arrondissements.all()}
        codes |= {c.departement_id for c in self.covered_communes.all()}
        return sorted(codes)

    coverage_relations = ("covered_departements", "covered_arrondissements", "covered_communes")
    coverage_key = "covered_territory"

    def coverage_label(self) -> str:
        return self.territory_label

    def coverage_test(self):
        """Whether a commune lies in the pacte's territory, the places read once: the
        finest level given (arrondissements or communes), otherwise its whole
        départements. ``covers`` (the catalogue's) asks it for one commune."""
        arrondissements = {a.pk for a in self.covered_arrondissements.all()}
        communes = {c.pk for c in self.covered_communes.all()}
        if arrondissements or communes:
            return lambda commune: commune.code in communes or commune.arrondissement_id in arrondissements
        departements = {d.pk for d in self.covered_departements.all()}
        return lambda commune: commune.departement_id in departements

    def progress(self) -> PacteProgress:
        """Action counts and budgets in one aggregate query."""
        totals = PacteAction.objects.filter(axis__page=self).aggregate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=ActionStatus.DONE)),
            in_progress=Count("pk", filter=Q(status=ActionStatus.IN_PROGRESS)),
            budget_total=Sum("budget"),
            budget_engaged=Sum("budget", filter=Q(status__in=ENGAGED_STATUSES)),
        )
        return PacteProgress(**totals)

    def sourced_context(self) -> dict:
        """Facts, published progress reports, signatories, axes and milestones,
        each with the number of its source, and the numbered source list. Works
        on unsaved (in-memory) rows, for the preview."""
        citations = Citations()
        facts = citations.number_all(f for f in self.facts.select_related("source") if f.public)
        reports = citations.number_all(r for r in self.progress_reports.select_related("source") if r.public)
        signatories = citations.number_all(self.signatories.select_related("partner", "source"))
        axis_sources = citations.number_all(self.axes.select_related("source"))
        milestones = citations.number_all(
            sorted(self.milestones.select_related("source"), key=lambda m: (m.date, m.sort_order or 0))
        )
        axis_refs = sorted({axis.ref for axis in axis_sources if axis.ref})
        return {
            "facts": facts,
            "progress_reports": sorted(reports, key=lambda r: r.as_of, reverse=True),
            "signatories": signatories,
            "milestones": milestones,
            "axis_refs": axis_refs,
            "sources": citations.items(),
        }

    def clean(self):
        super().clean()
        if self.signature_date and self.end_date and self.end_date < self.signature_date:
            raise ValidationError(
                {
                    "end_date": _("La date de fin doit être postérieure ou égale à la date de signature."),
                }
            )
        ended = self.end_date is not None and self.end_date < timezone.localdate()
        if ended and self.status == CatalogueStatus.ACTIVE:
            raise ValidationError(
                {"status": _("La date de fin est passée : le pacte ne peut pas être « en cours ».")}
            )
        if self.end_date and not ended and self.status == CatalogueStatus.CLOSED:
            raise ValidationError(
                {"status": _("La date de fin n’est pas passée : le pacte n’est pas « terminé ».")}
            )

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            departements = apps.get_model("territories", "Departement").objects
            self.eligible_departements = list(departements.filter(pk__in=self.covered_departement_codes()))
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            axes = list(self.axes.all())
            context["progress"] = PacteProgress.from_actions(
                action for axis in axes for action in axis.actions.all()
            )
        else:
            axes = list(self.axes.all().prefetch_related("actions"))
            context["progress"] = self.progress()
        context["axes"] = axes
        context["departements"] = list(self.covered_departements.all())
        context["arrondissements"] = list(self.covered_arrondissements.all())
        context["communes"] = list(self.covered_communes.all())
        context.update(self.sourced_context())
        context["fundings"] = list(self.fundings.all().select_related("partner"))
        context["documents"] = list(self.documents.all().select_related("document"))
        context["key_facts"] = key_facts(self, context)
        context["axis_items"] = axis_accordion_items(axes)
        context["plain_axes"] = axes_without_detail(axes)
        progress = context["progress"]
        context["progress_gauge"] = gauge(progress.done, progress.in_progress, progress.total)
        for position, report in enumerate(context["progress_reports"], start=1):
            report.gauge = gauge(report.done, report.in_progress, report.total)
            report.label_id = f"pacte-report-{position}"
        context["signatory_groups"] = signatory_groups(context["signatories"])
        context["funding_header"] = [_("Partenaire"), _("Montant")]
        context["funding_rows"] = escape_rows(
            [str(f.partner), format_euros(f.amount)] for f in context["fundings"]
        )
        return context

    class Meta:
        verbose_name = _("pacte")
        verbose_name_plural = _("pactes")
