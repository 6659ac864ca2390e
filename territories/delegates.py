"""Who represents the agency in a territory, and where to go nearby: the
délégué territorial is the représentant de l'État in the département (the
préfet); the agency's single desk (préfecture, sous-préfecture or DDT) and the
France services structures come from the official lists the agency publishes.
No address is invented: without a row, nothing is shown.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Departement, FranceServicesStructure, SingleDesk
from .text import collation_key

# Collectivités d'outre-mer where the State's representative is not a préfet
# of that territory alone.
_OVERSEAS_OFFICES = {
    "977": "Préfecture de Saint-Barthélemy et de Saint-Martin",
    "978": "Préfecture de Saint-Barthélemy et de Saint-Martin",
    "986": "Administration supérieure des îles Wallis et Futuna",
    "987": "Haut-commissariat de la République en Polynésie française",
    "988": "Haut-commissariat de la République en Nouvelle-Calédonie",
    "989": "Haut-commissariat de la République en Polynésie française",
}


@dataclass
class Delegate:
    office: str  # "Préfecture des Ardennes"
    role: str  # what the office does for the agency
    desks: list = field(default_factory=list)  # SingleDesk rows, the agency's single desk(s)


def delegate_for(departement: Departement) -> Delegate:
    """The délégué territorial of the agency for ``departement``."""
    office = _OVERSEAS_OFFICES.get(departement.code) or _("Préfecture %(de_name)s") % {
        "de_name": departement.name_with_de
    }
    desks = list(SingleDesk.objects.filter(departement=departement).select_related("dataset"))
    return Delegate(
        office=office,
        desks=desks,
        role=_(
            "Le représentant de l’État y est le délégué territorial de l’agence : il reçoit les "
            "demandes d’appui en ingénierie des collectivités. Lorsqu’une demande trouve une réponse "
            "locale, il désigne un interlocuteur unique chargé du suivi du projet ; lorsque le projet "
            "nécessite un appui national, il sollicite l’agence."
        ),
    )


#: Structures a commune page describes in full (address, phone, e-mail, hours): the
#: Métropole du Grand Paris holds 80, Marseille 13 of its own. Beyond them, those of
#: the commune are named with their address, the others left to the intercommunality's
#: or the département's page, so that the page stays light.
NEARBY_SHOWN = 5


@dataclass
class NearbyFranceServices:
    scope: str  # "commune", "epci" or "departement": where the structures were found
    structures: list

    @property
    def nearest(self) -> list:
        """The structures described in full, the closest first."""
        return self.structures[:NEARBY_SHOWN]

    @property
    def others_in_commune(self) -> list:
        """The commune's own structures beyond ``nearest``: named with their address."""
        return self.structures[NEARBY_SHOWN:] if self.scope == "commune" else []

    @property
    def more(self) -> int:
        """How many structures of the level the commune page does not describe in full."""
        return len(self.structures) - len(self.nearest)


def _closeness(structure, commune) -> tuple:
    """The list gives no coordinates: a structure of the commune's territoire
    (EPT) comes first, then one of its arrondissement, then the others, by name."""
    place = structure.commune
    return (
        not (commune.ept_id and place.ept_id == commune.ept_id),
        not (commune.arrondissement_id and place.arrondissement_id == commune.arrondissement_id),
        collation_key(structure.name),
    )


def france_services_near(commune) -> NearbyFranceServices:
    """The France services of the commune, else of its EPCI, else of its
    département: the nearest level that has at least one, in one query per level;
    within a level, those of the commune's EPT, then of its arrondissement, first."""
    base = FranceServicesStructure.objects.select_related("commune", "dataset")
    levels = [("commune", {"commune": commune})]
    if commune.epci_id:
        levels.append(("epci", {"commune__epci_id": commune.epci_id}))
    levels.append(("departement", {"departement_id": commune.departement_id}))
    for scope, where in levels:
        structures = sorted(base.filter(**where), key=lambda structure: _closeness(structure, commune))
        if structures:
            return NearbyFranceServices(scope, structures)
    return NearbyFranceServices("departement", [])


def france_services_of_groupement(siren: str, departements) -> NearbyFranceServices:
    """The France services of an intercommunality's communes (EPCI or EPT), else
    of its départements."""
    base = FranceServicesStructure.objects.select_related("commune", "dataset").order_by("name")
    structures = list(base.filter(Q(commune__epci_id=siren) | Q(commune__ept_id=siren)))
    if structures:
        return NearbyFranceServices("epci", structures)
    codes = [departement.pk for departement in departements]
    return NearbyFranceServices("departement", list(base.filter(departement_id__in=codes)))


def france_services_of_departement(code: str) -> NearbyFranceServices:
    structures = FranceServicesStructure.objects.select_related("commune", "dataset").order_by("name")
    return NearbyFranceServices("departement", list(structures.filter(departement_id=code)))
