"""The staff views with a logged-in délégué and an administrator, hostile
parameters and action data: never a 5xx, and the request's state always
matches its last logged transition (no half-applied action)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engineering.protocol.registry import actions
from engineering.protocol.workflow import apply_transition
from tests.engineering.factories import new_request

from .conftest import assert_no_server_error
from .strategies import FUZZ, params, values

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]
ADMIN = "/admin/ingenierie/"


@pytest.fixture
def staff(client, territories, people):
    request = new_request(territories["08105"])
    apply_transition(request, "confirm_email", None)
    return request, people


def action_data(name):
    action = actions.get(name)
    fields = list(action.form_class.base_fields) if action and action.form_class else ["comment"]
    return st.dictionaries(st.sampled_from(fields), st.one_of(values, st.lists(values, max_size=3)))


@FUZZ
@given(
    who=st.sampled_from(["ardennes", "corse", "admin", "agency"]),
    view=st.sampled_from(["index", "export", "emails", "detail", "attachment", "act", "resend"]),
    query=params(["q", "state", "departement", "theme", "age", "p", "annee", "export", "ordering"]),
    segment=st.one_of(values, st.just("{pk}")),
    action=st.one_of(st.sampled_from(sorted(actions)), values),
    data=st.data(),
)
def test_staff_views(client, staff, who, view, query, segment, action, data):
    request, people = staff
    client.force_login(people[who])
    pk = str(request.pk) if segment == "{pk}" else (segment.replace("/", "%2F") or "x")
    if view in ("index", "export", "emails"):
        url = {"index": ADMIN, "export": f"{ADMIN}consolidation/", "emails": f"{ADMIN}courriels/"}[view]
        response = client.get(url, query)
    elif view == "detail":
        response = client.get(f"{ADMIN}{pk}/", query)
    elif view == "attachment":
        response = client.get(f"/ingenierie/piece-jointe/{pk}/{pk}/")
    elif view == "resend":
        response = client.post(f"{ADMIN}courriels/{pk}/renvoyer/")
    else:
        name = action.replace("/", "%2F") or "x"
        query = data.draw(action_data(action))
        response = client.post(f"{ADMIN}{request.pk}/action/{name}/", query)
    assert_no_server_error(response, f"{who} {view} {pk!r} {action!r} {query!r}")
    request.refresh_from_db()
    logged = request.transitions.order_by("-at", "-pk").first()
    assert logged is None or logged.to_state == request.state
