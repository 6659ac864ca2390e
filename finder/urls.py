"""The commune page ("Ma commune"), under the same ``/communes/`` prefix as the
commune search of ``territories``."""

from django.urls import path

from . import views

app_name = "finder"
urlpatterns = [
    path("<str:code>/", views.commune_detail, name="commune"),
]
