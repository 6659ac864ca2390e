"""Fixtures of the engineering-request tests.

Territorial data is the real Etalab reference data (node_modules), from the
shared ``real_territories`` fixture.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache as django_cache

from catalogue.models import Partner, Theme
from engineering.models import RoutingRule
from engineering.protocol.roles import AGENCY, COMMITTEE, national_group
from territories.models import EPCI, Commune, Departement
from territories.text import fold

COMMUNES = ["08105", "08409", "2A004", "97411", "93066", "69123"]
EPCIS = ["200041630"]  # CA Ardenne Métropole (Charleville-Mézières, Sedan…)


@pytest.fixture
def territories(real_territories, db):
    """The rows the tests name, keyed by code, from the real reference data."""
    rows = {c.code: c for c in Commune.objects.select_related("departement").filter(code__in=COMMUNES)}
    rows.update({e.code: e for e in EPCI.objects.filter(code__in=EPCIS)})
    return rows


@pytest.fixture(autouse=True)
def clear_rate_limits():
    django_cache.clear()
    yield
    django_cache.clear()


@pytest.fixture
def themes(db):
    names = ["Politique de la ville", "Territoires et ruralités", "Numérique"]
    return [
        Theme.objects.get_or_create(name=n, defaults={"slug": fold(n).replace(" ", "-"), "sort_order": i})[0]
        for i, n in enumerate(names)
    ]


@pytest.fixture
def operators(db):
    return [
        Partner.objects.get_or_create(
            name=name, defaults={"acronym": name, "kind": "operateur", "is_first_circle_operator": True}
        )[0]
        for name in ["ADEME", "ANRU", "ANAH", "CEREMA", "Banque des territoires"]
    ]


@pytest.fixture
def make_user(db, django_user_model):
    def make(username, groups=(), **extra):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.gouv.fr", password="pw-test-123", **extra
        )
        for group in groups:
            user.groups.add(group)
        return user

    return make


def team(departement_code) -> Group:
    return RoutingRule.team_for(Departement.objects.get(code=departement_code))


@pytest.fixture
def people(territories, make_user):
    """One user per role: délégués of the Ardennes and of Corse-du-Sud, agency, committee."""
    return {
        "ardennes": make_user("delegue08", [team("08")]),
        "corse": make_user("delegue2a", [team("2A")]),
        "agency": make_user("agence", [national_group(AGENCY)]),
        "committee": make_user("comite", [national_group(COMMITTEE)]),
        "admin": make_user("admin", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the code defers to the end of its transaction (queued emails), as
    a real commit would: ``with commit(): client.post(...)``."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
