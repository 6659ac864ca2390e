"""The pacte's admin form: checks that need every inline line at once."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class PacteAdminForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        total = cleaned_data.get("total_amount")
        fundings = self.formsets.get("fundings")
        # A negative total is reported by the field's own validator.
        if total is None or total < 0 or fundings is None or not fundings.is_valid():
            return cleaned_data
        committed = sum(
            (form.cleaned_data.get("amount") or Decimal(0))
            for form in fundings.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        )
        if committed > total:
            self.add_error(
                "total_amount",
                _(
                    "La somme des montants par partenaire (%(sum)s €) dépasse le montant total "
                    "du pacte (%(total)s €). Corrigez le total ou les montants des partenaires."
                )
                % {
                    "sum": number_format(committed, 2, force_grouping=True),
                    "total": number_format(total, 2, force_grouping=True),
                },
            )
        return cleaned_data
