"""Alerts end to end, with the real task worker: subscribe, the confirmation
mail, confirm, an official list import that adds the commune, the digest that
names the change, the one-click unsubscribe, then nothing more."""

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Subscription
from engineering.models import Notification

from .conftest import CHARLEVILLE, import_pvd, link

# Committed for real: the worker, as in production, sees only what was committed
# (and closes its database connection between tasks).
pytestmark = pytest.mark.django_db(transaction=True)


def subscribe(client, target=f"commune:{CHARLEVILLE}", email="maire@example.fr", frequency="immediate"):
    return client.post(
        "/alertes/abonnement/", {"target": target, "email": email, "frequency": frequency, "consent": "on"}
    )


def test_subscribe_confirm_list_import_digest_unsubscribe_then_nothing(client, catalogue, worker, committed):
    with committed():
        response = subscribe(client)
    assert response.status_code == 302 and response["Location"] == "/alertes/abonnement/demande/"
    assert "Un courriel vient d’être envoyé" in client.get(response["Location"]).content.decode()
    assert mail.outbox == []  # nothing is sent inside the request
    worker()
    [confirmation] = mail.outbox
    assert confirmation.to == ["maire@example.fr"]
    assert confirmation.subject == "Confirmez votre abonnement aux nouveautés de Charleville-Mézières (08)"
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed and subscription.consented_at is not None
    assert "J’accepte que mon adresse électronique soit utilisée" in subscription.consent_text

    confirm_url = link(confirmation.body, "/alertes/confirmer/")
    assert "Confirmer mon abonnement" in client.get(confirm_url).content.decode()  # a GET confirms nothing
    assert not Subscription.objects.get().is_confirmed
    assert "Abonnement confirmé" in client.post(confirm_url).content.decode()
    assert Subscription.objects.get().is_confirmed

    with committed():
        import_pvd(CHARLEVILLE)
    worker()
    digest = mail.outbox[-1]
    assert len(mail.outbox) == 2
    assert digest.subject == "1 nouveauté pour Charleville-Mézières (08)"
    assert (
        "Votre commune figure désormais sur la liste « Petites villes de demain » du 7 août 2024."
        in digest.body
    )
    assert "Programmes qui s’appuient sur cette liste : Petites villes de demain." in digest.body
    unsubscribe_url = link(digest.body, "/alertes/desabonnement/")
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_url}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link(digest.body, "/alertes/gerer/")

    # One click from the mail client: a POST without any CSRF token (RFC 8058).
    one_click = Client(enforce_csrf_checks=True).post(unsubscribe_url, {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200 and "Vous êtes désabonné" in one_click.content.decode()
    assert not Subscription.objects.exists()

    with committed():
        import_pvd()  # the commune leaves the list again: nobody follows it any more
    worker()
    assert len(mail.outbox) == 2
    assert not Notification.objects.filter(status=Notification.Status.PENDING).exists()


def test_a_failed_send_is_retried_by_the_outbox(client, catalogue, worker, committed, settings):
    settings.EMAIL_BACKEND = "tests.alerts.failing.FailingBackend"
    with committed():
        subscribe(client)
    worker()
    notification = Notification.objects.get(kind="alerte_confirmation")
    assert notification.status == Notification.Status.PENDING and notification.attempts == 1
    assert "refused" in notification.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from engineering.protocol.outbox import send_due

    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=notification.created_at)
    assert send_due()["sent"] == 1
    assert mail.outbox[-1].subject.startswith("Confirmez votre abonnement")
