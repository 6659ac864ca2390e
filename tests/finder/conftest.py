"""Fixtures of the finder tests: the real reference data and the official lists
shipped in the project, imported once for the session by the same services the
``make run`` commands call."""

import pytest

from finder.official_lists import import_acv_communes
from territories.models import FranceServicesStructure, OfficialDataset
from territories.official_lists import import_france_services, import_single_desks


def ensure_official_lists():
    if not FranceServicesStructure.objects.exists():
        import_france_services()
        import_single_desks()
    if not OfficialDataset.objects.filter(key="action-coeur-de-ville").exists():
        import_acv_communes()


@pytest.fixture(scope="session")
def _official_lists_once(territorial_data, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_official_lists()


@pytest.fixture
def official_lists(real_territories, _official_lists_once, django_db_blocker):
    """The shipped lists, present for this test (imported again after a
    transactional test flushed the tables)."""
    with django_db_blocker.unblock():
        ensure_official_lists()
