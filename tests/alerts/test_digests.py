"""What a digest says, and when: a weekly subscriber hears once a week, an
immediate one at once; a programme or pacte published or updated that
concerns the territory, a progress report, a news item on a programme that
fits it, an official list that changes the answer for one of its communes;
nothing about a pacte elsewhere or a list no programme answers from."""

import datetime
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from alerts import subscriptions, targets
from alerts.events import page_event
from alerts.models import AlertEvent, Subscription
from alerts.sending import send_alerts
from catalogue.models import Source
from engineering.models import Notification
from news.models import NewsPage
from pactes.models import PacteProgressReport
from programmes.models import ProgrammePage

from .conftest import CHARLEVILLE, import_pvd

pytestmark = pytest.mark.django_db


def follow(target: str, frequency=Subscription.Frequency.IMMEDIATE, email="elu@example.fr") -> Subscription:
    subscription = subscriptions.subscribe(targets.parse(target), email, frequency, "accord")
    subscription.confirm()
    Notification.objects.filter(kind="alerte_confirmation").delete()  # sent long ago
    mail.outbox.clear()
    return subscription


def deliver(now=None):
    """One run of the sender, then the outbox's due mails (what the worker does)."""
    from engineering.protocol.outbox import send_due

    counts = send_alerts(now=now)
    send_due(now=(now or timezone.now()) + timedelta(seconds=1))
    return counts


def test_an_intercommunality_hears_which_of_its_communes_a_list_now_names(catalogue):
    follow("intercommunalite:200041630")  # CA Ardenne Métropole
    import_pvd(CHARLEVILLE, "08409")  # Charleville-Mézières and Sedan
    deliver()
    [digest] = mail.outbox
    assert digest.subject == "1 nouveauté pour CA Ardenne Métropole"
    assert (
        "2 communes de votre intercommunalité figurent désormais sur la liste « Petites villes de demain » du "
        "7 août 2024 : Charleville-Mézières, Sedan." in digest.body
    )


def test_a_list_change_elsewhere_or_that_no_programme_reads_says_nothing(catalogue):
    follow("departement:23")  # the Creuse
    import_pvd(CHARLEVILLE)
    counts = deliver()
    assert mail.outbox == [] and counts["nothing"] == 1
    assert Subscription.objects.get().last_event_id == AlertEvent.objects.latest("pk").pk


def test_a_page_follower_hears_of_its_list(catalogue):
    follow(f"page:{catalogue['pvd'].pk}")
    import_pvd(CHARLEVILLE)
    deliver()
    [digest] = mail.outbox
    assert (
        "La liste « Petites villes de demain » du 7 août 2024 a été mise à jour (communes ajoutées : 1 ; "
        "retirées : 0 ; dont la mention change : 0)." in digest.body
    )


def test_a_weekly_subscriber_hears_once_a_week(catalogue):
    subscription = follow(f"commune:{CHARLEVILLE}", Subscription.Frequency.WEEKLY)
    import_pvd(CHARLEVILLE)
    assert deliver()["sent"] == 0 and mail.outbox == []  # the week is not over
    later = subscription.next_digest_at + timedelta(minutes=1)
    assert deliver(now=later)["sent"] == 1
    assert len(mail.outbox) == 1
    import_pvd()
    assert deliver(now=later + timedelta(days=1))["sent"] == 0  # next week
    assert deliver(now=later + timedelta(days=7, minutes=2))["sent"] == 1
    assert "ne figure plus sur la liste « Petites villes de demain »" in mail.outbox[-1].body


def test_publications_that_concern_the_territory(catalogue, programme_index):
    follow(f"commune:{CHARLEVILLE}")
    ardennes, creuse = catalogue["ardennes"], catalogue["creuse"]
    ardennes.save_revision().publish()  # published before: an update
    creuse.save_revision().publish()  # a pacte elsewhere: not for Charleville
    new = ProgrammePage(title="Programme des tiers-lieux", summary="Sans critère publié : pour toutes.")
    programme_index.add_child(instance=new)
    new.save_revision().publish()  # first publication: a new page
    source = Source.objects.create(
        title="Rapport du comité de pilotage",
        publisher="Préfecture des Ardennes",
        url="https://www.ardennes.gouv.fr/",
    )
    PacteProgressReport.objects.create(
        page=ardennes,
        as_of=datetime.date(2026, 10, 1),
        unit="fiches-actions",
        done=12,
        total=40,
        source=source,
    )
    ardennes.save_revision().publish()
    news = NewsPage(
        title="Signature de l’avenant", introduction="Un avenant au pacte.", date=datetime.date(2026, 11, 2)
    )
    ardennes.add_child(instance=news)
    news.save_revision().publish()
    deliver()
    [digest] = mail.outbox
    assert digest.subject == "4 nouveautés pour Charleville-Mézières (08)"
    lines = [line for line in digest.body.splitlines() if line.startswith("- ")]
    assert lines == [
        "- Nouvelle page : « Programme des tiers-lieux ».",
        "- Nouveau bilan d’avancement de « Pacte Ardennes ». Bilan au 1er octobre 2026 : 12 réalisées sur 40 "
        "fiches-actions (source : Préfecture des Ardennes — Rapport du comité de pilotage).",
        "- Page mise à jour : « Pacte Ardennes ».",
        "- Actualité de « Pacte Ardennes » : Signature de l’avenant.",
    ]
    assert "Creuse" not in digest.body
    assert f"http://testserver{news.url}" in digest.body


def test_nothing_is_recorded_while_nobody_follows(catalogue):
    import_pvd(CHARLEVILLE)
    catalogue["ardennes"].save_revision().publish()
    assert not AlertEvent.objects.exists()


def test_an_update_of_a_news_item_or_a_site_wide_news_is_not_news(catalogue, home_page):
    from news.models import NewsIndexPage

    follow(f"commune:{CHARLEVILLE}")
    index = NewsIndexPage(title="Actualités", slug="actualites")
    home_page.add_child(instance=index)
    item = NewsPage(title="Une actualité du site", introduction="Chapô.")
    index.add_child(instance=item)
    assert page_event(item) is None


def test_runs_are_bounded_and_say_what_remains(catalogue, settings):
    for n in range(3):
        follow(f"commune:{CHARLEVILLE}", email=f"elu{n}@example.fr")
    import_pvd(CHARLEVILLE)
    first = send_alerts(limit=2)
    assert first["sent"] == 2 and first["remaining"]
    second = send_alerts(limit=2)
    assert second["sent"] == 1 and not second["remaining"]
    assert send_alerts(limit=2)["sent"] == 0  # each digest once


def test_expiry_deletes_unconfirmed_subscriptions_and_old_alert_mails(catalogue, client):
    subscription = subscriptions.subscribe(
        targets.parse("departement:08"), "a@example.fr", "immediate", "accord"
    )
    Subscription.objects.filter(pk=subscription.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    counts = subscriptions.expire()
    assert counts["subscriptions"] == 1 and not Subscription.objects.exists()
