"""Territorial reference data: the official division of France and its imports."""

from .public_services import FranceServicesStructure, OfficialDataset, SingleDesk
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
    "CommunePostalCode",
    "Departement",
    "FormerCommuneName",
    "FranceServicesStructure",
    "OfficialDataset",
    "SingleDesk",
    "Region",
    "TerritorialDataImport",
]
