"""The France services network as the programme page shows it: how many
structures there are and which ones in each département, read from the
official list loaded in ``territories`` (one query)."""

from dataclasses import dataclass

from territories.models import FranceServicesStructure, OfficialDataset


@dataclass
class DepartementGroup:
    departement: object
    structures: list


@dataclass
class FranceServicesNetwork:
    total: int
    groups: list[DepartementGroup]
    dataset: OfficialDataset | None


def france_services_by_departement() -> FranceServicesNetwork:
    structures = FranceServicesStructure.objects.select_related("departement").order_by(
        "departement_id", "name"
    )
    groups: list[DepartementGroup] = []
    for structure in structures:
        if not groups or groups[-1].departement.pk != structure.departement_id:
            groups.append(DepartementGroup(structure.departement, []))
        groups[-1].structures.append(structure)
    total = sum(len(group.structures) for group in groups)
    return FranceServicesNetwork(total, groups, OfficialDataset.objects.filter(key="france-services").first())
