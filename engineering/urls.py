from django.urls import path

from .public import views

app_name = "engineering"
urlpatterns = [
    path("demande/", views.request_form, name="request"),
    path("demande/envoyee/", views.submitted, name="submitted"),
    path("demande/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("demande/suivi/", views.status, name="status"),
    path(
        "demande/<str:reference>/complements/<str:token>/",
        views.information_reply,
        name="information_reply",
    ),
]
