"""The public request form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import Theme
from home.forms import PublicForm
from territories.models import Departement, Region

from ..models import EngineeringKind, EngineeringRequest
from ..protocol.action_forms import MultipleFileField, attachments_field, clean_attachment_list
from ..protocol.inputs import IdMultipleChoiceField
from . import collectivites

COMMUNE_OR_EPCI = "commune_epci"
Kind = EngineeringRequest.CollectiviteKind
COLLECTIVITE_KINDS = [
    (COMMUNE_OR_EPCI, _("Une commune ou une intercommunalité (EPCI)")),
    (Kind.DEPARTEMENT, _("Un département")),
    (Kind.REGION, _("Une région")),
    (Kind.OTHER, _("Un autre groupement (syndicat mixte, PETR, pôle métropolitain…)")),
]


class EngineeringRequestForm(PublicForm):
    """Fields grouped into fieldsets by the template (see ``FIELDSETS``).

    Any collectivité porteuse may file (roadmap II c): a commune or an EPCI found
    in the reference data, a département, a région, or another groupement named
    in free text. A région or a groupement is routed to the délégué of the
    département of its seat. The fields of the other kinds stay on the page (the
    form works without JavaScript) and are ignored."""

    collectivite_kind = forms.ChoiceField(
        label=_("Qui porte le projet ?"),
        choices=COLLECTIVITE_KINDS,
        widget=forms.RadioSelect,
        required=False,
        initial=COMMUNE_OR_EPCI,
        help_text=_("Sans réponse, la demande est celle d'une commune ou d'une intercommunalité."),
    )
    collectivite = forms.CharField(
        label=_("Commune ou intercommunalité (EPCI)"),
        max_length=200,
        required=False,
        help_text=_(
            "Pour une commune ou une intercommunalité. Nom ou code INSEE de la commune, nom ou numéro "
            "SIREN de l'intercommunalité. Exemple : Charleville-Mézières ou 08105."
        ),
    )
    region = forms.ModelChoiceField(
        label=_("Région"),
        queryset=Region.objects.order_by("name"),
        required=False,
        help_text=_("Pour une région."),
    )
    other_name = forms.CharField(
        label=_("Nom du groupement"),
        max_length=200,
        required=False,
        help_text=_("Pour un autre groupement. Exemple : PETR du Pays de Langres."),
    )
    departement = forms.ModelChoiceField(
        label=_("Département"),
        queryset=Departement.objects.order_by("code"),
        required=False,
        help_text=_(
            "Pour un département : le département lui-même. Pour une région ou un autre groupement : "
            "le département de son siège, dont le délégué territorial recevra la demande."
        ),
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
    themes = IdMultipleChoiceField(
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
    engineering_kinds = IdMultipleChoiceField(
        label=_("Ingénierie recherchée"),
        queryset=EngineeringKind.objects.filter(is_offered=True),
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
        (
            _("Votre collectivité"),
            [
                "collectivite_kind",
                "collectivite",
                "collectivite_choice",
                "region",
                "other_name",
                "departement",
            ],
        ),
        (_("Vous"), ["requester_name", "requester_role", "requester_email", "requester_phone"]),
        (_("Votre projet"), ["title", "description", "themes", "stage", "engineering_kinds"]),
        (_("Documents"), ["attachments"]),
        (_("Traitement des données"), ["consent"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limits come from the settings at run time. The DSFR base form has
        # already built (and cached) the bound field of the declared one, which
        # copied its help text: drop it, so the limits are stated by the input.
        self.fields["attachments"] = attachments_field()
        self._bound_fields_cache.pop("attachments", None)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["engineering_kinds"].label_from_instance = kind_label
        # RGAA 11.13: the purpose of the fields about the user, for autofill.
        for name, purpose in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = purpose
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
        kind = data.get("collectivite_kind") or COMMUNE_OR_EPCI
        data["collectivite_kind"] = kind
        if kind == COMMUNE_OR_EPCI:
            return self._clean_commune_or_epci(data)
        departement = data.get("departement")
        if departement is None:
            self.add_error("departement", _("Choisissez le département."))
        if kind == Kind.REGION:
            region = data.get("region")
            if region is None:
                self.add_error("region", _("Choisissez la région qui porte le projet."))
            elif departement is not None and departement.region_id != region.pk:
                self.add_error(
                    "departement",
                    _("Le département du siège doit appartenir à la région %(region)s.")
                    % {"region": region.name},
                )
            data["collectivite"] = region
        elif kind == Kind.OTHER:
            if not data.get("other_name", "").strip():
                self.add_error("other_name", _("Indiquez le nom du groupement qui porte le projet."))
            data["collectivite"] = data.get("other_name", "").strip()
        else:
            data["collectivite"] = departement
        return data

    def _clean_commune_or_epci(self, data):
        """The typed commune or EPCI, resolved in the reference data."""
        if not data.get("collectivite"):
            if "collectivite" not in self.errors:
                self.add_error(
                    "collectivite", _("Indiquez la commune ou l'intercommunalité qui porte le projet.")
                )
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
        data["departement"] = collectivites.departement_of(collectivite)
        return data


def kind_label(kind) -> str:
    return f"{kind.name} : {kind.description}" if kind.description else kind.name


#: Autofill purposes of the requester's fields (WCAG 1.3.5, RGAA 11.13).
AUTOCOMPLETE = {
    "requester_name": "name",
    "requester_email": "email",
    "requester_phone": "tel",
}


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
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Format attendu : nom@domaine.fr"),
        error_messages={
            "required": _("Indiquez l'adresse électronique utilisée pour la demande."),
            "invalid": _("L'adresse électronique n'est pas valide. Format attendu : nom@domaine.fr"),
        },
    )

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()
