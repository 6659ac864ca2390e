"""What the alerts are made of, recorded once when it happens: a programme or
pacte page published or updated (a new progress report said so), a news item
published under a programme or pacte, an official list import that changes
which communes it names. Nothing is recorded while nobody follows anything.

Whom an event concerns is decided when the digests are written
(``digest``), from the finder's answers at that time; for a list, the event
keeps only the communes someone follows (never the whole list).
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from catalogue.models import EligibilityCriteria
from news.models import NewsPage
from territories.datasets import memberships_changed
from territories.models import Commune

from .models import AlertEvent, Subscription


def anyone_follows() -> bool:
    return Subscription.objects.confirmed().exists()


def _previous_content(page, revision) -> dict | None:
    """The content of the page's previous publication, None for the first."""
    entries = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish", revision__isnull=False)
    if revision is not None:
        entries = entries.exclude(revision_id=revision.pk)
    entry = entries.select_related("revision").order_by("-timestamp", "-pk").first()
    return entry.revision.content if entry is not None else None


def new_progress_reports(page, previous: dict) -> list:
    """Public progress reports the previous publication did not show."""
    reports = getattr(page, "progress_reports", None)
    if reports is None:
        return []
    shown = {item.get("pk") for item in previous.get("progress_reports", []) if item.get("public", True)}
    return [report for report in reports.all() if report.public and report.pk not in shown]


def report_summary(report) -> str:
    counts = []
    if report.done is not None:
        counts.append(_("%(count)s réalisées") % {"count": report.done})
    if report.in_progress is not None:
        counts.append(_("%(count)s en cours") % {"count": report.in_progress})
    what = ", ".join(counts)
    if report.total is not None:
        what = _("%(counts)s sur %(total)s %(unit)s") % {
            "counts": what,
            "total": report.total,
            "unit": report.unit,
        }
    text = report.statement or what or report.unit
    return _("Bilan %(date)s : %(text)s (source : %(source)s).") % {
        "date": report.date_text,
        "text": text,
        "source": report.source,
    }


def page_event(page, revision=None) -> AlertEvent | None:
    """The event of publishing ``page`` (specific), or None when it concerns no alert."""
    if isinstance(page, NewsPage):
        parent = page.get_parent().specific
        if not isinstance(parent, EligibilityCriteria) or _previous_content(page, revision) is not None:
            return None  # news of the whole site, or an edit of a news item already announced
        return AlertEvent(
            kind=AlertEvent.Kind.NEWS, page=parent, news=page, title=page.title, summary=page.introduction
        )
    if not isinstance(page, EligibilityCriteria):
        return None
    previous = _previous_content(page, revision)
    if previous is None:
        return AlertEvent(kind=AlertEvent.Kind.PUBLISHED, page=page, title=page.title)
    reports = new_progress_reports(page, previous)
    if reports:
        summary = " ".join(report_summary(report) for report in reports)
        return AlertEvent(kind=AlertEvent.Kind.PROGRESS, page=page, title=page.title, summary=summary)
    return AlertEvent(kind=AlertEvent.Kind.UPDATED, page=page, title=page.title)


def on_page_published(sender, instance, revision=None, **kwargs):
    if not anyone_follows():
        return
    event = page_event(instance.specific, revision)
    if event is not None:
        event.save()
        schedule()


def followed_communes() -> set[str]:
    """Every commune some confirmed subscription follows, directly or through
    its intercommunality or département (one query)."""
    by_scope = {scope: set() for scope in Subscription.Scope.values}
    for scope, code in Subscription.objects.confirmed().values_list("scope", "code"):
        by_scope[scope].add(code)
    where = (
        Q(pk__in=by_scope[Subscription.Scope.COMMUNE])
        | Q(epci_id__in=by_scope[Subscription.Scope.GROUPEMENT])
        | Q(ept_id__in=by_scope[Subscription.Scope.GROUPEMENT])
        | Q(departement_id__in=by_scope[Subscription.Scope.DEPARTEMENT])
    )
    return set(Commune.objects.filter(where).values_list("pk", flat=True))


def on_memberships_changed(sender, dataset, changes, **kwargs):
    """A list import: keep what it changed for the communes someone follows,
    and the counts for those who follow a page answering from the list."""
    if not anyone_follows():
        return
    followed = followed_communes()
    AlertEvent.objects.create(
        kind=AlertEvent.Kind.LIST,
        dataset=dataset,
        title=dataset.name,
        added=sorted(changes.added & followed),
        removed=sorted(changes.removed & followed),
        changed=sorted(changes.changed & followed),
        counts={
            "added": len(changes.added),
            "removed": len(changes.removed),
            "changed": len(changes.changed),
        },
    )
    schedule()


def schedule():
    """Once the event is saved, send the immediate alerts (``sending``)."""
    from .sending import enqueue

    transaction.on_commit(enqueue, robust=True)


def connect_signals():
    from wagtail.signals import page_published

    page_published.connect(on_page_published, dispatch_uid="alerts_page_published")
    memberships_changed.connect(on_memberships_changed, dispatch_uid="alerts_memberships_changed")
