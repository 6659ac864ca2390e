"""A multiple-choice model field stored as a JSON list.

Used for small closed vocabularies (what the agency provides) that editors tick
in the admin: a JSON list works on SQLite and PostgreSQL alike, unlike an
``ArrayField``, and needs no table of its own.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    def __init__(self, *args, choices=None, **kwargs):
        self.multiple_choices = list(choices or [])
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.multiple_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.multiple_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(_("Valeur inconnue : %(values)s."), params={"values": ", ".join(unknown)})

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.multiple_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            coerce=str,
        )

    def labels(self, value) -> list[str]:
        """The labels of ``value`` in the vocabulary's order."""
        chosen = set(value or [])
        return [str(label) for key, label in self.multiple_choices if key in chosen]
