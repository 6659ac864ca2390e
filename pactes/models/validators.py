"""Validators shared by the pacte models, with the messages editors read."""

from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

non_negative_amount = MinValueValidator(0, message=_("Le montant ne peut pas être négatif."))
