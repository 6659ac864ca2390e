"""The territory pages of the finder: intercommunalities (EPCI and EPT, by
SIREN) and départements (with the collectivités d'outre-mer), and their
indexes (linked from « Ma commune » and from every commune page)."""

from django.urls import path

from . import territory_views as views

app_name = "places"
urlpatterns = [
    path("intercommunalites/", views.groupement_index, name="groupements"),
    path("intercommunalites/<str:siren>/", views.groupement_detail, name="groupement"),
    path("departements/", views.departement_index, name="departements"),
    path("departements/<str:code>/", views.departement_detail, name="departement"),
]
