"""Bad input on the alerts' forms and links: a French message, what was typed
kept, nothing half-written (no subscription without its confirmation mail,
none at all from an invalid form), and the rate limit per client and address."""

import time

import pytest
from django.core import signing
from django.core.cache import cache

from alerts import subscriptions, targets, tokens
from alerts.models import Subscription
from engineering.models import Notification

from .conftest import CHARLEVILLE

pytestmark = pytest.mark.django_db
FORM = "/alertes/abonnement/"
VALID = {
    "target": f"commune:{CHARLEVILLE}",
    "email": "maire@example.fr",
    "frequency": "hebdomadaire",
    "consent": "on",
}


def nothing_written():
    return not Subscription.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "email",
            "pas-une-adresse",
            "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.",
        ),
        ("email", "", "Indiquez votre adresse électronique."),
        ("consent", "", "Cochez la case pour donner votre accord : sans lui, rien n’est envoyé."),
        ("frequency", "chaque-heure", "Choisissez une fréquence."),
        ("target", "commune:99999", "Ce territoire ou ce programme n’existe pas (ou plus) sur le site"),
        ("target", "region:44", "Ce territoire ou ce programme n’existe pas (ou plus) sur le site"),
    ],
)
def test_a_bad_field_gets_a_french_message_and_nothing_is_written(
    client, real_territories, field, value, message
):
    data = {**VALID, field: value}
    if not value:
        data.pop(field)
    response = client.post(FORM, data)
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert "Le formulaire contient 1 erreur" in body
    if field != "email":
        assert 'value="maire@example.fr"' in body  # what was typed is kept
    assert nothing_written()


def test_an_unknown_territory_in_a_link_gets_a_french_page(client, real_territories):
    response = client.get(FORM, {"territoire": "commune:99999"})
    assert response.status_code == 404
    assert "Ce territoire ou ce programme n’existe pas (ou plus) sur le site" in response.content.decode()
    assert client.get(FORM, {"page": "12345678"}).status_code == 404
    assert client.get(FORM).status_code == 200  # no target: how to choose one


@pytest.mark.parametrize("view", ["confirmer", "desabonnement", "gerer"])
def test_a_forged_link_gets_a_french_404(client, real_territories, view):
    subscription = subscriptions.subscribe(
        targets.parse("departement:08"), "a@example.fr", "immediate", "accord"
    )
    forged = {
        "confirmer": tokens.confirm_token(subscription),
        "desabonnement": tokens.unsubscribe_token(subscription),
        "gerer": tokens.manage_token(subscription),
    }[view][:-3] + "xyz"
    for method in (client.get, client.post):
        response = method(f"/alertes/{view}/{forged}/")
        assert response.status_code == 404
        assert "Ce lien n’est pas valide" in response.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).exists()
    assert client.get("/alertes/confirmer/a%00b/").status_code == 404  # never reaches the database


def test_an_expired_confirmation_link_gets_a_french_410(client, real_territories, monkeypatch):
    subscription = subscriptions.subscribe(
        targets.parse("departement:08"), "a@example.fr", "immediate", "accord"
    )
    eight_days_ago = time.time() - 8 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    old_link = tokens.confirm_token(subscription)
    monkeypatch.undo()
    response = client.post(f"/alertes/confirmer/{old_link}/")
    assert response.status_code == 410
    assert "Ce lien de confirmation a expiré" in response.content.decode()
    assert not Subscription.objects.get().is_confirmed


def test_a_link_to_a_deleted_subscription_finds_nothing(client, real_territories):
    subscription = subscriptions.subscribe(
        targets.parse("departement:08"), "a@example.fr", "immediate", "accord"
    )
    link = tokens.confirm_token(subscription)
    subscriptions.unsubscribe(subscription)
    assert client.post(f"/alertes/confirmer/{link}/").status_code == 404
    assert not Notification.objects.filter(kind__startswith="alerte").exists()  # the unsent mail went too


def test_subscriptions_are_rate_limited_per_client_and_per_address(client, real_territories, settings):
    settings.ALERTS_RATE_LIMIT_PER_EMAIL = 2
    cache.clear()
    for n in range(2):
        assert client.post(FORM, {**VALID, "target": f"departement:0{n + 1}"}).status_code == 302
    response = client.post(FORM, {**VALID, "target": "departement:08"})
    body = response.content.decode()
    assert response.status_code == 429 and "Trop de demandes d’abonnement" in body
    assert 'value="maire@example.fr"' in body
    assert Subscription.objects.count() == 2
    settings.ALERTS_ATTEMPT_LIMIT_PER_IP = 3
    cache.clear()
    for _ in range(3):
        client.post(FORM, {**VALID, "email": "x"})
    assert client.post(FORM, {**VALID, "email": "autre@example.fr"}).status_code == 429
    # Per client, as the reverse proxy gives its address: the next one is not blocked.
    other = client.post(FORM, {**VALID, "email": "autre@example.fr"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302 and Subscription.objects.count() == 3


def test_asking_twice_sends_the_manage_link_and_changes_nothing(client, real_territories):
    subscription = subscriptions.subscribe(
        targets.parse("departement:08"), "a@example.fr", "immediate", "accord"
    )
    subscription.confirm()
    client.post(
        FORM, {**VALID, "target": "departement:08", "email": "A@example.fr", "frequency": "hebdomadaire"}
    )
    subscription.refresh_from_db()
    assert subscription.frequency == "immediate"
    notice = Notification.objects.get(kind="alerte_deja_abonne")
    assert notice.recipients == ["a@example.fr"] and "/alertes/gerer/" in notice.body


def test_the_manage_page_changes_the_frequency_and_unsubscribes(client, real_territories):
    first = subscriptions.subscribe(targets.parse("departement:08"), "a@example.fr", "immediate", "accord")
    second = subscriptions.subscribe(
        targets.parse(f"commune:{CHARLEVILLE}"), "a@example.fr", "immediate", "accord"
    )
    first.confirm()
    url = f"/alertes/gerer/{tokens.manage_token(first)}/"
    body = client.get(url).content.decode()
    assert "Vous suivez 2 territoires ou programmes." in body and "a@example.fr" not in body
    response = client.post(url, {"abonnement": first.pk, "action": "frequence", "frequency": "hebdomadaire"})
    assert response.status_code == 302
    assert Subscription.objects.get(pk=first.pk).frequency == "hebdomadaire"
    bad = client.post(url, {"abonnement": first.pk, "action": "frequence", "frequency": "toutes-les-heures"})
    assert "Choisissez une fréquence." in bad.content.decode()
    client.post(url, {"abonnement": second.pk, "action": "desabonner"})
    assert list(Subscription.objects.values_list("pk", flat=True)) == [first.pk]
    gone = client.post(url, {"abonnement": second.pk, "action": "desabonner"})
    assert gone.status_code == 404 and "Cet abonnement n’existe plus" in gone.content.decode()
