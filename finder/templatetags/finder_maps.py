"""The map of a programme's current beneficiaries (the commune list imported for
it, such as the Action cœur de ville or France Services communes), for the
programme template.

A template tag of the finder rather than a field of the programme page: the
lists are the finder's data (``finder.models.CurrentBeneficiary``), a floor
above the page families, which therefore never import them; the template asks
the service, the page model stays unaware of it.
"""

from django import template
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from territories.maps import MapEntry, departement_map

from ..models import CurrentBeneficiary

register = template.Library()


def beneficiary_entries(page) -> list[MapEntry]:
    counts = (
        CurrentBeneficiary.objects.filter(page_id=page.pk)
        .values("commune__departement_id", "commune__departement__name")
        .annotate(communes=Count("commune"))
        .order_by("commune__departement_id")
    )
    return [
        MapEntry(
            row["commune__departement_id"],
            row["commune__departement__name"],
            [
                {
                    "title": ngettext("%(count)s commune bénéficiaire", "%(count)s communes bénéficiaires", n)
                    % {"count": n}
                }
            ],
        )
        for row in counts
        for n in [row["communes"]]
    ]


@register.inclusion_tag("finder/includes/beneficiary_map.html")
def beneficiary_map(page):
    """Nothing when no list of beneficiaries was imported for ``page``."""
    entries = beneficiary_entries(page)
    if not entries:
        return {"map": None}
    return {
        "map": departement_map(
            entries, caption=_("Départements comptant au moins une commune bénéficiaire.")
        ),
        "map_id": f"beneficiaires-{page.pk}",
    }
