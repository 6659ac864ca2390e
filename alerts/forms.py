"""The subscription form and the frequency choice of the manage page, with
French messages for every bad input."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import targets
from .models import Subscription

CONSENT_TEXT = _(
    "J’accepte que mon adresse électronique soit utilisée pour m’envoyer les nouveautés du site pour "
    "ce territoire ou ce programme, et conservée tant que je reste abonné ; je peux me désabonner à "
    "tout moment par le lien de chaque courriel."
)


class SubscriptionForm(forms.Form):
    target = forms.CharField(widget=forms.HiddenInput, max_length=40)
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Format attendu : nom@domaine.fr"),
        max_length=254,
        error_messages={
            "required": _("Indiquez votre adresse électronique."),
            "invalid": _("Saisissez une adresse électronique valide, par exemple nom@domaine.fr."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("Fréquence"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez une fréquence."),
            "invalid_choice": _("Choisissez une fréquence."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Cochez la case pour donner votre accord : sans lui, rien n’est envoyé.")
        },
    )

    def clean_target(self):
        target = targets.parse(self.cleaned_data["target"])
        if target is None:
            raise forms.ValidationError(
                gettext(
                    "Ce territoire ou ce programme n’existe pas (ou plus) sur le site : rien n’a été enregistré."
                )
            )
        return target

    def clean_email(self):
        email = self.cleaned_data["email"]
        if "\x00" in email:
            raise forms.ValidationError(self.fields["email"].error_messages["invalid"])
        return email.strip().lower()


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Fréquence"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez une fréquence."),
            "invalid_choice": _("Choisissez une fréquence."),
        },
    )
