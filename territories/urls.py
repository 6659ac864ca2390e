from django.urls import path

from . import views

app_name = "territories"
urlpatterns = [
    path("", views.commune_search, name="search"),
    path("autocomplete/", views.commune_autocomplete, name="autocomplete"),
    path("donnees/", views.data_sources, name="data"),
    path("carte/departements.svg", views.departement_map, name="departement_map"),
]
