"""The alerts' forms with hostile input: the subscription form, the manage page
and the confirmation and unsubscribe links (real and forged). Never a 5xx;
nothing half-written: every subscription has its confirmation mail, and a
subscription is never confirmed but by its own link."""

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alerts import subscriptions, targets, tokens
from alerts.forms import SubscriptionForm
from alerts.models import Subscription
from engineering.models import Notification

from .conftest import assert_no_server_error
from .strategies import FUZZ, values

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]
PLAUSIBLE = {
    "target": "commune:08105",
    "email": "maire@example.fr",
    "frequency": "hebdomadaire",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def generous_alert_limits(settings):
    settings.ALERTS_RATE_LIMIT_PER_IP = 10**6
    settings.ALERTS_RATE_LIMIT_PER_EMAIL = 10**6
    settings.ALERTS_ATTEMPT_LIMIT_PER_IP = 10**6


def field_value(name):
    return st.one_of(st.just(PLAUSIBLE.get(name, "")), values, st.lists(values, max_size=3))


form_fields = st.fixed_dictionaries(
    {}, optional={name: field_value(name) for name in [*SubscriptionForm.base_fields, "csrfmiddlewaretoken"]}
)


def assert_nothing_half_written():
    asked = {
        address for n in Notification.objects.filter(kind="alerte_confirmation") for address in n.recipients
    }
    for subscription in Subscription.objects.all():
        assert subscription.is_confirmed or subscription.email in asked, subscription.email


@FUZZ
@given(data=form_fields)
def test_the_subscription_form(client, real_territories, django_capture_on_commit_callbacks, data):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/alertes/abonnement/", data)
    assert_no_server_error(response, repr(data))
    assert_nothing_half_written()


@pytest.fixture
def links(real_territories):
    subscription = subscriptions.subscribe(
        targets.parse("departement:08"), "a@example.fr", "immediate", "accord"
    )
    return subscription, {
        "confirmer": tokens.confirm_token(subscription),
        "desabonnement": tokens.unsubscribe_token(subscription),
        "gerer": tokens.manage_token(subscription),
    }


@FUZZ
@given(
    view=st.sampled_from(["confirmer", "desabonnement", "gerer"]),
    data=st.dictionaries(st.sampled_from(["abonnement", "action", "frequency", "x"]), values, max_size=4),
    tail=values,
    real=st.booleans(),
)
def test_the_links_and_the_manage_page(client, links, view, data, tail, real):
    subscription, tokens_by_view = links
    token = tokens_by_view[view] + ("" if real else quote(tail, safe=""))
    before = list(Subscription.objects.values_list("pk", "confirmed_at", "frequency"))
    response = client.post(f"/alertes/{view}/{token}/", data)
    assert_no_server_error(response, f"{view} {token!r} {data!r}")
    if token != tokens_by_view[view]:  # a forged link changes nothing
        assert list(Subscription.objects.values_list("pk", "confirmed_at", "frequency")) == before
