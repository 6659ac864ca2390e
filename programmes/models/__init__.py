"""Catalogue models, one concept per module."""

from .catalogue_page import CataloguePage, CatalogueStatus
from .eligibility import EligibilityCriteria
from .taxonomy import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme

__all__ = [
    "BeneficiaryType",
    "CataloguePage",
    "CatalogueStatus",
    "EligibilityCriteria",
    "Partner",
    "PublicPolicy",
    "TerritoryType",
    "Theme",
]
