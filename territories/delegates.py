"""Who represents the agency in a territory: the délégué territorial is the
représentant de l'État in the département (the préfet), reached through the
préfecture. Derived from the reference data only; no address is invented.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Departement

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


def delegate_for(departement: Departement) -> Delegate:
    """The délégué territorial of the agency for ``departement``."""
    office = _OVERSEAS_OFFICES.get(departement.code) or _("Préfecture %(de_name)s") % {
        "de_name": departement.name_with_de
    }
    return Delegate(
        office=office,
        role=_(
            "Le représentant de l'État y est le délégué territorial de l'agence : il reçoit les "
            "demandes d'appui en ingénierie des collectivités. Lorsqu'une demande trouve une réponse "
            "locale, il désigne un interlocuteur unique chargé du suivi du projet ; lorsque le projet "
            "nécessite un appui national, il sollicite l'agence."
        ),
    )
