"""Admin entry for the commune list import (zonings and current beneficiaries)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import CommuneListImportView, user_can_import


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


@hooks.register("register_admin_urls")
def register_commune_list_urls():
    return [
        path(
            "communes/listes/importer/",
            CommuneListImportView.as_view(),
            name="finder_commune_list_import",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_commune_list_menu_item():
    return StaffMenuItem(
        _("Listes de communes"), reverse("finder_commune_list_import"), icon_name="list-ul", order=450
    )
