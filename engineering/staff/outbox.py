"""The e-mails that could not be sent, as an admin viewset: the listing (with a
filter and a "Renvoyer" button on each row), the inspect view of one e-mail,
and the resend operation (``protocol.outbox.resend``). Administrators only: the
rows hold requesters' addresses for every département (``permissions``)."""

import django_filters
from django.db.models import Q
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView, PermissionCheckedMixin
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Notification
from ..protocol.outbox import resend
from .views import NotFoundUnlessAllowedMixin
from .viewsets import CellColumn, ReadOnlyViewSetMixin

#: Abandoned emails, and pending ones that failed at least once.
UNSENT = Q(status=Notification.Status.FAILED) | Q(status=Notification.Status.PENDING, attempts__gt=0)
Status = Notification.Status


class UnsentEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Statut"),
        choices=[
            (Status.FAILED, Status.FAILED.label),
            (Status.PENDING, gettext_lazy("En attente d’un nouvel essai")),
        ],
        empty_label=gettext_lazy("Tous"),
    )

    class Meta:
        model = Notification
        fields = []


class ResendColumn(Column):
    """A "Renvoyer" button per row: a POST form, so the cell needs the page's CSRF token."""

    cell_template_name = "engineering/admin/cells/resend.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class UnsentEmailIndexView(NotFoundUnlessAllowedMixin, IndexView):
    any_permission_required = ["view"]
    page_title = gettext_lazy("Courriels non envoyés")
    template_name = "engineering/admin/unsent_emails.html"

    def get_base_queryset(self):
        return Notification.objects.filter(UNSENT).select_related("request")

    @cached_property
    def no_results_message(self):
        return _("Aucun courriel en échec.")


class UnsentEmailInspectView(NotFoundUnlessAllowedMixin, InspectView):
    """One e-mail as it was written, with its last error and the resend button."""

    any_permission_required = ["view"]
    template_name = "engineering/admin/unsent_email_inspect.html"

    def get_page_title(self):
        return self.object.subject

    def get_recipients_display_value(self):
        return ", ".join(self.object.recipients)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_resend"] = Notification.objects.filter(UNSENT, pk=self.object.pk).exists()
        return context


class ResendView(NotFoundUnlessAllowedMixin, PermissionCheckedMixin, BaseOperationView):
    """Puts an unsent e-mail back in the queue, then back where the click came
    from (the listing, or the e-mail's page through ``next``)."""

    permission_required = "change"
    model = Notification

    def get_base_object_queryset(self):
        return Notification.objects.filter(UNSENT)  # a sent e-mail is never sent twice: 404

    def perform_operation(self):
        resend(self.object)

    def get_success_message(self):
        return _("Le courriel « %(subject)s » est remis dans la file d'envoi.") % {
            "subject": self.object.subject
        }

    def get_success_url(self):
        return self.next_url or reverse("engineering_outbox:index")


class UnsentEmailViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = Notification
    name = "courriels"
    url_prefix = "ingenierie/courriels"
    url_namespace = "engineering_outbox"
    icon = "mail"
    menu_label = gettext_lazy("Courriels non envoyés")
    menu_order = 900
    add_to_settings_menu = True

    index_view_class = UnsentEmailIndexView
    inspect_view_class = UnsentEmailInspectView
    filterset_class = UnsentEmailFilterSet
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "subject",
        CellColumn("request", "engineering/admin/cells/email_request.html", label=gettext_lazy("Demande")),
        Column(
            "recipients",
            label=gettext_lazy("Destinataires"),
            accessor=lambda item: ", ".join(item.recipients),
        ),
        Column("status", label=gettext_lazy("Statut"), accessor="get_status_display"),
        Column("attempts", label=gettext_lazy("Essais")),
        Column(
            "last_error",
            label=gettext_lazy("Dernière erreur"),
            accessor=lambda item: Truncator(item.last_error).chars(200),
        ),
        ResendColumn("resend", label=gettext_lazy("Action")),
    ]
    inspect_view_fields = [
        "kind",
        "recipients",
        "subject",
        "body",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]

    @property
    def resend_view(self):
        return self.construct_view(ResendView)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/renvoyer/", self.resend_view, name="resend"),
        ]
