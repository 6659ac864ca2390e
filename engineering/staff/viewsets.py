"""The staff screens as Wagtail admin viewsets, the one admin style of the site
(as bakerydemo's ``breads/wagtail_hooks.py`` and our taxonomies): a listing
with ``WagtailFilterSet`` filters, search and spreadsheet export, an inspect
view, and the protocol's actions as the viewset's own views.

Requests are never added, edited or deleted through generic views: a request
comes from the public form, and only the protocol's actions change it, so the
viewset has no add, edit, copy, delete or history views."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import EngineeringRequest
from .consolidation import ConsolidationView
from .filters import RequestFilterSet
from .views import RequestActionView, RequestIndexView, RequestInspectView

#: The generic views of a ``ModelViewSet`` that change objects.
GENERIC_CHANGE_VIEWS = ("add", "edit", "copy", "delete", "history", "usage")


class ReadOnlyViewSetMixin:
    """A ``ModelViewSet`` that lists and inspects, nothing more (bar the views
    named in ``generic_views_kept``): no link to the generic change views, no
    Django permission added to the groups' editor (access comes from a
    permission policy, see ``permissions``), no URL finder to claim the model."""

    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    generic_views_kept = ()

    def get_common_view_kwargs(self, **kwargs):
        removed = {
            f"{name}_url_name": None for name in GENERIC_CHANGE_VIEWS if name not in self.generic_views_kept
        }
        return super().get_common_view_kwargs(**{**removed, **kwargs})

    def get_permissions_to_register(self):
        return Permission.objects.none()

    def register_admin_url_finder(self):
        """No edit view to find."""


class CellColumn(Column):
    """A column drawn by a template of ours (badges, line breaks)."""

    def __init__(self, name, cell_template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = cell_template_name


class EngineeringRequestViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = EngineeringRequest
    name = "ingenierie"
    url_namespace = "engineering_admin"
    icon = "form"
    menu_label = _("Demandes d'ingénierie")
    menu_order = 250
    add_to_admin_menu = True

    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    filterset_class = RequestFilterSet
    search_fields = [
        "title",
        "reference",
        "commune__name",
        "commune__code",
        "epci__name",
        "region__name",
        "other_name",
    ]
    search_backend_name = None  # the database: a request is found the moment it arrives
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "reference",
        CellColumn("title", "engineering/admin/cells/project.html", label=_("Projet")),
        Column(
            "collectivite",
            label=_("Collectivité"),
            accessor=lambda item: f"{item.collectivite_label} — {item.departement_id}",
        ),
        CellColumn("state", "engineering/admin/cells/state.html", label=_("État")),
        DateColumn("created_at", label=_("Reçue le"), sort_key="created_at"),
    ]
    list_export = [
        "reference",
        "title",
        "collectivite_label",
        "departement_id",
        "get_state_display",
        "state_changed_at",
        "past_deadline",
        "created_at",
        "is_sample",
    ]
    export_headings = {
        "reference": _("Référence"),
        "title": _("Projet"),
        "collectivite_label": _("Collectivité"),
        "departement_id": _("Département"),
        "get_state_display": _("État"),
        "state_changed_at": _("Dans cet état depuis"),
        "past_deadline": _("En retard"),
        "created_at": _("Reçue le"),
        "is_sample": _("Exemple"),
    }
    export_filename = "demandes-ingenierie"
    inspect_view_fields = [
        "collectivite",
        "assigned_team",
        "requester_name",
        "requester_role",
        "requester_email",
        "requester_phone",
        "confirmed_at",
        "stage",
        "themes",
        "engineering_kinds",
        "description",
        "attachments",
    ]

    @property
    def action_view(self):
        return self.construct_view(RequestActionView, **self.get_inspect_view_kwargs())

    @property
    def consolidation_view(self):
        return self.construct_view(ConsolidationView, model=self.model)

    def get_urlpatterns(self):
        """The inspect view keeps the address the e-mails already sent point to
        (``/admin/ingenierie/<pk>/``)."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/action/<str:action_name>/", self.action_view, name="act"),
            path("consolidation/", self.consolidation_view, name="consolidation"),
        ]
