"""Figures of the dashboard and of the yearly consolidation, and the overdue
rule of the listing: queries only, the screens that show them are in ``views``."""

import statistics
from collections import Counter, defaultdict
from datetime import timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import FINAL_STATES, CommitteeDecision, RequestState, StateDeadline

LOCAL_ANSWER_TARGET = 0.9  # roadmap II c: 90 % of requests find a local answer


def deadlines() -> dict[str, int]:
    return dict(StateDeadline.objects.values_list("state", "target_days"))


def overdue_condition(now=None) -> Q | None:
    """Open requests past their current state's target delay, as a filter
    (None when no delay is set): one query for the delays."""
    now = now or timezone.now()
    rows = deadlines()
    if not rows:
        return None
    condition = Q()
    for state, days in rows.items():
        condition |= Q(state=state, state_changed_at__lt=now - timedelta(days=days))
    return condition & ~Q(state__in=FINAL_STATES)


def overdue(queryset, now=None):
    """Requests past their current state's target delay."""
    condition = overdue_condition(now)
    return queryset.none() if condition is None else queryset.filter(condition)


def with_overdue_flag(queryset, now=None):
    """Annotate ``past_deadline`` on each request, in the listing's own query."""
    condition = overdue_condition(now)
    flag = Value(False) if condition is None else ExpressionWrapper(condition, output_field=BooleanField())
    return queryset.annotate(past_deadline=flag)


def local_share(queryset):
    """(answered locally, escalated, share) among triaged requests, in one query."""
    counts = queryset.aggregate(
        local=Count("pk", filter=Q(local_answer__isnull=False)),
        national=Count("pk", filter=Q(national_escalation__isnull=False, local_answer__isnull=True)),
    )
    local, national = counts["local"], counts["national"]
    total = local + national
    return local, national, (local / total if total else None)


def median_triage_days(queryset):
    """Median days from receipt to the délégué's first orientation decision."""
    delays = [
        (triaged - created).total_seconds() / 86400
        for created, triaged in queryset.filter(triaged_at__isnull=False).values_list(
            "created_at", "triaged_at"
        )[:5000]
    ]
    return round(statistics.median(delays), 1) if delays else None


def dashboard(queryset):
    by_state = dict(queryset.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    local, national, share = local_share(queryset)
    at_risk = (
        overdue(queryset)
        .values("departement_id", "departement__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "departement_id")
    )
    return {
        "by_state": [(label, by_state.get(value, 0)) for value, label in RequestState.choices],
        "total": sum(by_state.values()),
        "median_triage_days": median_triage_days(queryset),
        "local": local,
        "national": national,
        "local_share": round(share * 100) if share is not None else None,
        "local_target": round(LOCAL_ANSWER_TARGET * 100),
        "at_risk": list(at_risk),
    }


CONSOLIDATION_COLUMNS = [
    ("departement", _("Département")),
    ("name", _("Nom")),
    ("received", _("Demandes reçues")),
    ("confirmed", _("Demandes confirmées")),
    ("local", _("Réponses locales")),
    ("national", _("Appuis nationaux sollicités")),
    ("validated", _("Validées en comité")),
    ("refused", _("Refusées en comité")),
    ("inadmissible", _("Irrecevables")),
    ("redirected", _("Réorientées")),
    ("closed", _("Fermées")),
    ("open", _("En cours")),
    ("local_committee", _("Présentées au comité local de cohésion territoriale")),
    ("sample", _("Dont exemples (demandes fictives)")),
    ("local_share", _("Part de réponses locales (%)")),
    ("median_triage_days", _("Délai médian d'orientation (jours)")),
]


#: The first year of the protocol (the 2020 roadmap): the first year offered.
FIRST_REQUEST_YEAR = 2020

#: Years an export can cover: the agency's requests start in 2020; outside a
#: sane range the date arithmetic of the query overflows (year 1, 10000).
FIRST_EXPORT_YEAR = 2000


def export_year(value, current_year: int) -> int | None:
    """The year asked for in ``?annee=``, the current one when absent, None
    when it is not a year of this century up to next year (the view answers 404)."""
    text = (value or "").strip()
    if not text:
        return current_year
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    return year if FIRST_EXPORT_YEAR <= year <= current_year + 1 else None


def consolidation(queryset, year: int) -> list[dict]:
    """One row per département for the requests received during ``year``."""
    rows = defaultdict(Counter)
    names = {}
    delays = defaultdict(list)
    items = (
        queryset.filter(created_at__year=year)
        .values(
            "pk",
            "departement_id",
            "state",
            "confirmed_at",
            "created_at",
            "triaged_at",
            "is_sample",
            name=F("departement__name"),
        )
        .annotate(
            has_local=Count("local_answer", distinct=True),
            has_national=Count("national_escalation", distinct=True),
            has_local_committee=Count("local_committee_reports", distinct=True),
        )
    )
    decisions = dict(
        CommitteeDecision.objects.filter(request__in=queryset.filter(created_at__year=year)).values_list(
            "request_id", "outcome"
        )
    )
    for item in items:
        names[item["departement_id"]] = item["name"]
        _count(rows[item["departement_id"]], item, decisions.get(item["pk"]))
        if item["triaged_at"]:
            delays[item["departement_id"]].append(
                (item["triaged_at"] - item["created_at"]).total_seconds() / 86400
            )
    result = []
    for code in sorted(rows):
        counter = rows[code]
        answered = counter["local"] + counter["national_only"]
        share = round(100 * counter["local"] / answered) if answered else ""
        result.append(
            {
                "departement": code,
                "name": names[code],
                **{k: counter[k] for k, _l in CONSOLIDATION_COLUMNS[2:-2]},
                "local_share": share,
                "median_triage_days": round(statistics.median(delays[code]), 1) if delays[code] else "",
            }
        )
    return result


def _count(counter: Counter, item: dict, decision) -> None:
    """Add one request (a ``values()`` row of ``consolidation``) to its département's counts."""
    counter["received"] += 1
    counter["confirmed"] += bool(item["confirmed_at"])
    counter["local"] += bool(item["has_local"])
    counter["national"] += bool(item["has_national"])
    counter["national_only"] += bool(item["has_national"]) and not item["has_local"]
    counter["validated"] += decision == CommitteeDecision.Outcome.VALIDATED
    counter["refused"] += decision == CommitteeDecision.Outcome.REFUSED
    counter["inadmissible"] += item["state"] == RequestState.INADMISSIBLE
    counter["redirected"] += item["state"] == RequestState.REDIRECTED
    counter["closed"] += item["state"] == RequestState.CLOSED
    counter["open"] += item["state"] not in FINAL_STATES
    counter["local_committee"] += bool(item["has_local_committee"])
    counter["sample"] += item["is_sample"]
