from django.urls import path

from .public import views
from .staff import views as staff_views

app_name = "engineering"
urlpatterns = [
    path("demande/", views.request_form, name="request"),
    path("demande/envoyee/", views.submitted, name="submitted"),
    path("demande/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("demande/suivi/", views.status, name="status"),
    # Attachments for the staff, outside the admin's URL space so that an anonymous
    # visitor gets a 404 like a staff member of another département (no login redirect
    # that would confirm the file exists).
    path("piece-jointe/<int:pk>/<int:attachment_pk>/", staff_views.attachment, name="attachment"),
    path(
        "demande/<str:reference>/complements/<str:token>/",
        views.information_reply,
        name="information_reply",
    ),
]
