"""The sections of the sitemap index (``/sitemap.xml``), one per kind of page, each
served as ``/sitemap-<section>.xml`` and split into files of at most 50,000
addresses. Territory pages to come (``/intercommunalites/<SIREN>/``,
``/departements/<code>/``) add their section here."""

from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from finder.sitemaps import CommuneSitemap

SECTIONS = {
    "pages": PageSitemap,
    "communes": CommuneSitemap,
}
