"""The pacte page: a territorial pact (pacte, plan, contrat, engagement) of the
agency, with the facts a citizen looks for without opening a PDF: where, who
signed, how much, what is planned and how far it has come."""

from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Sum
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
from catalogue.models import CataloguePage, EligibilityCriteria
from home.blocks import BodyBlock

from ..display import axis_accordion_items, escape_rows, format_euros, key_facts
from ..forms import PacteAdminForm
from ..widgets import CodeListInput
from .axis import ActionStatus, PacteAction
from .validators import non_negative_amount

ENGAGED_STATUSES = (ActionStatus.IN_PROGRESS, ActionStatus.DONE)


@dataclass(frozen=True)
class PacteProgress:
    """How far a pacte has come, from its actions. ``budget_engaged`` is the
    budget of the actions started or done (the money actually put to work)."""

    total: int = 0
    done: int = 0
    in_progress: int = 0
    budget_total: Decimal | None = None
    budget_engaged: Decimal | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @classmethod
    def from_actions(cls, actions) -> "PacteProgress":
        """Progress of in-memory actions (preview of unsaved edits)."""
        actions = list(actions)
        budgets = [a.budget for a in actions if a.budget is not None]
        engaged = [a.budget for a in actions if a.budget is not None and a.status in ENGAGED_STATUSES]
        return cls(
            total=len(actions),
            done=sum(1 for a in actions if a.status == ActionStatus.DONE),
            in_progress=sum(1 for a in actions if a.status == ActionStatus.IN_PROGRESS),
            budget_total=sum(budgets) if budgets else None,
            budget_engaged=sum(engaged) if engaged else None,
        )


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

    def covering(self, commune):
        """Pactes whose territory includes ``commune`` (a territories.Commune).

        The territory is the finest level given: a pacte listing arrondissements
        or communes covers only those; otherwise it covers its whole départements.
        """
        through = PactePage.covered_arrondissements.through
        communes_through = PactePage.covered_communes.through
        has_finer = Exists(through.objects.filter(pactepage=OuterRef("pk"))) | Exists(
            communes_through.objects.filter(pactepage=OuterRef("pk"))
        )
        by_finer = Q(covered_communes=commune.code)
        if commune.arrondissement_id:
            by_finer |= Q(covered_arrondissements=commune.arrondissement_id)
        return (
            self.alias(has_finer=has_finer)
            .filter(Q(has_finer=False, covered_departements=commune.departement_id) | by_finer)
            .distinct()
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
                FieldPanel("covered_departements"),
                FieldPanel("covered_arrondissements"),
                FieldPanel("covered_communes", widget=CodeListInput),
                FieldRowPanel([FieldPanel("perimeter"), FieldPanel("perimeter_epcis")]),
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
        """Whether a commune lies in the pacte's territory (same rule as
        ``covering``), the places read once."""
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
        context["funding_header"] = [_("Partenaire"), _("Montant")]
        context["funding_rows"] = escape_rows(
            [str(f.partner), format_euros(f.amount)] for f in context["fundings"]
        )
        return context

    class Meta:
        verbose_name = _("pacte")
        verbose_name_plural = _("pactes")
