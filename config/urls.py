"""URL map: admin, documents, search, sitemap, then Wagtail's page tree last."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls
from wagtailautocomplete.urls.admin import urlpatterns as autocomplete_admin_urls

from home import sitemaps as home_sitemaps
from home import views as home_views
from search import views as search_views

from .sitemaps import SECTIONS as SITEMAP_SECTIONS

urlpatterns = [
    path("admin/autocomplete/", include(autocomplete_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search_views.search, name="search"),
    path("recherche/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    path("communes/", include("territories.urls")),
    path("communes/", include("finder.urls")),
    path("ingenierie/", include("engineering.urls")),
    path("alertes/", include("alerts.urls")),
    path("", include("finder.territory_urls")),  # /intercommunalites/, /departements/
    path("api/v1/", include("api.urls")),
    path("flux/", include("news.urls")),
    path("plan-du-site/", home_views.site_map, name="site_map"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAP_SECTIONS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_xml",
    ),
    path(
        "sitemap-<slug:section>.xml",
        home_sitemaps.section,
        {"sitemaps": SITEMAP_SECTIONS},
        name="sitemap_section",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
