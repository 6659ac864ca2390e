"""The protocol's groups in the admin: the agency's national support, the
project committee and each département's team (created by ``manage.py
setup_site``), with who is in them and whether anyone can be e-mailed.
An administrator adds a person to a team here, with no shell: the edit view
is a list of the active users to tick.

A viewset of its own on ``auth.Group`` beside Wagtail's "Groupes" screen:
that one edits permissions, this one members, which Wagtail's screen does not
show. Access is Wagtail's own policy for groups (``auth.change_group``)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import RoutingRule
from ..protocol.roles import NATIONAL_GROUPS
from .viewsets import ReadOnlyViewSetMixin

ACTIVE = Q(user__is_active=True)
REACHABLE = ACTIVE & ~Q(user__email="")


def protocol_groups():
    """The groups that hold a role, with their members counted and the
    départements of each team, in two queries. A team's routing rules are
    tested by a subquery: joined, they multiplied the rows to count by the
    number of départements (half a second for a search on the list)."""
    rules = RoutingRule.objects.select_related("departement").order_by("departement")
    routes = Exists(RoutingRule.objects.filter(team=OuterRef("pk")))
    return (
        Group.objects.filter(Q(engineering_role__isnull=False) | routes)
        .select_related("engineering_role")
        .prefetch_related(Prefetch("engineering_routing_rules", queryset=rules))
        .annotate(
            active_members=Count("user", filter=ACTIVE, distinct=True),
            reachable_members=Count("user", filter=REACHABLE, distinct=True),
        )
    )


def role_of(group) -> str:
    role = getattr(group, "engineering_role", None)
    if role is not None:
        return str(NATIONAL_GROUPS.get(role.key, role.key))
    departements = ", ".join(
        f"{rule.departement.name} ({rule.departement_id})" for rule in group.engineering_routing_rules.all()
    )
    return _("Délégué territorial : %(departements)s") % {"departements": departements}


def reachability(group) -> str:
    if group.reachable_members:
        return _("Oui")
    return _("Personne à prévenir")


class MembersForm(forms.ModelForm):
    """Who is in the group: the active users, ticked. Inactive members stay
    (they receive nothing anyway and keep their history)."""

    members = forms.ModelMultipleChoiceField(
        label=_("Membres"),
        queryset=get_user_model()
        .objects.filter(is_active=True)
        .order_by("last_name", "first_name", "username"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Les membres reçoivent les courriels de ce rôle à leur adresse électronique."),
    )

    class Meta:
        model = Group
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].initial = self.instance.user_set.filter(is_active=True)
        self.fields["members"].label_from_instance = member_label

    def save(self, commit=True):
        inactive = list(self.instance.user_set.filter(is_active=False))
        self.instance.user_set.set([*self.cleaned_data["members"], *inactive])
        return self.instance


def member_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    return f"{name} — {user.email}" if user.email else f"{name} — {_('sans adresse électronique')}"


class TeamIndexView(IndexView):
    page_title = _("Équipes de l’ingénierie")
    template_name = "engineering/admin/teams.html"

    def get_base_queryset(self):
        return protocol_groups()


class TeamEditView(EditView):
    success_message = _("Membres du groupe « %(object)s » enregistrés.")

    def get_base_object_queryset(self):
        return protocol_groups()

    def get_success_message(self, instance=None):
        return self.success_message % {"object": self.object}


class TeamViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = Group
    name = "equipes"
    url_prefix = "ingenierie/equipes"
    url_namespace = "engineering_teams"
    icon = "group"
    menu_label = _("Équipes de l’ingénierie")
    menu_order = 602
    add_to_settings_menu = True
    inspect_view_enabled = False
    generic_views_kept = ("edit",)

    index_view_class = TeamIndexView
    edit_view_class = TeamEditView
    ordering = ["name"]
    search_fields = ["name"]
    search_backend_name = None
    list_display = [
        "name",
        Column("role", label=_("Rôle"), accessor=role_of),
        Column("active_members", label=_("Membres actifs")),
        StatusTagColumn(
            "reachable_members",
            label=_("Joignable par courriel"),
            accessor=reachability,
            primary=lambda group: not group.reachable_members,
        ),
    ]

    def get_form_class(self, for_update=False):
        return MembersForm

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.edit_view, name="edit"),
        ]
