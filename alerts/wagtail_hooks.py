"""The staff's view of the alerts, under Rapports: counts only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import alert_counts


@hooks.register("register_admin_urls")
def register_alert_counts_url():
    return [path("alertes/", alert_counts, name="alerts_counts")]


@hooks.register("register_reports_menu_item")
def register_alert_counts_menu_item():
    return MenuItem(_("Alertes par courriel"), reverse("alerts_counts"), icon_name="mail", order=900)
