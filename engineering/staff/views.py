"""Staff views inside the Wagtail admin. Every view starts from
``EngineeringRequest.objects.visible_to(user)``: a request of another
département is a 404, on its page as on its action URLs."""

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from catalogue.models import Theme
from territories.models import Departement

from ..models import ActivatedInstrument, EngineeringRequest, NationalEscalation, RequestState
from ..protocol.errors import IllegalTransition, InvalidTransitionData, TransitionError, TransitionForbidden
from ..protocol.registry import actions
from ..protocol.roles import takes_part
from ..protocol.workflow import allowed_actions, apply_transition, build_form
from . import reporting

AGE_CHOICES = [
    ("", gettext_lazy("Toutes")),
    ("7", gettext_lazy("Moins de 7 jours")),
    ("30", gettext_lazy("Moins de 30 jours")),
    ("old", gettext_lazy("Plus de 30 jours")),
    ("overdue", gettext_lazy("En retard sur le délai cible")),
]


def _require_role(request):
    if not takes_part(request.user):
        raise Http404


class FilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Recherche"),
        required=False,
        max_length=200,
        error_messages={"max_length": gettext_lazy("La recherche ne doit pas dépasser 200 caractères.")},
        help_text=gettext_lazy("Intitulé, référence ou collectivité"),
    )
    state = forms.ChoiceField(
        label=gettext_lazy("État"),
        required=False,
        choices=[("", gettext_lazy("Tous"))] + RequestState.choices,
    )
    departement = forms.ModelChoiceField(
        label=gettext_lazy("Département"),
        required=False,
        queryset=Departement.objects.none(),
        empty_label=gettext_lazy("Tous"),
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Thématique"),
        required=False,
        queryset=Theme.objects.all(),
        empty_label=gettext_lazy("Toutes"),
    )
    age = forms.ChoiceField(label=gettext_lazy("Ancienneté"), required=False, choices=AGE_CHOICES)

    def __init__(self, *args, visible=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].queryset = Departement.objects.filter(
            code__in=visible.values("departement_id")
        ).order_by("code")

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if q := data.get("q"):
            queryset = queryset.filter(
                Q(title__icontains=q)
                | Q(reference__icontains=q)
                | Q(commune__name__icontains=q)
                | Q(commune__code=q)
                | Q(epci__name__icontains=q)
                | Q(region__name__icontains=q)
                | Q(other_name__icontains=q)
            )
        if data.get("state"):
            queryset = queryset.filter(state=data["state"])
        if data.get("departement"):
            queryset = queryset.filter(departement=data["departement"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        now = timezone.now()
        match data.get("age"):
            case "7":
                queryset = queryset.filter(created_at__gte=now - timedelta(days=7))
            case "30":
                queryset = queryset.filter(created_at__gte=now - timedelta(days=30))
            case "old":
                queryset = queryset.filter(created_at__lt=now - timedelta(days=30))
            case "overdue":
                queryset = reporting.overdue(queryset, now)
        return queryset


def index(request):
    _require_role(request)
    visible = EngineeringRequest.objects.visible_to(request.user)
    filters = FilterForm(request.GET or None, visible=visible)
    queryset = (
        filters.filter(visible)
        .select_related("commune", "epci", "region", "departement", "duplicate_of")
        .distinct()
        .order_by("-created_at", "-pk")
    )
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    deadlines = reporting.deadlines()
    now = timezone.now()
    rows = [(item, item.is_overdue(deadlines, now)) for item in page]
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "engineering/admin/index.html",
        {
            "page_title": _("Demandes d'ingénierie"),
            "header_icon": "form",
            "filters": filters,
            "page_obj": page,
            "rows": rows,
            "query": query.urlencode(),
            "current_year": now.year,
        },
    )


def _detail_context(request, engineering_request, bound=None):
    actions = []
    for action in allowed_actions(engineering_request, request.user):
        form = bound[1] if bound and bound[0] == action.name else build_form(action, engineering_request)
        actions.append({"action": action, "form": form, "open": bool(bound and bound[0] == action.name)})
    deadline = engineering_request.deadline_for(reporting.deadlines())
    return {
        "page_title": engineering_request.reference,
        "page_subtitle": engineering_request.title,
        "header_icon": "form",
        "item": engineering_request,
        "actions": actions,
        "timeline": _timeline(engineering_request),
        "deadline": deadline,
        "overdue": deadline is not None and deadline < timezone.now(),
    }


def _timeline(engineering_request):
    """The audit trail, each step with its action's staff label and, from the
    log's payload, what the step decided (the escalation's ground, the local
    committee's date): the history keeps them even if the records change later."""
    steps = list(engineering_request.transitions.select_related("actor"))
    for step in steps:
        step.action_label = actions.label(step.action)
        step.detail = _step_detail(step.payload or {})
    return steps


def _step_detail(payload: dict) -> str:
    if ground := payload.get("ground"):
        return str(NationalEscalation.Ground(ground).label) if ground in NationalEscalation.Ground else ground
    if met_on := payload.get("met_on"):
        return _("Comité local de cohésion territoriale du %(date)s") % {
            "date": date.fromisoformat(met_on).strftime("%d/%m/%Y")
        }
    return ""


def _get(request, pk):
    queryset = (
        EngineeringRequest.objects.visible_to(request.user)
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
    return get_object_or_404(queryset, pk=pk)


def detail(request, pk):
    _require_role(request)
    return render(request, "engineering/admin/detail.html", _detail_context(request, _get(request, pk)))


@require_POST
def act(request, pk, action_name):
    _require_role(request)
    engineering_request = _get(request, pk)
    if action_name not in actions:
        raise Http404
    try:
        apply_transition(engineering_request, action_name, request.user, request.POST, request.FILES)
    except InvalidTransitionData as error:
        messages.error(request, str(error))
        context = _detail_context(request, engineering_request, bound=(action_name, error.form))
        return render(request, "engineering/admin/detail.html", context, status=400)
    except (IllegalTransition, TransitionForbidden) as error:
        messages.error(request, str(error))
        status = 403 if isinstance(error, TransitionForbidden) else 409
        return render(
            request,
            "engineering/admin/detail.html",
            _detail_context(request, engineering_request),
            status=status,
        )
    except TransitionError as error:  # pragma: no cover - every subclass is handled above
        messages.error(request, str(error))
        return redirect("engineering_admin:detail", pk=pk)
    messages.success(request, _("« %(action)s » : c'est fait.") % {"action": actions[action_name].label})
    if not EngineeringRequest.objects.visible_to(request.user).filter(pk=pk).exists():
        return redirect("engineering_admin:index")  # rerouted to another team
    return redirect("engineering_admin:detail", pk=pk)


def attachment(request, pk, attachment_pk):
    """The only way to a file of the private storage: 404 unless the user sees
    the request (anonymous visitors included)."""
    _require_role(request)
    engineering_request = _get(request, pk)
    item = get_object_or_404(engineering_request.attachments.all(), pk=attachment_pk)
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type or "application/octet-stream",
    )


def export(request):
    """Yearly consolidation per département (roadmap II c: reported once a year
    to the agency's head office), as CSV or XLSX, over the requests the user sees."""
    _require_role(request)
    year = reporting.export_year(request.GET.get("annee"), timezone.now().year)
    if year is None:
        raise Http404
    rows = reporting.consolidation(EngineeringRequest.objects.visible_to(request.user), year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            reporting.consolidation_xlsx(rows, year),
            content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
        extension = "xlsx"
    else:
        response = HttpResponse(reporting.consolidation_csv(rows), content_type="text/csv; charset=utf-8")
        extension = "csv"
    response["Content-Disposition"] = f'attachment; filename="consolidation-ingenierie-{year}.{extension}"'
    return response
