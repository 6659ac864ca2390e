"""The filters of the requests listing, as a ``WagtailFilterSet``: Wagtail draws
them in its filter drawer and lists the active ones above the results.

The parameter names (``state``, ``departement``, ``theme``, ``age``) are those
of the links the dashboard panel builds (``?departement=08&age=overdue``)."""

from datetime import timedelta

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from catalogue.models import Theme
from territories.models import Departement

from ..models import EngineeringRequest, RequestState
from . import reporting

AGE_CHOICES = [
    ("7", _("Moins de 7 jours")),
    ("30", _("Moins de 30 jours")),
    ("old", _("Plus de 30 jours")),
    ("overdue", _("En retard sur le délai cible")),
]


def visible_departements(request):
    """Only the départements of the requests this user sees: a délégué is not
    offered the 100 others."""
    visible = EngineeringRequest.objects.visible_to(request.user)
    return Departement.objects.filter(code__in=visible.values("departement_id")).order_by("code")


class RequestFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("État"), choices=RequestState.choices, empty_label=_("Tous"), widget=forms.Select
    )
    departement = django_filters.ModelChoiceFilter(
        label=_("Département"), queryset=visible_departements, empty_label=_("Tous")
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Thématique"),
        field_name="themes",
        queryset=Theme.objects.order_by("sort_order", "name"),
        empty_label=_("Toutes"),
        distinct=True,
    )
    age = django_filters.ChoiceFilter(
        label=_("Ancienneté"),
        choices=AGE_CHOICES,
        method="filter_age",
        empty_label=_("Toutes"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = EngineeringRequest
        fields = []

    def filter_age(self, queryset, name, value):
        now = timezone.now()
        match value:
            case "7":
                return queryset.filter(created_at__gte=now - timedelta(days=7))
            case "30":
                return queryset.filter(created_at__gte=now - timedelta(days=30))
            case "old":
                return queryset.filter(created_at__lt=now - timedelta(days=30))
            case "overdue":
                return reporting.overdue(queryset, now)
        return queryset
