"""A national support programme (or projet, mission, plan, expertise offer) of
the agency's catalogue, with its facts as fields: who it is for, what the
agency provides, partners, figures, contacts, FAQ and documents.

The beneficiary types of a programme are the ``eligible_beneficiary_types`` of
the shared eligibility criteria: one field, so that the index filter, the
finder and the "Pour qui" block of the page never disagree.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from catalogue.cards import catalogue_card
from catalogue.citations import Citations
from catalogue.models import CataloguePage, EligibilityCriteria
from home.blocks import BodyBlock, KeyFigureBlock
from programmes.fields import MultipleChoiceField
from programmes.france_services import france_services_by_departement
from territories.text import INSEE_CODE_RE, collation_key

from .facts import LAUNCH_KEY, ROADMAP_ADOPTED


class ProgrammeKind(models.TextChoices):
    """The "modalité d'intervention" column of the roadmap table (pactes have
    their own page type)."""

    PROGRAMME = "programme", _("programme")
    PROJECT = "projet", _("projet")
    MISSION = "mission", _("mission")
    PLAN = "plan", _("plan")
    EXPERTISE = "expertise", _("expertise")


class AgencySupport(models.TextChoices):
    FUNDING = "financement", _("financement")
    ENGINEERING = "ingenierie", _("ingénierie")
    NETWORK = "reseau", _("mise en réseau")
    TRAINING = "formation", _("formation")


class ProgrammePage(CataloguePage, EligibilityCriteria):
    kind = models.CharField(
        _("modalité d'intervention"),
        max_length=20,
        choices=ProgrammeKind.choices,
        default=ProgrammeKind.PROGRAMME,
        help_text=_("Comme dans la colonne « modalité d'intervention » de la feuille de route."),
    )
    objectives = RichTextField(
        _("objectifs"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("Ce que le programme cherche à changer, de préférence en liste courte."),
    )
    lists_france_services = models.BooleanField(
        _("afficher les structures France services"),
        default=False,
        help_text=_(
            "Montre sur la page le nombre de structures France services et leur liste par département "
            "(liste officielle de l'agence)."
        ),
    )
    agency_support = MultipleChoiceField(
        _("ce que l'Agence apporte"),
        choices=AgencySupport.choices,
        blank=True,
        help_text=_("Cochez tout ce que l'Agence met à disposition des bénéficiaires."),
    )
    how_to_benefit = RichTextField(
        _("comment en bénéficier"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("Les démarches, dans l'ordre : à qui s'adresser, quel dossier, quel calendrier."),
    )
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    end_date = models.DateField(
        _("date de fin"),
        null=True,
        blank=True,
        help_text=_("Laisser vide si le programme n'a pas de date de fin prévue."),
    )
    key_figures = StreamField(
        [("key_figure", KeyFigureBlock())],
        verbose_name=_("chiffres clés"),
        blank=True,
        help_text=_("Seulement des chiffres sourcés ; laisser vide si on ne les connaît pas."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("agency_support"),
        FieldPanel("how_to_benefit"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Calendrier")),
        FieldPanel("body"),
        InlinePanel("faq_items", heading=_("Questions fréquentes"), label=_("question")),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
    ]
    classification_panels = [
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("public_policy"), FieldPanel("kind"), FieldPanel("status")],
            heading=_("Classement"),
        ),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_programme_links", heading=_("Programmes liés"), label=_("programme lié")),
    ]
    figures_panels = [
        InlinePanel(
            "facts",
            heading=_("Chiffres sourcés"),
            label=_("chiffre"),
            help_text=_(
                "Chaque chiffre avec la date qu'il décrit et sa source, tel que la source le donne. "
                "Décochez « publié » pour une version qui contredit la source officielle. "
                "Identifiant « lancement » : la date de lancement du programme."
            ),
        ),
        FieldPanel("key_figures"),
        FieldPanel("lists_france_services"),
        InlinePanel("contacts", heading=_("Contacts"), label=_("contact")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(classification_panels, heading=_("Classement & partenaires")),
            ObjectList(EligibilityCriteria.eligibility_panels, heading=_("Éligibilité")),
            ObjectList(figures_panels, heading=_("Chiffres & contacts")),
            ObjectList(CataloguePage.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )

    search_fields = CataloguePage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("how_to_benefit"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields(
            "eligible_beneficiary_types",
            [
                index.SearchField("name"),
                index.FilterField("slug"),
            ],
        ),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["news.NewsPage"]  # news about this page (news/)

    @property
    def agency_support_labels(self) -> list[str]:
        return self._meta.get_field("agency_support").labels(self.agency_support)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        related = (
            ProgrammePage.objects.live()
            .public()
            .filter(pk__in=[link.programme_id for link in self.related_programme_links.all()])
            .select_related("public_policy")
        )
        related = sorted(related, key=lambda page: collation_key(page.title))
        context.update(
            partners=sorted(self.partners.all(), key=lambda partner: collation_key(partner.name)),
            contacts=self.contacts.all(),
            documents_list=[item.document for item in self.documents.select_related("document")],
            faq_accordion=[
                {
                    "id": f"faq-{item.pk}",  # fixed, unlike django-dsfr's random default (ETag)
                    "title": item.question,
                    "content": expand_db_html(item.answer),
                    "heading_tag": "h3",
                }
                for item in self.faq_items.all()
            ],
            related_cards=[catalogue_card(page, request) for page in related],
            support_request_url=self.support_request_url(request.GET.get("commune", "")),
            france_services=france_services_by_departement() if self.lists_france_services else None,
        )
        context.update(self.sourced_context())
        return context

    def sourced_context(self) -> dict:
        """Published facts with their source numbers, the launch fact (a launch
        after the 2020 roadmap shows its "en incubation" as history, beside the
        current status) and the numbered source list."""
        citations = Citations()
        facts = citations.number_all(f for f in self.facts.select_related("source") if f.public)
        launch = next((f for f in facts if f.key == LAUNCH_KEY), None)
        return {
            "sourced_facts": facts,
            "sourced_rows": [{"label": fact.label, "fact": fact} for fact in facts],
            "launch_fact": launch,
            "roadmap_history": launch is not None
            and launch.as_of is not None
            and launch.as_of > ROADMAP_ADOPTED,
            "sources": citations.items(),
        }

    def support_request_url(self, commune_code: str = "") -> str:
        """The engineering request form, pre-filled with this programme and, when
        the visitor came from a commune page (``?commune=``), with the commune."""
        params = {"programme": self.pk}
        code = commune_code.strip().upper()
        if INSEE_CODE_RE.match(code):
            params["commune"] = code
        # By URL name: a page family does not import the request app, which sits above it.
        return f"{reverse('engineering:request')}?{urlencode(params)}"

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", []).append(
                ValidationError(_("La date de fin doit être postérieure ou égale à la date de début."))
            )
        if errors:
            raise ValidationError(errors)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")


class ProgrammeContact(Orderable):
    """A person or an organisation to contact about the programme."""

    page = ParentalKey(ProgrammePage, related_name="contacts", on_delete=models.CASCADE)
    name = models.CharField(_("nom"), max_length=150, blank=True)
    role = models.CharField(_("fonction"), max_length=150, blank=True)
    organisation = models.CharField(_("organisme"), max_length=200, blank=True)
    email = models.EmailField(_("adresse électronique"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    def clean(self):
        super().clean()
        if not self.name and not self.organisation:
            raise ValidationError({"name": _("Indiquez un nom ou un organisme.")})

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


class ProgrammeFaqItem(Orderable):
    page = ParentalKey(ProgrammePage, related_name="faq_items", on_delete=models.CASCADE)
    question = models.CharField(_("question"), max_length=255)
    answer = RichTextField(_("réponse"), features=["bold", "italic", "ul", "ol", "link", "document-link"])

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("question fréquente")
        verbose_name_plural = _("questions fréquentes")


class ProgrammeDocument(Orderable):
    page = ParentalKey(ProgrammePage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class RelatedProgramme(Orderable):
    page = ParentalKey(ProgrammePage, related_name="related_programme_links", on_delete=models.CASCADE)
    programme = models.ForeignKey(
        ProgrammePage,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("programme", "programmes.ProgrammePage")]

    def clean(self):
        super().clean()
        if self.programme_id and self.programme_id == self.page_id:
            raise ValidationError({"programme": _("Un programme ne peut pas être lié à lui-même.")})

    class Meta(Orderable.Meta):
        verbose_name = _("programme lié")
        verbose_name_plural = _("programmes liés")
