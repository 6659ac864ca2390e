"""Fixtures of the pacte tests: a few real départements and pactes (the pacte
index is shared, in ``tests/conftest.py``)."""

from decimal import Decimal

import pytest

from catalogue.models import Partner
from pactes.models import ActionStatus
from territories.models import Departement
from tests.factories import PactePageFactory


@pytest.fixture
def departements(real_territories, db):
    """Ardennes, Creuse, Nord and Aisne from the real reference data, by code."""
    return Departement.objects.in_bulk(["08", "23", "59", "02"])


@pytest.fixture
def partner(db):
    return Partner.objects.get_or_create(name="Banque des territoires")[0]


@pytest.fixture
def ardennes_pacte(pacte_index, departements):
    return PactePageFactory(
        parent=pacte_index,
        title="Pacte Ardennes",
        covered_departements=[departements["08"]],
        actions=[
            (ActionStatus.DONE, Decimal("1000")),
            (ActionStatus.DONE, None),
            (ActionStatus.IN_PROGRESS, Decimal("500")),
        ],
    )
