"""Commune lists imported by editors, read by the finder."""

from .lists import CommuneList, CurrentBeneficiary, TerritoryTypeMembership

__all__ = ["CommuneList", "CurrentBeneficiary", "TerritoryTypeMembership"]
