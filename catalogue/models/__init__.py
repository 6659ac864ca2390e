"""The content base: what every catalogue page shares, one concept per module."""

from . import fact
from .catalogue_page import CataloguePage, CatalogueStatus
from .eligibility import EligibilityCriteria
from .fact import DatePrecision, FactAgePanel, SourcedFact, describe_date
from .source import Source
from .taxonomy import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme

__all__ = [
    "BeneficiaryType",
    "CataloguePage",
    "CatalogueStatus",
    "DatePrecision",
    "EligibilityCriteria",
    "FactAgePanel",
    "Partner",
    "PublicPolicy",
    "Source",
    "SourcedFact",
    "TerritoryType",
    "Theme",
    "describe_date",
    "fact",
]
