"""``/alertes/``: subscribe, confirm, unsubscribe, manage. Links carry signed
tokens whose shape the patterns check, so nothing else reaches a view."""

from django.urls import path, re_path

from . import views
from .tokens import TOKEN_PATTERN

app_name = "alerts"
urlpatterns = [
    path("abonnement/", views.subscribe, name="subscribe"),
    path("abonnement/demande/", views.requested, name="requested"),
    re_path(rf"^confirmer/(?P<token>{TOKEN_PATTERN})/$", views.confirm, name="confirm"),
    re_path(rf"^desabonnement/(?P<token>{TOKEN_PATTERN})/$", views.unsubscribe, name="unsubscribe"),
    re_path(rf"^gerer/(?P<token>{TOKEN_PATTERN})/$", views.manage, name="manage"),
]
