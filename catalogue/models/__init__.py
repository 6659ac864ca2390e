"""The content base: what every catalogue page shares, one concept per module."""

from .catalogue_page import CataloguePage, CatalogueStatus
from .eligibility import EligibilityCriteria
from .source import Source
from .taxonomy import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme

__all__ = [
    "BeneficiaryType",
    "CataloguePage",
    "CatalogueStatus",
    "EligibilityCriteria",
    "Partner",
    "PublicPolicy",
    "Source",
    "TerritoryType",
    "Theme",
]
