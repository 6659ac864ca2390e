"""Bounded queries on the staff pages: the number of queries does not grow with
the number of transitions, attachments or requests. Each test measures a small
and a large case; it also bounds the queries this app makes itself (those on
``engineering_*`` tables), so that a regression shows even if the Wagtail admin
around the page changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from engineering.models import Attachment, EngineeringRequest, RequestState, StateDeadline
from engineering.protocol.workflow import apply_transition
from engineering.wagtail_hooks import RequestsDashboardPanel

from .factories import new_request

pytestmark = pytest.mark.django_db
ADMIN = "/admin/ingenierie/"
LOCAL_CONTACT = {"contact_kind": "ddt", "contact_name": "DDT", "contact_details": "ddt@example.fr"}


def measure(client, url):
    """(all queries, queries on this app's tables) of one page view, once the
    process-wide caches (content types, site root) are warm: a test that ran
    before on the same worker may have left them warm or cold, and the first
    view would then count their queries too."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    own = [q for q in captured.captured_queries if '"engineering_' in q["sql"]]
    return len(captured), len(own)


def confirmed(territories, code="08105", **extra):
    request = new_request(territories[code], **extra)
    apply_transition(request, "confirm_email", None)
    return request


def more_info_rounds(request, delegate, rounds):
    """``rounds`` question-and-answer rounds: two transitions each."""
    for i in range(rounds):
        apply_transition(request, "request_more_info", delegate, {"comment": f"Question {i}"})
        apply_transition(request, "info_received", delegate, {"comment": f"Réponse {i}"})


def attach(request, count):
    for i in range(count):
        Attachment.objects.create(
            request=request,
            file=SimpleUploadedFile(f"piece-{i}.pdf", b"%PDF-1.7\n"),
            original_name=f"piece-{i}.pdf",
            content_type="application/pdf",
            size=9,
        )


def many(territories, count, delegate=None):
    """``count`` more requests, flagged as duplicates (a joined row in the list),
    half of them answered locally (rows in the dashboard's figures)."""
    first = EngineeringRequest.objects.earliest("pk")
    for i in range(count):
        request = confirmed(territories, title=f"Projet {i} de rénovation", email=f"elu{i}@example.fr")
        EngineeringRequest.objects.filter(pk=request.pk).update(duplicate_of=first)
        if delegate and i % 2:
            apply_transition(request, "designate_local_contact", delegate, LOCAL_CONTACT)


def test_detail_view_queries_do_not_grow_with_transitions_and_attachments(client, territories, people):
    delegate = people["ardennes"]
    client.force_login(delegate)
    small = confirmed(territories)
    more_info_rounds(small, delegate, 1)
    attach(small, 1)
    large = confirmed(territories, title="Maison de santé pluriprofessionnelle")
    more_info_rounds(large, delegate, 20)
    attach(large, 10)
    assert large.transitions.count() == 41
    small_counts = measure(client, f"{ADMIN}{small.pk}/")
    large_counts = measure(client, f"{ADMIN}{large.pk}/")
    assert small_counts == large_counts
    # The request with its one-to-one records, 5 prefetches (themes, kinds,
    # attachments, instruments, none of them per row), the timeline with its
    # authors, a guard, the deadlines, the team check: 11.
    assert large_counts[1] <= 11


@pytest.mark.parametrize("user", ["ardennes", "admin"])
def test_list_queries_do_not_grow_with_requests(client, territories, people, user):
    client.force_login(people[user])
    confirmed(territories)
    few = measure(client, ADMIN)
    many(territories, 30)
    confirmed(territories, "2A004", title="Réhabilitation de la citadelle")
    assert measure(client, ADMIN) == few
    assert few[1] <= 5  # count, page of rows with their joins, deadlines, team check, département filter


def test_dashboard_panel_queries_do_not_grow_with_requests(client, territories, people):
    delegate = people["ardennes"]
    client.force_login(delegate)
    StateDeadline.objects.create(state=RequestState.UNDER_TRIAGE, target_days=0)  # all overdue: at risk
    confirmed(territories)
    few = measure(client, "/admin/")
    many(territories, 30, delegate)
    assert measure(client, "/admin/") == few

    # The panel on its own: by state, local/national shares (one aggregate),
    # deadlines, requests at risk per département, triage delays (the user's
    # groups are already known from the menu).
    request = RequestFactory().get("/admin/")
    request.user = delegate
    panel = RequestsDashboardPanel(delegate)
    with CaptureQueriesContext(connection) as captured:
        html = panel.render_html({"request": request})
    assert "31 demandes" in html and "<strong>100 %</strong>" in html and "15 locales" in html
    assert "Ardennes (08)</a></td><td>16</td>" in html
    assert len(captured) == 5
