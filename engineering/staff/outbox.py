"""The admin list of emails that could not be sent, with a "renvoyer" action:
failures were visible only in the log. Administrators only (the rows hold
requesters' addresses for every département)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import Notification
from ..protocol.outbox import resend

#: Abandoned emails, and pending ones that failed at least once.
UNSENT = Q(status=Notification.Status.FAILED) | Q(status=Notification.Status.PENDING, attempts__gt=0)


def _require_admin(request):
    if not request.user.is_superuser:
        raise Http404


def failed_emails(request):
    _require_admin(request)
    rows = Notification.objects.filter(UNSENT).select_related("request").order_by("-created_at", "-pk")
    page = Paginator(rows, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "engineering/admin/failed_emails.html",
        {"page_title": _("Courriels non envoyés"), "header_icon": "mail", "page_obj": page},
    )


@require_POST
def resend_email(request, pk):
    _require_admin(request)
    notification = get_object_or_404(Notification.objects.filter(UNSENT), pk=pk)
    resend(notification)
    messages.success(
        request,
        _("Le courriel « %(subject)s » est remis dans la file d'envoi.") % {"subject": notification.subject},
    )
    return redirect("engineering_admin:failed_emails")
