"""``/api/v1/``: the French documentation page and the exports first, then the
JSON endpoints and their OpenAPI document (``openapi.json``)."""

from django.urls import path, re_path

from . import exports, views
from .endpoints import api

urlpatterns = [
    path("docs/", views.docs, name="api_docs"),
    re_path(r"^exports/(?P<family>[a-z]+)\.(?P<fmt>csv|xlsx)$", exports.catalogue_export, name="api_export"),
    re_path(
        r"^communes/(?P<code>[^/]+)/evaluation\.(?P<fmt>csv|xlsx)$",
        exports.commune_export,
        name="api_commune_export",
    ),
    re_path(
        r"^(?P<kind>intercommunalites|departements)/(?P<code>[^/]+)/(?P<table>programmes|communes)\.(?P<fmt>csv|xlsx)$",
        exports.territory_export,
        name="api_territory_export",
    ),
    path("", api.urls),
]
