"""``/api/v1/``: the French documentation page and the exports first, then the
JSON endpoints and their OpenAPI document (``openapi.json``)."""

from django.urls import path

from . import views
from .endpoints import api

urlpatterns = [
    path("docs/", views.docs, name="api_docs"),
    path("", api.urls),
]
