"""The form of the public status page: a requester finds their request again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import PublicForm


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
