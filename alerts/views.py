"""Public pages of the alerts: the subscription form, the confirmation link,
the one-click unsubscribe link and the manage page. Every bad input gets a
French page: an unknown territory, a bad address, a forged, altered or
expired link; nothing is written until the form is valid.

GET never changes anything (mail scanners follow links): confirming and
unsubscribing are a button on the page, and a POST. Mail clients that offer
"unsubscribe" post to the same link without a CSRF token (RFC 8058), hence
``csrf_exempt`` on that view only: the signed link is the proof.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.models import FooterSettings

from . import limits, targets, tokens
from .forms import CONSENT_TEXT, FrequencyForm, SubscriptionForm
from .models import Subscription
from .subscriptions import subscribe as record_subscription
from .subscriptions import unsubscribe as delete_subscription

SESSION_KEY = "alerts_requested"


def error_summary(form) -> list[dict]:
    """The entries of the error summary at the top of the form."""
    entries = []
    for name, messages in form.errors.items():
        if name not in form.fields:
            continue
        if name == "target":  # a hidden field: the summary leads to the form
            entries.append(
                {"anchor": "alert-subscription-form", "label": _("Ce que vous suivez"), "messages": messages}
            )
            continue
        field = form[name]
        anchor = field.subwidgets[0].id_for_label if name == "frequency" else field.id_for_label
        label = _("Votre accord") if name == "consent" else form.fields[name].label
        entries.append({"anchor": anchor, "label": label, "messages": messages})
    return entries


def personal_data_url(request) -> str:
    page = FooterSettings.for_request(request).personal_data_page
    return page.url if page is not None and page.live else ""


def _breadcrumb(current: str) -> dict:
    return {"links": [], "current": current}


def _render_form(request, form, target, status=200, throttled=False):
    return render(
        request,
        "alerts/subscribe.html",
        {
            "form": form,
            "target": target,
            "error_summary": error_summary(form) if form.is_bound else [],
            "non_field_errors": form.non_field_errors() + form.errors.get("target", [])
            if form.is_bound
            else [],
            "throttled": throttled,
            "personal_data_url": personal_data_url(request),
            "title": _("Recevoir les nouveautés par courriel"),
            "breadcrumb": _breadcrumb(_("Alertes par courriel")),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method in ("GET", "HEAD"):
        value = request.GET.get("territoire") or (
            f"page:{request.GET.get('page', '')}" if "page" in request.GET else ""
        )
        target = targets.parse(value)
        if target is None:
            return render(
                request,
                "alerts/unknown_target.html",
                {
                    "title": _("Recevoir les nouveautés par courriel"),
                    "breadcrumb": _breadcrumb(_("Alertes par courriel")),
                },
                status=404 if value else 200,
            )
        return _render_form(request, SubscriptionForm(initial={"target": target.key}), target)
    form = SubscriptionForm(request.POST)
    target = targets.parse(request.POST.get("target", ""))
    if limits.over_limit(request):
        form.is_valid()  # keep what was typed, with its errors
        return _render_form(request, form, target, status=429, throttled=True)
    if not form.is_valid():
        return _render_form(request, form, target)
    email = form.cleaned_data["email"]
    if limits.over_limit(request, email=email):
        return _render_form(request, form, target, status=429, throttled=True)
    record_subscription(form.cleaned_data["target"], email, form.cleaned_data["frequency"], str(CONSENT_TEXT))
    request.session[SESSION_KEY] = form.cleaned_data["target"].label
    return redirect("alerts:requested")


def requested(request):
    return render(
        request,
        "alerts/requested.html",
        {
            "label": request.session.get(SESSION_KEY),
            "title": _("Confirmez votre adresse"),
            "breadcrumb": _breadcrumb(_("Alertes par courriel")),
        },
    )


def _link_problem(request, message: str, status: int):
    return render(
        request,
        "alerts/link_problem.html",
        {
            "message": message,
            "title": _("Lien inutilisable"),
            "breadcrumb": _breadcrumb(_("Alertes par courriel")),
        },
        status=status,
    )


def _subscription(pair) -> Subscription | None:
    if pair is None:
        return None
    subscription = Subscription.objects.filter(pk=pair[0]).first()
    return subscription if subscription is not None and subscription.key == pair[1] else None


UNKNOWN_LINK = gettext_lazy(
    "Ce lien n’est pas valide : il a peut-être été mal copié, ou l’abonnement qu’il désignait n’existe plus. "
    "Copiez le lien complet depuis le courriel."
)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscription = _subscription(tokens.read_confirm(token))
    except tokens.Expired:
        message = _(
            "Ce lien de confirmation a expiré : l’abonnement n’a pas été activé. Abonnez-vous de nouveau depuis "
            "la page du territoire ou du programme."
        )
        return _link_problem(request, message, 410)
    if subscription is None:
        return _link_problem(request, UNKNOWN_LINK, 404)
    context = {
        "subscription": subscription,
        "manage_token": tokens.manage_token(subscription),
        "title": _("Confirmer votre abonnement"),
        "breadcrumb": _breadcrumb(_("Confirmation")),
    }
    if request.method == "POST" and not subscription.is_confirmed:
        subscription.confirm()
        context["confirmed_now"] = True
    return render(request, "alerts/confirm.html", context)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    pair = tokens.read_unsubscribe(token)
    if pair is None:
        return _link_problem(request, UNKNOWN_LINK, 404)
    subscription = _subscription(pair)
    context = {
        "subscription": subscription,
        "title": _("Se désabonner"),
        "breadcrumb": _breadcrumb(_("Désabonnement")),
    }
    if subscription is not None and request.method == "POST":
        context["label"] = subscription.label
        delete_subscription(subscription)
        context["subscription"], context["done"] = None, True
    return render(request, "alerts/unsubscribe.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """Every subscription of the address: change the frequency, unsubscribe."""
    digest = tokens.read_manage(token)
    if digest is None:
        return _link_problem(request, UNKNOWN_LINK, 404)
    subscriptions = list(Subscription.objects.filter(email_digest=digest).order_by("label", "pk"))
    message, form = "", None
    if request.method == "POST":
        chosen = next((s for s in subscriptions if str(s.pk) == request.POST.get("abonnement", "")), None)
        if chosen is None:
            message = _("Cet abonnement n’existe plus : la page ci-dessous montre ceux qui restent.")
        elif request.POST.get("action") == "desabonner":
            delete_subscription(chosen)
            return redirect(reverse("alerts:manage", args=[token]) + "?fait=desabonne")
        else:
            form = FrequencyForm(request.POST)
            if form.is_valid():
                Subscription.objects.filter(pk=chosen.pk).update(frequency=form.cleaned_data["frequency"])
                return redirect(reverse("alerts:manage", args=[token]) + "?fait=frequence")
    done = {"desabonne": _("Vous êtes désabonné."), "frequence": _("La fréquence est enregistrée.")}
    return render(
        request,
        "alerts/manage.html",
        {
            "subscriptions": subscriptions,
            "frequencies": Subscription.Frequency.choices,
            "message": message,
            "form_errors": form.errors.get("frequency", []) if form is not None else [],
            "done": done.get(request.GET.get("fait", "")),
            "title": _("Gérer mes alertes"),
            "breadcrumb": _breadcrumb(_("Mes alertes")),
        },
        status=200 if not message else 404,
    )
