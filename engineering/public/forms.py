"""The public request form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import Theme
from home.forms import PublicForm

from ..models import EngineeringKind, EngineeringRequest
from ..protocol.action_forms import MultipleFileField, attachments_field, clean_attachment_list
from . import collectivites


class EngineeringRequestForm(PublicForm):
    """Fields grouped into fieldsets by the template (see ``FIELDSETS``)."""

    collectivite = forms.CharField(
        label=_("Commune ou intercommunalité (EPCI)"),
        max_length=200,
        help_text=_(
            "Nom ou code INSEE de la commune, nom ou numéro SIREN de l'intercommunalité. "
            "Exemple : Charleville-Mézières ou 08105."
        ),
        error_messages={"required": _("Indiquez la commune ou l'intercommunalité qui porte le projet.")},
    )
    collectivite_choice = forms.ChoiceField(
        label=_("Précisez la collectivité"), required=False, widget=forms.RadioSelect, choices=()
    )
    requester_name = forms.CharField(
        label=_("Nom et prénom"),
        max_length=150,
        error_messages={"required": _("Indiquez votre nom et votre prénom.")},
    )
    requester_role = forms.ChoiceField(
        label=_("Votre fonction"),
        choices=EngineeringRequest.RequesterRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez votre fonction.")},
    )
    requester_email = forms.EmailField(
        label=_("Adresse électronique"),
        help_text=_("Format attendu : nom@domaine.fr"),
        error_messages={
            "required": _("Indiquez votre adresse électronique."),
            "invalid": _("L'adresse électronique n'est pas valide. Format attendu : nom@domaine.fr"),
        },
    )
    requester_phone = forms.RegexField(
        label=_("Téléphone"),
        required=False,
        max_length=30,
        regex=r"^\+?[0-9 .()-]{6,}$",
        help_text=_("Facultatif. Exemple : 03 24 00 00 00"),
        error_messages={"invalid": _("Le numéro de téléphone n'est pas valide. Exemple : 03 24 00 00 00")},
    )
    title = forms.CharField(
        label=_("Intitulé du projet"),
        max_length=200,
        error_messages={
            "required": _("Donnez un intitulé à votre projet."),
            "max_length": _("L'intitulé ne doit pas dépasser 200 caractères."),
        },
    )
    description = forms.CharField(
        label=_("Description du projet et du besoin d'ingénierie"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=30,
        max_length=10000,
        help_text=_("Objectifs, calendrier, partenaires, difficultés rencontrées. 30 caractères au minimum."),
        error_messages={
            "required": _("Décrivez votre projet et votre besoin."),
            "min_length": _("La description est trop courte : 30 caractères au minimum."),
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thématiques"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    stage = forms.ChoiceField(
        label=_("Avancement du projet"),
        choices=EngineeringRequest.Stage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez l'avancement du projet.")},
    )
    engineering_kinds = forms.ModelMultipleChoiceField(
        label=_("Ingénierie recherchée"),
        queryset=EngineeringKind.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attachments = MultipleFileField(
        label=_("Pièces jointes"),
        required=False,
        help_text=_("Facultatif. Formats acceptés : PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument."),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que l'agence et les services de l'État traitent les données de ce formulaire pour "
            "instruire ma demande. Elles sont anonymisées après la clôture de la demande."
        ),
        error_messages={"required": _("Votre accord est nécessaire pour que la demande soit instruite.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled by robots.
    website = forms.CharField(label=_("Ne pas remplir ce champ"), required=False)

    FIELDSETS = [
        (_("Votre collectivité"), ["collectivite", "collectivite_choice"]),
        (_("Vous"), ["requester_name", "requester_role", "requester_email", "requester_phone"]),
        (_("Votre projet"), ["title", "description", "themes", "stage", "engineering_kinds"]),
        (_("Documents"), ["attachments"]),
        (_("Traitement des données"), ["consent"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"] = attachments_field()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.candidates = []
        if self.is_bound:
            resolution = collectivites.resolve(self.data.get("collectivite", ""))
            self.resolution = resolution
            self.candidates = resolution.candidates
            self.fields["collectivite_choice"].choices = [
                (collectivites.key(c), self._choice_label(c)) for c in resolution.candidates
            ]

    @staticmethod
    def _choice_label(collectivite):
        if hasattr(collectivite, "departement") and collectivite.__class__.__name__ == "Commune":
            return f"{collectivite.name} — {collectivite.departement.name} ({collectivite.code})"
        return f"{collectivite.name} — EPCI ({collectivite.code})"

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_attachments(self):
        return clean_attachment_list(self.cleaned_data.get("attachments"))

    def clean(self):
        data = super().clean()
        if "collectivite" not in data:
            return data
        chosen = data.get("collectivite_choice")
        if chosen:
            collectivite = collectivites.from_key(chosen)
        else:
            collectivite = self.resolution.match
        if collectivite is None:
            if self.candidates:
                self.add_error(
                    "collectivite_choice",
                    _("Plusieurs collectivités correspondent : choisissez la vôtre dans la liste."),
                )
            else:
                self.add_error(
                    "collectivite",
                    _(
                        "Aucune commune ni intercommunalité ne correspond à « %(text)s ». "
                        "Vérifiez l'orthographe ou saisissez le code INSEE."
                    )
                    % {"text": data["collectivite"]},
                )
            return data
        if collectivites.departement_of(collectivite) is None:
            self.add_error("collectivite", _("Cette intercommunalité n'a pas de commune membre connue."))
            return data
        data["collectivite"] = collectivite
        return data


class StatusLookupForm(PublicForm):
    """Both the tracking reference and the requester's email are required, so
    that nobody can list requests by trying references."""

    reference = forms.CharField(
        label=_("Référence de suivi"),
        max_length=30,
        help_text=_("Elle figure dans le courriel d'accusé de réception. Exemple : ING-2026-08-00042"),
        error_messages={"required": _("Indiquez la référence de suivi de la demande.")},
    )
    email = forms.EmailField(
        label=_("Adresse électronique utilisée pour la demande"),
        help_text=_("Format attendu : nom@domaine.fr"),
        error_messages={
            "required": _("Indiquez l'adresse électronique utilisée pour la demande."),
            "invalid": _("L'adresse électronique n'est pas valide. Format attendu : nom@domaine.fr"),
        },
    )

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()
