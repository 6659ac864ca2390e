"""Forms of the workflow actions. ``engineering.protocol.workflow`` validates
every action's data with these forms, so the staff views, the requester's reply
page and any other caller share the same required fields and messages."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from catalogue.models import Partner
from home.forms import PublicForm
from territories.models import Departement

from ..models import CommitteeDecision, LocalAnswer, NationalEscalation
from .inputs import IdMultipleChoiceField
from .uploads import ACCEPTED_EXTENSIONS, PDF, check_attachment


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput
    template_name = "engineering/fields/upload.html"

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def attachments_field() -> MultipleFileField:
    """The optional attachments of a public form, with the limits in its help text."""
    max_files = settings.ENGINEERING_ATTACHMENT_MAX_FILES
    max_mb = settings.ENGINEERING_ATTACHMENT_MAX_BYTES // (1024 * 1024)
    field = MultipleFileField(
        label=_("Pièces jointes"),
        required=False,
        help_text=_(
            "Facultatif. %(count)s fichiers au maximum, %(size)s Mo au maximum chacun. "
            "Formats acceptés : PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument."
        )
        % {"count": max_files, "size": max_mb},
    )
    field.widget.attrs["accept"] = ",".join(f".{ext}" for ext in ACCEPTED_EXTENSIONS)
    return field


def clean_attachment_list(files) -> list:
    """The server-side checks of every public upload: number of files, then the
    size and real type of each (``engineering.protocol.uploads``), all errors at once."""
    files = files or []
    max_files = settings.ENGINEERING_ATTACHMENT_MAX_FILES
    if len(files) > max_files:
        raise forms.ValidationError(_("Joignez %(max)s fichiers au maximum.") % {"max": max_files})
    errors = []
    for uploaded in files:
        try:
            check_attachment(uploaded)
        except forms.ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise forms.ValidationError(errors)
    return files


class InformationReplyForm(PublicForm):
    """The requester's answer to a "more information needed" step, sent from the
    page their email links to. Validated by ``engineering.protocol.workflow`` like every
    action's data."""

    answer = forms.CharField(
        label=_("Votre réponse"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        help_text=_("Répondez aux questions du délégué territorial. 10 000 caractères au maximum."),
        error_messages={
            "required": _("Écrivez votre réponse aux questions du délégué territorial."),
            "max_length": _("La réponse ne doit pas dépasser 10 000 caractères."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"] = attachments_field()

    def clean_attachments(self):
        return clean_attachment_list(self.cleaned_data.get("attachments"))


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RequiredCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Motif"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Indiquez le motif.")},
    )


class MoreInfoForm(forms.Form):
    comment = forms.CharField(
        label=_("Informations demandées au demandeur"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ce texte est envoyé par courriel au demandeur."),
        error_messages={"required": _("Précisez les informations attendues.")},
    )


class InfoReceivedForm(forms.Form):
    comment = forms.CharField(
        label=_("Compléments reçus"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Résumez les compléments reçus.")},
    )


class RerouteForm(forms.Form):
    takes_engineering_request = True  # ``build_form`` passes it: the new département must differ

    departement = forms.ModelChoiceField(
        label=_("Nouveau département"),
        queryset=Departement.objects.all(),
        error_messages={"required": _("Choisissez le département.")},
    )
    comment = forms.CharField(
        label=_("Motif de la réorientation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Le motif de la réorientation est obligatoire.")},
    )

    def __init__(self, *args, engineering_request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.engineering_request = engineering_request

    def clean_departement(self):
        departement = self.cleaned_data["departement"]
        if self.engineering_request is not None and departement.pk == self.engineering_request.departement_id:
            raise forms.ValidationError(_("La demande relève déjà de ce département."))
        return departement


class LocalContactForm(forms.Form):
    contact_kind = forms.ChoiceField(
        label=_("Nature de l'interlocuteur unique"), choices=LocalAnswer.ContactKind.choices
    )
    contact_name = forms.CharField(label=_("Nom de l'interlocuteur unique"), max_length=150)
    contact_details = forms.CharField(label=_("Coordonnées (courriel, téléphone)"), max_length=255)
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EscalationForm(forms.Form):
    """The ground of roadmap II c as one choice among the three the text allows
    (fragility *and* lack of resources, and/or an innovative or complex project):
    a single reason such as fragility alone cannot be chosen."""

    ground = forms.ChoiceField(
        label=_("Motif de la sollicitation de l'appui national"),
        choices=NationalEscalation.Ground.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Feuille de route, II c : le délégué territorial justifie de la fragilité de la collectivité "
            "porteuse et de l'insuffisance de ressource locale mobilisable, et/ou du caractère innovant "
            "ou particulièrement complexe du projet."
        ),
        error_messages={
            "required": _("Choisissez le motif de la sollicitation de l'appui national."),
            "invalid_choice": _("Choisissez l'un des motifs prévus par la feuille de route."),
        },
    )
    justification = forms.CharField(
        label=_("Justification"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("La justification est obligatoire.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("ground"):
            data.update(NationalEscalation.GROUND_FLAGS[data["ground"]])
        return data


class LocalCommitteeReportForm(forms.Form):
    met_on = forms.DateField(
        label=_("Date du comité local de cohésion territoriale"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Indiquez la date du comité local."),
            "invalid": _("La date n'est pas valide. Exemple : 2026-03-15"),
        },
    )
    minutes = forms.CharField(
        label=_("Compte rendu"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ce qui a été présenté au comité local et ses suites."),
        error_messages={"required": _("Le compte rendu est obligatoire.")},
    )


class CommitteeDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Décision"), choices=CommitteeDecision.Outcome.choices, widget=forms.RadioSelect
    )
    decided_on = forms.DateField(label=_("Date du comité"), widget=forms.DateInput(attrs={"type": "date"}))
    minutes = forms.CharField(
        label=_("Relevé de décision"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Le relevé de décision est obligatoire.")},
    )


class ConventionForm(forms.Form):
    signed_on = forms.DateField(label=_("Date de signature"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(label=_("Référence de la convention"), max_length=100)
    file = forms.FileField(label=_("Convention signée (PDF)"), required=False)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and check_attachment(uploaded) is not PDF:
            raise forms.ValidationError(_("La convention doit être un fichier PDF."))
        return uploaded


class InstrumentsForm(forms.Form):
    internal_experts = forms.CharField(
        label=_("Compétences techniques internes de l'agence"),
        required=False,
        help_text=_("Direction ou expertise mobilisée ; laissez vide si non activé."),
    )
    state_experts = forms.CharField(
        label=_("Mission d'experts de l'État"),
        required=False,
        help_text=_("Objet de la mission ; laissez vide si non activé."),
    )
    credit_line_amount = forms.DecimalField(
        label=_("Ligne de crédits : montant (€)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
    )
    operators = IdMultipleChoiceField(
        label=_("Conventions-cadres avec les opérateurs du premier cercle"),
        required=False,
        queryset=Partner.objects.filter(is_first_circle_operator=True),
        widget=forms.CheckboxSelectMultiple,
    )
    comment = forms.CharField(
        label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if not (
            data.get("internal_experts")
            or data.get("state_experts")
            or data.get("credit_line_amount") is not None
            or data.get("operators")
        ):
            raise forms.ValidationError(_("Activez au moins un instrument."))
        return data
