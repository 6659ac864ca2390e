"""Fixtures of the pacte tests: a few real départements and pactes (the pacte
index is shared, in ``tests/conftest.py``)."""

from decimal import Decimal

import pytest

from catalogue.models import Partner
from pactes.models import ActionStatus, PacteAction, PacteAxis, PactePage
from territories.models import Departement


@pytest.fixture
def departements(real_territories, db):
    """Ardennes, Creuse, Nord and Aisne from the real reference data, by code."""
    return Departement.objects.in_bulk(["08", "23", "59", "02"])


@pytest.fixture
def partner(db):
    return Partner.objects.get_or_create(name="Banque des territoires")[0]


def make_pacte(index, title, departements=(), actions=(), **fields):
    """A published pacte with one axis holding ``actions`` (list of statuses or
    (status, budget) pairs)."""
    fields.setdefault("summary", f"Résumé de {title}.")
    pacte = PactePage(title=title, **fields)
    index.add_child(instance=pacte)
    pacte.covered_departements = list(departements)
    pacte.save_revision().publish()
    pacte.refresh_from_db()
    if actions:
        axis = PacteAxis.objects.create(page=pacte, title=f"Axe de {title}", sort_order=0)
        for position, action in enumerate(actions):
            status, budget = action if isinstance(action, tuple) else (action, None)
            PacteAction.objects.create(
                axis=axis, title=f"Action {position + 1}", status=status, budget=budget, sort_order=position
            )
    return pacte


@pytest.fixture
def ardennes_pacte(pacte_index, departements):
    return make_pacte(
        pacte_index,
        "Pacte Ardennes",
        [departements["08"]],
        actions=[
            (ActionStatus.DONE, Decimal("1000")),
            (ActionStatus.DONE, None),
            (ActionStatus.IN_PROGRESS, Decimal("500")),
        ],
    )
