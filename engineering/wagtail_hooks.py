"""Wagtail admin wiring: the staff views, their menu item, the dashboard panel
and the editable workflow data (kinds of engineering, routing rules, deadlines)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EngineeringKind, EngineeringRequest, RoutingRule, StateDeadline
from .protocol.roles import takes_part
from .staff import outbox as outbox_views
from .staff import reporting
from .staff import views as staff_views

admin_urls = (
    [
        path("", staff_views.index, name="index"),
        path("export/", staff_views.export, name="export"),
        path("<int:pk>/", staff_views.detail, name="detail"),
        path("<int:pk>/action/<str:action_name>/", staff_views.act, name="act"),
        path("courriels/", outbox_views.failed_emails, name="failed_emails"),
        path("courriels/<int:pk>/renvoyer/", outbox_views.resend_email, name="resend_email"),
    ],
    "engineering_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ingenierie/", include(admin_urls))]


class RequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return takes_part(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RequestsMenuItem(
        _("Demandes d'ingénierie"), reverse("engineering_admin:index"), icon_name="form", order=250
    )


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_failed_emails_menu_item():
    return AdminOnlyMenuItem(
        _("Courriels non envoyés"), reverse("engineering_admin:failed_emails"), icon_name="mail", order=900
    )


class RequestsDashboardPanel(Component):
    name = "engineering_requests"
    template_name = "engineering/admin/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(reporting.dashboard(EngineeringRequest.objects.visible_to(self.user)))
        return context


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    if takes_part(request.user):
        panels.append(RequestsDashboardPanel(request.user))


class EngineeringKindViewSet(SnippetViewSet):
    model = EngineeringKind
    icon = "tag"
    list_display = ["name", "sort_order"]


class RoutingRuleViewSet(SnippetViewSet):
    model = RoutingRule
    icon = "group"
    list_display = ["departement", "team"]


class StateDeadlineViewSet(SnippetViewSet):
    model = StateDeadline
    icon = "time"
    list_display = ["state", "target_days"]


class EngineeringSettingsGroup(SnippetViewSetGroup):
    menu_label = _("Paramètres de l'ingénierie")
    menu_icon = "cogs"
    menu_order = 260
    items = (EngineeringKindViewSet, RoutingRuleViewSet, StateDeadlineViewSet)


register_snippet(EngineeringSettingsGroup)
