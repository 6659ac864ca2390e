"""Helpers of the training tests: dated offers (the training index is shared,
in ``tests/conftest.py``)."""

import datetime

from training.models import TrainingOfferPage, TrainingSession


def make_offer(index, title, session_offsets=(), **fields):
    """A published offer with sessions ``session_offsets`` days from today."""
    fields.setdefault("summary", f"Résumé de {title}.")
    offer = TrainingOfferPage(title=title, **fields)
    index.add_child(instance=offer)
    offer.save_revision().publish()
    today = datetime.date.today()
    for position, days in enumerate(session_offsets):
        TrainingSession.objects.create(
            page=offer, date=today + datetime.timedelta(days=days), place="Paris", sort_order=position
        )
    return offer
