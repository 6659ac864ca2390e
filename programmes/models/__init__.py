"""Catalogue models, one concept per module."""

from .eligibility import EligibilityCriteria
from .taxonomy import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme

__all__ = [
    "BeneficiaryType",
    "EligibilityCriteria",
    "Partner",
    "PublicPolicy",
    "TerritoryType",
    "Theme",
]
