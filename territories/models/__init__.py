"""Territorial reference data and the commune lists imported by editors."""

from .lists import CommuneList, CurrentBeneficiary, TerritoryTypeMembership
from .reference import (
    EPCI,
    Arrondissement,
    Commune,
    CommunePostalCode,
    Departement,
    FormerCommuneName,
    Region,
    TerritorialDataImport,
)

__all__ = [
    "EPCI",
    "Arrondissement",
    "Commune",
    "CommuneList",
    "CommunePostalCode",
    "CurrentBeneficiary",
    "Departement",
    "FormerCommuneName",
    "Region",
    "TerritorialDataImport",
    "TerritoryTypeMembership",
]
