"""The France services network as the programme page shows it: how many
structures there are and which ones in each département, read from the
official list loaded in ``territories`` (one query), and the département map
whose equivalent list is the page's list of structures by département."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from territories.maps import MapEntry, departement_map
from territories.models import FranceServicesStructure, OfficialDataset
from territories.text import collation_key


@dataclass
class DepartementGroup:
    departement: object
    structures: list


@dataclass
class FranceServicesNetwork:
    total: int
    groups: list[DepartementGroup]
    dataset: OfficialDataset | None

    def map(self) -> dict:
        entries = [
            MapEntry(
                group.departement.code,
                group.departement.name,
                [{"title": ngettext("%(count)s structure", "%(count)s structures", n) % {"count": n}}],
                count=n,
            )
            for group in self.groups
            for n in [len(group.structures)]
        ]
        return departement_map(
            entries,
            caption=_(
                "Départements comptant au moins une structure France services, colorés selon leur nombre."
            ),
            legend_title=_("Nombre de structures France services par département"),
        )


def france_services_by_departement() -> FranceServicesNetwork:
    structures = sorted(
        FranceServicesStructure.objects.select_related("departement"),
        key=lambda structure: (structure.departement_id, collation_key(structure.name)),
    )
    groups: list[DepartementGroup] = []
    for structure in structures:
        if not groups or groups[-1].departement.pk != structure.departement_id:
            groups.append(DepartementGroup(structure.departement, []))
        groups[-1].structures.append(structure)
    total = sum(len(group.structures) for group in groups)
    return FranceServicesNetwork(total, groups, OfficialDataset.objects.filter(key="france-services").first())
