"""The public request form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import Theme
from home.forms import PublicForm
from territories.models import Departement, Region
from territories.text import collation_key

from ..models import EngineeringKind, EngineeringRequest
from ..protocol.action_forms import MultipleFileField, attachments_field, clean_attachment_list
from ..protocol.inputs import IdMultipleChoiceField
from . import collectivites

COMMUNE_OR_EPCI = "commune_epci"
#: A collectivité d'outre-mer: filed as its own territory (a ``Departement`` row
#: of zone "com" in the reference data), never listed as a région or a département.
OVERSEAS_COLLECTIVITE = "com"
Kind = EngineeringRequest.CollectiviteKind
COLLECTIVITE_KINDS = [
    (COMMUNE_OR_EPCI, _("Une commune ou une intercommunalité (EPCI)")),
    (Kind.DEPARTEMENT, _("Un département")),
    (Kind.REGION, _("Une région")),
    (OVERSEAS_COLLECTIVITE, _("Une collectivité d’outre-mer (Polynésie française, Nouvelle-Calédonie…)")),
    (Kind.OTHER, _("Un autre groupement (syndicat mixte, PETR, pôle métropolitain…)")),
]
#: The fields each kind of collectivité shows, in order; the others stay on the
#: page hidden (``hidden``), are ignored, and keep what was typed in them.
KIND_FIELDS = {
    COMMUNE_OR_EPCI: ["collectivite", "collectivite_choice"],
    Kind.DEPARTEMENT: ["departement"],
    Kind.REGION: ["region", "departement"],
    OVERSEAS_COLLECTIVITE: ["overseas_collectivite"],
    Kind.OTHER: ["other_name", "departement"],
}
#: The submit button that, without JavaScript, shows the fields of the chosen kind.
KIND_STEP = "etape_collectivite"
OWN_LABEL, OWN_HINT = _("Département"), _("Le département qui porte le projet.")
SEAT_LABEL = _("Département du siège")
SEAT_HINT = _("Celui du siège de la collectivité : son délégué territorial recevra la demande.")


class NameOrderedChoices(forms.models.ModelChoiceIterator):
    """Choices in the order a French reader expects, accents ignored
    ("Île-de-France" among the I, not after the Z); the empty choice first."""

    def __iter__(self):
        choices = list(super().__iter__())
        head = choices[:1] if self.field.empty_label is not None else []
        return iter(head + sorted(choices[len(head) :], key=lambda choice: collation_key(str(choice[1]))))


class NameOrderedChoiceField(forms.ModelChoiceField):
    iterator = NameOrderedChoices


def overseas_collectivites():
    """The inhabited collectivités d'outre-mer (the TAAF and Clipperton have no
    population, so no local authority to file)."""
    return (
        Departement.objects.filter(zone="com", communes__population__isnull=False).distinct().order_by("code")
    )


class EngineeringRequestForm(PublicForm):
    """Fields grouped into fieldsets by the template (see ``FIELDSETS``).

    Any collectivité porteuse may file (roadmap II c): a commune or an EPCI found
    in the reference data, a département, a région, a collectivité d'outre-mer,
    or another groupement named in free text. A région or a groupement is routed
    to the délégué of the département of its seat. Only the fields of the chosen
    kind show (``KIND_FIELDS``): without JavaScript, the ``KIND_STEP`` button
    shows them (``kind_step``), JavaScript switches them in place."""

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
            "Nom ou code INSEE de la commune, nom ou numéro SIREN de l'intercommunalité. "
            "Exemple : Charleville-Mézières ou 08105."
        ),
    )
    region = NameOrderedChoiceField(
        label=_("Région"),
        queryset=Region.objects.exclude(zone="com"),
        required=False,
        empty_label=_("Choisissez la région"),
    )
    overseas_collectivite = forms.ModelChoiceField(
        label=_("Collectivité d’outre-mer"),
        queryset=overseas_collectivites(),
        required=False,
        empty_label=_("Choisissez la collectivité"),
    )
    other_name = forms.CharField(
        label=_("Nom du groupement"),
        max_length=200,
        required=False,
        help_text=_("Exemple : PETR du Pays de Langres."),
    )
    departement = forms.ModelChoiceField(
        label=OWN_LABEL,
        queryset=Departement.objects.exclude(zone="com").order_by("code"),
        required=False,
        empty_label=_("Choisissez le département"),
        help_text=OWN_HINT,
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
        widget=forms.TextInput(attrs={"type": "tel"}),
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

    OWN_LABEL, OWN_HINT, SEAT_LABEL, SEAT_HINT = OWN_LABEL, OWN_HINT, SEAT_LABEL, SEAT_HINT

    FIELDSETS = [
        (
            _("Votre collectivité"),
            [
                "collectivite_kind",
                "collectivite",
                "collectivite_choice",
                "region",
                "overseas_collectivite",
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
        self.fields["overseas_collectivite"].label_from_instance = lambda collectivite: collectivite.name
        # RGAA 11.13: the purpose of the fields about the user, for autofill.
        for name, purpose in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = purpose
        self.kind = self._chosen_kind()
        if self.kind in (Kind.REGION, Kind.OTHER):
            self.fields["departement"].label = SEAT_LABEL
            self.fields["departement"].help_text = SEAT_HINT
        self.candidates = []
        if self.is_bound:
            resolution = collectivites.resolve(self.data.get("collectivite", ""))
            self.resolution = resolution
            self.candidates = resolution.candidates
            self.fields["collectivite_choice"].choices = [
                (collectivites.key(c), self._choice_label(c)) for c in resolution.candidates
            ]

    def _chosen_kind(self) -> str:
        source = self.data if self.is_bound else self.initial
        kind = source.get("collectivite_kind") or COMMUNE_OR_EPCI
        return kind if kind in KIND_FIELDS else COMMUNE_OR_EPCI

    @classmethod
    def kind_step(cls, data) -> "EngineeringRequestForm":
        """The form shown again, without errors, with the fields of the kind the
        requester chose and everything typed (files excepted, which a browser
        never sends back); the focus goes to the first field of that kind."""
        initial = {
            name: data.getlist(name)
            if isinstance(field.widget, forms.CheckboxSelectMultiple)
            else data.get(name)
            for name, field in cls.base_fields.items()
            if name in data and not isinstance(field, MultipleFileField)
        }
        form = cls(initial=initial)
        form.fields[KIND_FIELDS[form.kind][0]].widget.attrs["autofocus"] = True
        return form

    def fieldsets(self) -> list:
        """(legend, [(bound field, shown, kinds)]) for the template: the fields of
        the other kinds are rendered hidden, for the script to show."""
        kinds_of = {}
        for kind, names in KIND_FIELDS.items():
            for name in names:
                kinds_of.setdefault(name, []).append(kind)
        return [
            (
                legend,
                [
                    (
                        self[name],
                        name not in kinds_of or self.kind in kinds_of[name],
                        " ".join(kinds_of.get(name, [])),
                    )
                    for name in names
                    if name != "collectivite_choice" or self.candidates
                ],
            )
            for legend, names in self.FIELDSETS
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
        if kind == OVERSEAS_COLLECTIVITE:
            return self._clean_overseas(data)
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

    def _clean_overseas(self, data):
        """A collectivité d'outre-mer files as its own territory: its délégué is
        the State's representative there."""
        collectivite = data.get("overseas_collectivite")
        if collectivite is None:
            self.add_error(
                "overseas_collectivite", _("Choisissez la collectivité d’outre-mer qui porte le projet.")
            )
            return data
        data["collectivite"] = data["departement"] = collectivite
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
