"""The map of a programme's communes, for the programme template: its current
beneficiaries when a list was imported for the page, otherwise the communes of
the official lists its criteria name (the Action cœur de ville programme names
the territory type whose members are the agency's list of ACV communes).

A template tag of the finder rather than a field of the programme page: the
lists are the finder's data (``finder.models.CurrentBeneficiary``), a floor
above the page families, which therefore never import them; the template asks
the service, the page model stays unaware of it.
"""

from django import template
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import TerritoryType
from territories.maps import MapEntry, departement_map
from territories.models import DatasetMembership, OfficialDataset

from ..models import CommuneList, CurrentBeneficiary, TerritoryTypeMembership

#: Above this many communes, a département lists its count, not every commune.
MAX_LISTED_COMMUNES = 400

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
            count=n,
        )
        for row in counts
        for n in [row["communes"]]
    ]


def listed_communes_entries(lists: list[CommuneList], datasets=()) -> list[MapEntry]:
    """The communes of the imported territory-type ``lists`` and of the official
    selection ``datasets``, by département, each linked to its commune page (one
    query); counted per département when there are too many to list."""
    fields = ("commune_id", "commune__name", "commune__departement_id", "commune__departement__name")
    if datasets:
        members = DatasetMembership.objects.filter(dataset__in=datasets)
    else:
        members = TerritoryTypeMembership.objects.filter(territory_type__commune_list__in=lists)
    # search_name is the folded name: the communes sort as a French reader expects.
    members = members.values(*fields).distinct().order_by("commune__departement_id", "commune__search_name")
    if datasets and members.count() > MAX_LISTED_COMMUNES:
        return counted_entries(members)
    entries: list[MapEntry] = []
    for row in members:
        if not entries or entries[-1].code != row["commune__departement_id"]:
            entries.append(MapEntry(row["commune__departement_id"], row["commune__departement__name"]))
        entries[-1].items.append(
            {"title": row["commune__name"], "url": reverse("finder:commune", args=[row["commune_id"]])}
        )
    for entry in entries:
        entry.count = len(entry.items)
    return entries


def counted_entries(members) -> list[MapEntry]:
    counts = (
        members.values("commune__departement_id", "commune__departement__name")
        .annotate(communes=Count("commune", distinct=True))
        .order_by("commune__departement_id")
    )
    return [
        MapEntry(
            row["commune__departement_id"],
            row["commune__departement__name"],
            [{"title": ngettext("%(count)s commune", "%(count)s communes", n) % {"count": n}}],
            count=n,
        )
        for row in counts
        for n in [row["communes"]]
    ]


def selection_datasets(page) -> list[OfficialDataset]:
    """The official lists of the selection programmes ``page``'s criteria name."""
    keys = [
        t.dataset_id
        for t in page.eligible_territory_types.all()
        if t.dataset_id and t.question == TerritoryType.Question.SELECTION
    ]
    return list(OfficialDataset.objects.filter(key__in=keys).order_by("title")) if keys else []


def territory_lists(page) -> list[CommuneList]:
    """The imported lists of the territory types ``page``'s criteria name."""
    return list(
        CommuneList.objects.filter(territory_type__in=page.eligible_territory_types.all())
        .select_related("territory_type", "dataset")
        .order_by("territory_type__name")
    )


@register.inclusion_tag("finder/includes/beneficiary_map.html")
def beneficiary_map(page):
    """Nothing when neither a list of beneficiaries nor a list named by the
    criteria was imported for ``page``."""
    entries = beneficiary_entries(page)
    if entries:
        return {
            "map": departement_map(
                entries,
                caption=_(
                    "Départements comptant au moins une commune bénéficiaire, colorés selon leur nombre."
                ),
                legend_title=_("Nombre de communes bénéficiaires par département"),
            ),
            "map_id": f"beneficiaires-{page.pk}",
        }
    datasets = selection_datasets(page)
    lists = [] if datasets else territory_lists(page)
    entries = listed_communes_entries(lists, datasets) if (lists or datasets) else []
    if not entries:
        return {"map": None}
    if datasets:
        names = ", ".join(f"« {dataset.name} »" for dataset in datasets)
    else:
        names = ", ".join(f"« {commune_list.territory_type.name} »" for commune_list in lists)
    caption = ngettext(
        "Départements comptant au moins une commune de la liste %(names)s, colorés selon leur nombre.",
        "Départements comptant au moins une commune des listes %(names)s, colorés selon leur nombre.",
        len(datasets or lists),
    ) % {"names": names}
    return {
        "map": departement_map(
            entries, caption=caption, legend_title=_("Nombre de communes de la liste par département")
        ),
        "map_id": f"communes-{page.pk}",
        "title": _("Les communes du programme sur la carte"),
        "sources": datasets or [commune_list.dataset for commune_list in lists if commune_list.dataset],
    }
