"""The sections of the sitemap index (``/sitemap.xml``), one per kind of page, each
served as ``/sitemap-<section>.xml`` and split into files of at most 50,000
addresses: the Wagtail pages, the commune pages, the intercommunality pages
(``/intercommunalites/<SIREN>/``) and the département pages (``/departements/<code>/``)."""

from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from finder.sitemaps import CommuneSitemap, DepartementSitemap, GroupementSitemap

SECTIONS = {
    "pages": PageSitemap,
    "communes": CommuneSitemap,
    "intercommunalites": GroupementSitemap,
    "departements": DepartementSitemap,
}
