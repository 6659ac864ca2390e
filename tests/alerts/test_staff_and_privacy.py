"""What the staff see (counts, never an address) and the personal-data page."""

import pytest

from alerts import subscriptions, targets
from alerts.setup import HEADING, setup
from core.upsert import LoadReport
from engineering.setup import setup as setup_engineering
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
    setup_engineering(LoadReport())
    assert setup(LoadReport()).updated == 1
    assert setup(LoadReport()).unchanged == 1
    page = FooterSettings.for_site(home_page.get_site()).personal_data_page.specific
    page.refresh_from_db()
    text = str(page.body)
    assert text.count(HEADING) == 1
    assert "votre consentement" in text and "Base légale" in text
    assert "dès que vous vous désabonnez" in text and "nombres d’abonnements" in text
