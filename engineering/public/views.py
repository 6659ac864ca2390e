"""Public views: the request form, its confirmation page and email link, the
requester's reply to a "more information needed" step, the status page."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from ..models import EngineeringRequest, RequestState
from ..protocol.action_forms import InformationReplyForm
from ..protocol.effects import reply_refusal
from ..protocol.errors import InvalidTransitionData, TransitionError
from ..protocol.roles import Requester
from ..protocol.workflow import apply_transition
from . import collectivites, throttling
from .forms import KIND_STEP, EngineeringRequestForm
from .services import submit_request
from .status import public_status
from .status_form import StatusLookupForm

SESSION_KEY = "engineering_last_reference"
REPLY_SESSION_KEY = "engineering_reply_sent"


def _breadcrumb(current, links=()):
    return {
        "links": [
            {"url": reverse("engineering:request"), "title": _("Demande d'appui en ingénierie")},
            *links,
        ]
        if links
        else [],
        "current": current,
    }


def _anchor(form, name):
    field = form[name]
    widget = field.field.widget.__class__.__name__
    if widget in ("RadioSelect", "CheckboxSelectMultiple"):
        # The first choice: a link to the group's fieldset would scroll to it
        # without moving the focus, and the keyboard would stay in the summary.
        choices = field.subwidgets
        return choices[0].id_for_label if choices else field.auto_id
    return field.id_for_label or field.auto_id


def error_summary(form):
    """The entries of the error summary shown at the top of a form."""
    return [
        {"anchor": _anchor(form, name), "label": form.fields[name].label, "messages": messages}
        for name, messages in form.errors.items()
        if name in form.fields
    ]


def _render_form(request, form, status=200, throttled=False):
    errors = error_summary(form)
    context = {
        "form": form,
        "fieldsets": form.fieldsets(),
        "kind_step": KIND_STEP,
        "error_summary": errors,
        "non_field_errors": form.non_field_errors(),
        "throttled": throttled,
        "title": _("Demander un appui en ingénierie"),
        "breadcrumb": {"links": [], "current": _("Demande d'appui en ingénierie")},
    }
    return render(request, "engineering/request_form.html", context, status=status)


def _programme_initial(value: str) -> dict:
    """Pre-fill from ``?programme=<page id>`` (the "Demander un appui pour ce
    programme" button): the project title names the programme and its thématique
    is ticked. Anything but the id of a live public catalogue page is ignored."""
    if not value.isdigit() or len(value) > 10:
        return {}
    page = Page.objects.live().public().filter(pk=int(value)).specific().first()
    if page is None or not hasattr(page, "theme_id"):
        return {}
    title = _("Appui pour le programme « %(title)s »") % {"title": page.title}
    initial = {"title": title[:200]}
    if page.theme_id:
        initial["themes"] = [page.theme_id]
    return initial


@require_http_methods(["GET", "HEAD", "POST"])
def request_form(request):
    if request.method != "POST":  # GET, or HEAD (the same answer without its body)
        initial = {}
        if code := request.GET.get("commune", "").strip():
            resolution = collectivites.resolve(code)
            if resolution.match is not None:
                initial["collectivite"] = collectivites.label(resolution.match)
        initial.update(_programme_initial(request.GET.get("programme", "")))
        return _render_form(request, EngineeringRequestForm(initial=initial))

    if KIND_STEP in request.POST:  # without JavaScript: show the fields of the chosen kind
        return _render_form(request, EngineeringRequestForm.kind_step(request.POST))
    form = EngineeringRequestForm(request.POST, request.FILES)
    if throttling.attempts_exceeded(request):
        form.is_valid()  # keep what was typed, with any field errors
        return _render_form(request, form, status=429, throttled="attempts")
    if form.is_spam():
        # Look like a success to the robot; nothing is saved or sent.
        request.session.pop(SESSION_KEY, None)
        return redirect("engineering:submitted")
    if not form.is_valid():  # a typo is never counted against the submission limit
        return _render_form(request, form, status=200)
    if throttling.throttled(request, form.cleaned_data["requester_email"]):
        return _render_form(request, form, status=429, throttled="submissions")
    engineering_request = submit_request(form.cleaned_data, form.cleaned_data.get("attachments") or [])
    request.session[SESSION_KEY] = engineering_request.reference
    return redirect("engineering:submitted")


def submitted(request):
    return render(
        request,
        "engineering/request_submitted.html",
        {
            "reference": request.session.get(SESSION_KEY),
            "title": _("Demande envoyée"),
            "breadcrumb": _breadcrumb(_("Demande envoyée")),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners follow links); POST confirms."""
    engineering_request = get_object_or_404(EngineeringRequest, confirmation_token=token)
    context = {
        "engineering_request": engineering_request,
        "title": _("Confirmer votre adresse électronique"),
        "breadcrumb": _breadcrumb(_("Confirmation")),
    }
    if request.method == "POST" and engineering_request.state == RequestState.RECEIVED:
        try:
            with transaction.atomic():
                apply_transition(engineering_request, "confirm_email", Requester())
        except TransitionError as error:
            context["error"] = str(error)
        else:
            context["confirmed_now"] = True
    return render(request, "engineering/confirm.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def information_reply(request, reference, token):
    """The requester's answer to a "more information needed" step, through the
    personal link of the email. An unknown link is a 404; a link that no longer
    works (used, expired, request not waiting) says why, in French."""
    engineering_request = get_object_or_404(
        EngineeringRequest.objects.select_related("commune", "epci", "region", "departement"),
        reference=reference,
    )
    question = engineering_request.information_requests.all().matching(token)
    if question is None:
        raise Http404
    context = {
        "engineering_request": engineering_request,
        "question": question,
        "title": _("Compléments à votre demande d'appui en ingénierie"),
        "breadcrumb": _breadcrumb(_("Compléments")),
    }
    if question.answered_at and request.session.get(REPLY_SESSION_KEY) == question.pk:
        context["sent"] = True
        return render(request, "engineering/information_reply.html", context)
    if refusal := reply_refusal(engineering_request, question):
        context["refusal"] = refusal
        return render(request, "engineering/information_reply.html", context, status=410)
    form = InformationReplyForm()
    if request.method == "POST":
        try:
            apply_transition(
                engineering_request,
                "reply_with_information",
                Requester(question),
                request.POST,
                request.FILES,
            )
        except InvalidTransitionData as error:
            form = error.form
        except TransitionError as error:  # used or closed meanwhile (another click, the team)
            engineering_request.refresh_from_db()
            question.refresh_from_db()
            context["refusal"] = reply_refusal(engineering_request, question) or str(error)
            return render(request, "engineering/information_reply.html", context, status=410)
        else:
            request.session[REPLY_SESSION_KEY] = question.pk
            return redirect(request.path)
    context.update(
        {"form": form, "error_summary": error_summary(form), "non_field_errors": form.non_field_errors()}
    )
    return render(request, "engineering/information_reply.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def status(request):
    """The requester's status page. The lookup is a POST (the email address
    stays out of URLs and logs), needs the reference and the email together,
    answers the same way whichever of the two is wrong, and limits failed
    lookups per IP address, never per reference (``throttling``)."""
    form = StatusLookupForm(request.POST or None)
    context = {
        "title": _("Suivre une demande d'appui en ingénierie"),
        "breadcrumb": _breadcrumb(_("Suivi d'une demande")),
    }
    http_status = 200
    if request.method == "POST":
        if throttling.status_lookup_throttled(request):
            context["throttled"] = True
            http_status = 429
        elif form.is_valid():
            found = (
                EngineeringRequest.objects.select_related("commune", "epci", "region", "departement")
                .filter(
                    reference=form.cleaned_data["reference"],
                    requester_email__iexact=form.cleaned_data["email"],
                )
                .first()
            )
            if found is not None:
                context["status"] = public_status(found)
            else:
                throttling.status_lookup_failed(request)
                form.add_error(
                    None,
                    _(
                        "Aucune demande ne correspond à cette référence et à cette adresse électronique. "
                        "Vérifiez la référence indiquée dans le courriel d'accusé de réception et "
                        "l'adresse utilisée pour la demande."
                    ),
                )
    context.update(
        {"form": form, "error_summary": error_summary(form), "non_field_errors": form.non_field_errors()}
    )
    return render(request, "engineering/status.html", context, status=http_status)
