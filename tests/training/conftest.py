"""Fixtures of the training tests: the training index and dated offers."""

import datetime

import pytest

from training.models import TrainingIndexPage, TrainingOfferPage, TrainingSession


@pytest.fixture
def training_index(home_page):
    index = TrainingIndexPage(title="Formations des élus", slug="formations")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_offer(index, title, session_offsets=(), **fields):
    """A published offer with sessions ``session_offsets`` days from today."""
    fields.setdefault("summary", f"Résumé de {title}.")
    offer = TrainingOfferPage(title=title, **fields)
    index.add_child(instance=offer)
    offer.save_revision().publish()
    today = datetime.date.today()
    for position, days in enumerate(session_offsets):
        TrainingSession.objects.create(page=offer, date=today + datetime.timedelta(days=days),
                                       place="Paris", sort_order=position)
    return offer
