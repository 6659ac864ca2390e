"""Wagtail admin wiring: the permission policies and viewsets of the staff
screens (``staff/``), the dashboard panel, and the editable workflow data
(kinds of engineering, routing rules, deadlines) as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EngineeringKind, EngineeringRequest, Notification, RoutingRule, StateDeadline
from .protocol.roles import takes_part
from .staff import reporting
from .staff.outbox import UnsentEmailViewSet
from .staff.permissions import AdministratorsOnlyPolicy, ProtocolRolesPolicy
from .staff.teams import TeamViewSet
from .staff.viewsets import EngineeringRequestViewSet

# Before the viewsets are registered: they ask the registry for their model's policy.
register_permission_policy(EngineeringRequest, ProtocolRolesPolicy(EngineeringRequest))
register_permission_policy(Notification, AdministratorsOnlyPolicy(Notification))


@hooks.register("register_admin_viewset")
def register_staff_viewsets():
    return [EngineeringRequestViewSet(), UnsentEmailViewSet(), TeamViewSet()]


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
