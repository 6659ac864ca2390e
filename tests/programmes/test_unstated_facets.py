"""Facet filters on /programmes/ say how many programmes do not state the
filtered field: a filter on "Départements" that returns nothing must not read as
"no programme is for départements" when most programmes state no beneficiary."""

import pytest

from programmes.models import ProgrammePage
from tests.factories import make_programme

pytestmark = pytest.mark.django_db


def test_the_beneficiary_filter_counts_the_programmes_that_state_none(client, programme_index):
    make_programme(programme_index, "Pour les communes", beneficiary_types=["communes"])
    make_programme(programme_index, "Sans bénéficiaire 1")
    make_programme(programme_index, "Sans bénéficiaire 2")
    body = client.get("/programmes/?beneficiaire=departements").content.decode()
    assert "2 programmes ne précisent pas leurs bénéficiaires" in body
    body = client.get("/programmes/?beneficiaire=communes").content.decode()
    assert "Pour les communes" in body
    assert "2 programmes ne précisent pas leurs bénéficiaires" in body
    assert ProgrammePage.objects.count() == 3


def test_without_a_filter_nothing_is_said(client, programme_index):
    make_programme(programme_index, "Sans bénéficiaire")
    assert "ne précisent pas" not in client.get("/programmes/").content.decode()
    assert "ne précise pas" not in client.get("/programmes/").content.decode()
