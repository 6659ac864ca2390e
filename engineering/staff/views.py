"""The staff screens of engineering requests, on Wagtail's generic admin views
(put together by ``viewsets.EngineeringRequestViewSet``).

Every view starts from the requests the user may see (``permissions``): a
request of another département is a 404, on its page as on its action URLs,
and so are the screens themselves for anyone without a role in the protocol.
"""

from datetime import date

from django import forms
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Table
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets.button import HeaderButton

from ..models import ActivatedInstrument, EngineeringRequest, NationalEscalation
from ..protocol.errors import InvalidTransitionData, TransitionError, TransitionForbidden
from ..protocol.registry import actions
from ..protocol.roles import takes_part
from ..protocol.workflow import allowed_actions, apply_transition, build_form
from . import reporting
from .exports import FrenchCsvMixin
from .notices import warn_unreached


class NotFoundUnlessAllowedMixin:
    """Without the permission a view needs, a 404 rather than Wagtail's 403:
    the staff screens do not tell outsiders what exists."""

    def dispatch(self, request, *args, **kwargs):
        needed = self.any_permission_required or [self.permission_required]
        if not self.user_has_any_permission(needed):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RequestSearchForm(SearchForm):
    """Wagtail's search box, bounded: a pasted page of text is a French error
    (shown above the results), not a slow query."""

    q = forms.CharField(
        label=gettext_lazy("Rechercher"),
        required=False,
        max_length=200,
        error_messages={"max_length": gettext_lazy("La recherche ne doit pas dépasser 200 caractères.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, placeholder=_("Intitulé, référence ou collectivité"), **kwargs)


class RequestTable(Table):
    """Rows past their state's target delay stand out (``past_deadline``, annotated by the query)."""

    def get_row_classname(self, instance):
        return "engineering-overdue" if getattr(instance, "past_deadline", False) else ""


class RequestIndexView(NotFoundUnlessAllowedMixin, FrenchCsvMixin, IndexView):
    any_permission_required = ["view"]
    results_template_name = "engineering/admin/index_results.html"
    table_class = RequestTable
    page_title = gettext_lazy("Demandes d'ingénierie")

    def get_search_form(self):
        return RequestSearchForm(self.request.GET if self.search_kwarg in self.request.GET else None)

    def get_base_queryset(self):
        visible = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        related = visible.select_related("commune", "epci", "region", "departement", "duplicate_of")
        return reporting.with_overdue_flag(related)

    @cached_property
    def header_buttons(self):
        consolidation = reverse("engineering_admin:consolidation")
        return [
            *super().header_buttons,
            HeaderButton(_("Consolidation annuelle"), url=consolidation, icon_name="table"),
        ]


def requests_with_records(user):
    """The requests ``user`` sees, with everything the inspect page shows in a
    fixed number of queries whatever the history."""
    return (
        EngineeringRequest.objects.visible_to(user)
        .select_related(
            "commune",
            "epci",
            "region",
            "departement",
            "assigned_team",
            "duplicate_of",
            "local_answer",
            "national_escalation",
            "committee_decision",
            "support_convention",
        )
        .prefetch_related(
            "themes",
            "engineering_kinds",
            "attachments",
            "local_committee_reports",
            Prefetch("instruments", queryset=ActivatedInstrument.objects.select_related("operator")),
        )
    )


def timeline(engineering_request):
    """The audit trail, each step with its action's staff label and, from the
    log's payload, what the step decided (the escalation's ground, the local
    committee's date): the history keeps them even if the records change later."""
    steps = list(engineering_request.transitions.select_related("actor"))
    for step in steps:
        step.action_label = actions.label(step.action)
        step.detail = step_detail(step.payload or {})
    return steps


def step_detail(payload: dict) -> str:
    if ground := payload.get("ground"):
        return str(NationalEscalation.Ground(ground).label) if ground in NationalEscalation.Ground else ground
    if met_on := payload.get("met_on"):
        return _("Comité local de cohésion territoriale du %(date)s") % {
            "date": date.fromisoformat(met_on).strftime("%d/%m/%Y")
        }
    return ""


class RequestInspectView(NotFoundUnlessAllowedMixin, InspectView):
    """The request, the actions open to this user in its state (each with its
    form), and its history. The actions post to ``RequestActionView``, which
    comes back here."""

    any_permission_required = ["view"]
    template_name = "engineering/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(requests_with_records(self.request.user), pk=self.pk)

    def get_page_title(self):
        return self.object.reference

    def get_page_subtitle(self):
        return self.object.title

    def get_collectivite_display_value(self):
        return f"{self.object.collectivite_label} — {self.object.departement}"

    def get_confirmed_at_display_value(self):
        confirmed = self.object.confirmed_at
        return timezone.localtime(confirmed).strftime("%d/%m/%Y %H:%M") if confirmed else _("non")

    def get_description_display_value(self):
        return linebreaksbr(self.object.description, autoescape=True)

    def get_attachments_display_value(self):
        rows = [
            (
                reverse("engineering:attachment", args=[self.object.pk, item.pk]),
                item.original_name,
                _(", envoyée avec les compléments") if item.information_request_id else "",
            )
            for item in self.object.attachments.all()
        ]
        if not rows:
            return "—"
        return format_html_join(", ", '<a href="{}">{}</a>{}', rows)

    def get_field_label(self, field_name, field):
        labels = {"collectivite": _("Collectivité"), "attachments": _("Pièces jointes")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def action_entries(self, bound=None):
        """(action, form, open) for each action open to the user; the one that
        failed keeps its bound form, open, and ``?action=`` opens one too."""
        wanted = bound[0] if bound else self.request.GET.get("action")
        entries = []
        for action in allowed_actions(self.object, self.request.user):
            form = bound[1] if bound and bound[0] == action.name else build_form(action, self.object)
            if form is not None:
                form.auto_id = f"id_{action.name}_%s"  # several forms share field names: ids must not
            entries.append({"action": action, "form": form, "open": action.name == wanted})
        return entries

    def get_context_data(self, bound=None, **kwargs):
        context = super().get_context_data(**kwargs)
        deadline = self.object.deadline_for(reporting.deadlines())
        context.update(
            item=self.object,
            actions=self.action_entries(bound),
            timeline=timeline(self.object),
            deadline=deadline,
            overdue=deadline is not None and deadline < timezone.now(),
        )
        return context


class RequestActionView(RequestInspectView):
    """Takes one of the protocol's actions (``workflow.apply_transition``, which
    locks the row and checks everything again) and comes back to the inspect
    page with a message; a refused action shows the page again, the form open
    with its errors, and says why."""

    http_method_names = ["post"]

    def post(self, request, pk, action_name):
        if action_name not in actions:
            raise Http404
        try:
            log = apply_transition(self.object, action_name, request.user, request.POST, request.FILES)
        except InvalidTransitionData as error:
            messages.error(request, str(error))
            context = self.get_context_data(bound=(action_name, error.form))
            return self.render_to_response(context, status=400)
        except TransitionError as error:
            messages.error(request, str(error))
            status = 403 if isinstance(error, TransitionForbidden) else 409
            return self.render_to_response(self.get_context_data(), status=status)
        messages.success(request, _("« %(action)s » : c'est fait.") % {"action": actions[action_name].label})
        warn_unreached(request, log)
        if not EngineeringRequest.objects.visible_to(request.user).filter(pk=pk).exists():
            return redirect("engineering_admin:index")  # rerouted to another team
        return redirect("engineering_admin:inspect", pk=pk)


def attachment(request, pk, attachment_pk):
    """The only way to a file of the private storage: 404 unless the user sees
    the request (anonymous visitors included)."""
    if not takes_part(request.user):
        raise Http404
    engineering_request = get_object_or_404(EngineeringRequest.objects.visible_to(request.user), pk=pk)
    item = get_object_or_404(engineering_request.attachments.all(), pk=attachment_pk)
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type or "application/octet-stream",
    )
