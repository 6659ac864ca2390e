"""The commune pages ("Ma commune") as a section of the sitemap index
(``config/sitemaps.py``): what a mayor searching the web for their town should find.

Every current commune has a page (about 35,000), so the section is split by
Django's sitemap paginator into files of at most ``limit`` addresses, well under the
protocol's 50,000 addresses and 50 MB per file. Its addresses start like the Wagtail
pages' (the Wagtail site's root URL), so the whole index speaks of one host.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from territories.models import EPCI, EPT, Commune, Departement, OfficialDataset, TerritorialDataImport

from .eligibility import eligibility_page_models
from .models import CommuneList


def commune_pages_lastmod():
    """When the commune pages last changed, as one date for all of them: what they
    show comes from the territorial reference data, the official lists (France
    services, single desks, programme beneficiaries) and the catalogue pages whose
    verdicts they give, so the latest import or publication of any of these."""
    dates = [
        TerritorialDataImport.objects.aggregate(latest=Max("imported_at"))["latest"],
        OfficialDataset.objects.aggregate(latest=Max("imported_at"))["latest"],
        CommuneList.objects.aggregate(latest=Max("imported_at"))["latest"],
        *(
            model.objects.live().public().aggregate(latest=Max("last_published_at"))["latest"]
            for model in eligibility_page_models()
        ),
    ]
    return max((date for date in dates if date is not None), default=None)


class SiteRootSitemap(WagtailSitemap):
    """A section of objects that are not pages, whose addresses start with the
    Wagtail site's root URL (scheme, host and port) as the page section's do,
    rather than with the host the sitemap happened to be asked on. A subclass of
    Wagtail's sitemap only to be given the request (``wagtail.contrib.sitemaps.views``);
    the listing itself is Django's."""

    def get_urls(self, page=1, site=None, protocol=None):
        scheme, _sep, domain = self.get_wagtail_site().root_url.partition("://")
        return Sitemap._urls(self, page, scheme, domain)


class CommuneSitemap(SiteRootSitemap):
    """Every commune page, by INSEE code; one ``lastmod`` for all (computed once,
    so the index does not ask it of 35,000 communes)."""

    limit = 10_000

    def __init__(self, request=None):
        super().__init__(request)
        self.lastmod = commune_pages_lastmod()
        # "/communes/<code>/": reversed once, not once per commune.
        self.prefix = reverse("finder:commune", args=["00000"]).removesuffix("00000/")

    def items(self):
        return Commune.objects.order_by("code").values_list("code", flat=True)

    def location(self, code):
        return f"{self.prefix}{code}/"


class _TerritorySitemap(SiteRootSitemap):
    """A section of territory pages, by code, with the commune pages' ``lastmod``:
    they show the same answers, from the same data, summed over their communes."""

    url_name = ""

    def __init__(self, request=None):
        super().__init__(request)
        self.lastmod = commune_pages_lastmod()
        self.prefix = reverse(self.url_name, args=["0"]).removesuffix("0/")

    def location(self, code):
        return f"{self.prefix}{code}/"


class GroupementSitemap(_TerritorySitemap):
    """Every intercommunality page (EPCI and EPT), by SIREN."""

    url_name = "places:groupement"

    def items(self):
        return sorted([*EPCI.objects.values_list("pk", flat=True), *EPT.objects.values_list("pk", flat=True)])


class DepartementSitemap(_TerritorySitemap):
    """Every département page, the collectivités d'outre-mer included."""

    url_name = "places:departement"

    def items(self):
        return list(Departement.objects.order_by("code").values_list("code", flat=True))
