"""Catalogue models, one concept per module."""

from .catalogue_page import CataloguePage, CatalogueStatus
from .eligibility import EligibilityCriteria
from .index_page import ProgrammeIndexPage
from .programme_page import (
    AgencySupport,
    ProgrammeContact,
    ProgrammeDocument,
    ProgrammeFaqItem,
    ProgrammeKind,
    ProgrammePage,
    RelatedProgramme,
)
from .taxonomy import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme

__all__ = [
    "AgencySupport",
    "BeneficiaryType",
    "CataloguePage",
    "CatalogueStatus",
    "EligibilityCriteria",
    "Partner",
    "ProgrammeContact",
    "ProgrammeDocument",
    "ProgrammeFaqItem",
    "ProgrammeIndexPage",
    "ProgrammeKind",
    "ProgrammePage",
    "PublicPolicy",
    "RelatedProgramme",
    "TerritoryType",
    "Theme",
]
