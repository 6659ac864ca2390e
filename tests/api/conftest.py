"""Fixtures of the API tests: the territories tests' catalogue (pactes of the
Ardennes and the Creuse, small-town, overseas and digital programmes), plus a
training offer, a draft and a private page that must never be published."""

import pytest
from wagtail.models import PageViewRestriction

from catalogue.models import Partner, Theme
from programmes.models import ProgrammeContact, ProgrammePage
from tests.factories import TrainingOfferPageFactory, make_pacte, make_programme  # noqa: F401
from tests.replayed_fixtures import replayed
from tests.territories.conftest import catalogue  # noqa: F401


@pytest.fixture
@replayed
def published(catalogue, programme_index, training_index, real_territories):  # noqa: F811
    """The published catalogue, with one draft and one private programme beside it."""
    petites_villes = catalogue["petites_villes"]
    petites_villes.partners = [Partner.objects.order_by("name").first()]
    ProgrammeContact.objects.create(page=petites_villes, organisation="ANCT", email="pvd@example.org")
    petites_villes.save_revision().publish()
    offer = TrainingOfferPageFactory(
        parent=training_index,
        title="Formation des élus au numérique",
        theme=Theme.objects.get(slug="numerique"),
        duration_text="2 jours",
    )
    draft = ProgrammePage(title="Programme en brouillon", summary="Pas encore publié.", live=False)
    programme_index.add_child(instance=draft)
    draft.save_revision()
    private = make_programme(programme_index, "Programme réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return catalogue | {"formation": offer, "draft": draft, "private": private}
