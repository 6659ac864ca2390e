from django.urls import path, re_path

from .public import views
from .staff import files as staff_files
from .staff.views import attachment

app_name = "engineering"
urlpatterns = [
    path("demande/", views.request_form, name="request"),
    path("demande/envoyee/", views.submitted, name="submitted"),
    # Tokens are URL-safe base64 (secrets.token_urlsafe): anything else never reaches the
    # database (a NUL byte would make PostgreSQL raise), it is simply not found.
    re_path(r"^demande/confirmer/(?P<token>[-_A-Za-z0-9]{1,64})/$", views.confirm, name="confirm"),
    path("demande/suivi/", views.status, name="status"),
    # Attachments for the staff, outside the admin's URL space so that an anonymous
    # visitor gets a 404 like a staff member of another département (no login redirect
    # that would confirm the file exists).
    path("piece-jointe/<int:pk>/<int:attachment_pk>/", attachment, name="attachment"),
    path("convention/<int:pk>/", staff_files.convention, name="convention"),
    re_path(
        r"^demande/(?P<reference>[-A-Za-z0-9]{1,40})/complements/(?P<token>[^/\x00-\x1f\x7f]{1,300})/$",
        views.information_reply,
        name="information_reply",
    ),
]
