"""The filter form of the programme index: GET parameters with readable values
(slugs and codes), so a filtered list is a shareable URL and works without
JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import BeneficiaryType, CatalogueStatus, PublicPolicy, Theme
from home.forms import PublicForm

from .models.programme_page import ProgrammeKind

ALL = [("", _("Toutes"))]
ALL_M = [("", _("Tous"))]


class ProgrammeFilterForm(PublicForm):
    thematique = forms.ModelChoiceField(
        Theme.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Thématique"),
        empty_label=_("Toutes"),
    )
    politique = forms.ChoiceField(label=_("Politique publique"), required=False)
    modalite = forms.ChoiceField(
        label=_("Modalité d’intervention"),
        required=False,
        choices=ALL + ProgrammeKind.choices,
    )
    statut = forms.ChoiceField(label=_("Statut"), required=False, choices=ALL_M + CatalogueStatus.choices)
    beneficiaire = forms.ModelChoiceField(
        BeneficiaryType.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Bénéficiaires"),
        empty_label=_("Tous"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Policies grouped under their thématique, from one query.
        groups: dict[str, list] = {}
        for policy in PublicPolicy.objects.select_related("theme"):
            groups.setdefault(policy.theme.name, []).append((policy.slug, policy.name))
        self.fields["politique"].choices = ALL + list(groups.items())

    def filter(self, queryset):
        """``queryset`` narrowed by every valid filled field; invalid values are
        ignored (the form shows their error)."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("thematique"):
            queryset = queryset.filter(theme=data["thematique"])
        if data.get("politique"):
            queryset = queryset.filter(public_policy__slug=data["politique"])
        if data.get("modalite"):
            queryset = queryset.filter(kind=data["modalite"])
        if data.get("statut"):
            queryset = queryset.filter(status=data["statut"])
        if data.get("beneficiaire"):
            queryset = queryset.filter(eligible_beneficiary_types=data["beneficiaire"])
        return queryset

    def unstated(self, programmes) -> list[tuple[str, int]]:
        """For each active filter on a field a programme may leave empty, how many
        of ``programmes`` (the unfiltered list) do not state it: they cannot match,
        and the reader must know they exist ("28 programmes ne précisent pas…")."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        checks = {
            "thematique": lambda page: page.theme_id is None,
            "politique": lambda page: page.public_policy_id is None,
            "beneficiaire": lambda page: not page.eligible_beneficiary_types.all(),
        }
        return [
            (name, sum(1 for page in programmes if missing(page)))
            for name, missing in checks.items()
            if data.get(name)
        ]

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
