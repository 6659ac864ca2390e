"""Territorial reference data: the official division of France and its imports."""

from .datasets import DatasetMembership, OfficialDataset
from .public_services import FranceServicesStructure, SingleDesk
from .reference import (
    EPCI,
    EPT,
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
    "EPT",
    "DatasetMembership",
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
