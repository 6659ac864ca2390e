"""Commune lists imported by editors, read by the finder."""

from .lists import CommuneList, CurrentBeneficiary, PerimeterMembership, TerritoryTypeMembership

__all__ = ["CommuneList", "CurrentBeneficiary", "PerimeterMembership", "TerritoryTypeMembership"]
