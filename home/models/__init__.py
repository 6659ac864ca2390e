"""Page and settings models of the site shell, one concept per module."""

from .base_page import BasePage, ListingMixin
from .home_page import HomeEntryPoint, HomePage
from .site_settings import FooterSettings
from .standard_page import StandardPage

__all__ = [
    "BasePage",
    "FooterSettings",
    "HomeEntryPoint",
    "HomePage",
    "ListingMixin",
    "StandardPage",
]
