"""Fixtures of the finder tests: the real reference data and the official lists
shipped in the project, imported by the same services the ``make run`` commands
call into the template test database (tests/database_template.py), so already
there; imported again only if a test emptied them (they are reference data: no
content row)."""

import pytest

from territories.datasets import import_datasets
from territories.models import DatasetMembership, FranceServicesStructure
from territories.official_lists import import_france_services, import_single_desks
from tests.factories import make_programme


def ensure_reference_lists():
    """France services, single desks and the official lists and zonages: committed
    once like the territorial data."""
    if not FranceServicesStructure.objects.exists():
        import_france_services()
        import_single_desks()
    if not DatasetMembership.objects.exists():
        import_datasets()


@pytest.fixture(scope="session")
def _official_lists_once(territorial_data, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_reference_lists()


@pytest.fixture
def official_lists(real_territories, _official_lists_once, django_db_blocker, db):
    """The shipped lists, present for this test (imported again after a
    transactional test flushed the tables)."""
    with django_db_blocker.unblock():
        ensure_reference_lists()


@pytest.fixture
def acv(programme_index, official_lists):
    """The Action cœur de ville programme, whose criterion names the ACV list."""
    return make_programme(programme_index, "Action cœur de ville", territory_types=["action-coeur-de-ville"])
