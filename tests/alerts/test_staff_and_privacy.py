"""What the staff see (counts, never an address) and the personal-data page."""

import io

import pytest
from django.core.management import call_command

from alerts import subscriptions, targets
from home.models import FooterSettings

pytestmark = pytest.mark.django_db


def test_the_staff_see_counts_and_no_address(staff_client, real_territories):
    for n, target in enumerate(["departement:08", "commune:08105", "commune:08409"]):
        subscription = subscriptions.subscribe(
            targets.parse(target), f"elu{n}@example.fr", "immediate", "accord"
        )
        if n:
            subscription.confirm()
    body = staff_client.get("/admin/alertes/").content.decode()
    assert "2 abonnements confirmés" in body and "1 en attente de confirmation" in body
    assert "@example.fr" not in body


def test_the_personal_data_page_says_what_the_alerts_keep_once(home_page):
    """The site setup writes the section with the page (legal texts are the setup's
    data, ``home/data/site_setup.yaml``); a second run leaves the page as it is."""
    call_command("setup_site", stdout=io.StringIO())
    call_command("setup_site", stdout=io.StringIO())
    page = FooterSettings.for_site(home_page.get_site()).personal_data_page.specific
    page.refresh_from_db()
    text = str(page.body)
    assert text.count("Alertes par courriel") == 1
    assert "votre consentement" in text and "Base légale" in text
    assert "dès que vous vous désabonnez" in text and "nombres d’abonnements" in text
