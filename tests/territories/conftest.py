"""Fixtures of the territories tests: the REAL reference data of the pinned
``@etalab/decoupage-administratif`` package, imported once per test session by
the same command the README's ``make run`` uses, plus catalogue pages built
with the programmes' and pactes' own models."""

import pytest
from django.test import Client

from home.demo import LoadReport
from pactes.models import PacteIndexPage, PactePage
from programmes.demo import load_taxonomies
from programmes.models import (
    BeneficiaryType,
    ProgrammeIndexPage,
    ProgrammePage,
    PublicPolicy,
    TerritoryType,
    Theme,
)
from territories.importer import import_territories
from territories.models import Commune, Departement


@pytest.fixture(scope="session")
def territorial_data(django_db_setup, django_db_blocker):
    """Import the real data once, committed, for the whole session."""
    with django_db_blocker.unblock():
        return import_territories()


@pytest.fixture(autouse=True)
def _reference_data_present(territorial_data, django_db_blocker):
    """Tests run with ``transactional_db`` elsewhere (live server) flush every
    table; reload the reference data before our test opens its transaction."""
    with django_db_blocker.unblock():
        if not Commune.objects.exists():
            import_territories()


@pytest.fixture
def taxonomies(db):
    load_taxonomies(LoadReport())


@pytest.fixture
def programme_index(home_page, taxonomies):
    index = ProgrammeIndexPage(title="Programmes", slug="programmes")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def pacte_index(home_page):
    index = PacteIndexPage(title="Pactes et contrats", slug="pactes")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_programme(index, title, theme="territoires-et-ruralites", beneficiary_types=(), territory_types=(),
                   regions=(), departements=(), **fields):
    """A published programme; taxonomies given by slug, territories by code."""
    fields.setdefault("summary", f"Résumé de {title}.")
    theme = Theme.objects.get(slug=theme)
    policy = PublicPolicy.objects.filter(theme=theme).first()
    page = ProgrammePage(title=title, theme=theme, public_policy=policy, **fields)
    page.eligible_beneficiary_types = list(BeneficiaryType.objects.filter(slug__in=beneficiary_types))
    page.eligible_territory_types = list(TerritoryType.objects.filter(slug__in=territory_types))
    page.eligible_regions = list(regions)
    page.eligible_departements = list(Departement.objects.filter(code__in=departements))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_pacte(index, title, departements=(), **fields):
    fields.setdefault("summary", f"Résumé de {title}.")
    pacte = PactePage(title=title, **fields)
    index.add_child(instance=pacte)
    pacte.covered_departements = list(Departement.objects.filter(code__in=departements))
    pacte.save_revision().publish()
    pacte.refresh_from_db()
    return pacte


@pytest.fixture
def catalogue(programme_index, pacte_index):
    """Pacte Ardennes (département 08), a small-town programme (< 20 000
    inhabitants, communes and EPCI, "Petites villes" list) and an overseas one."""
    return {
        "pacte_ardennes": make_pacte(pacte_index, "Pacte Ardennes", departements=["08"],
                                     territory_label="Ardennes"),
        "plan_creuse": make_pacte(pacte_index, "Plan pour la Creuse", departements=["23"]),
        "petites_villes": make_programme(
            programme_index, "Petites villes de demain", population_max=20000,
            beneficiary_types=["communes", "epci"], territory_types=["petite-ville"],
            eligibility_note="Communes de moins de 20 000 habitants, centres de leur bassin de vie."),
        "outre_mer": make_programme(programme_index, "Programme ultramarin", territory_types=["outre-mer"]),
        "numerique": make_programme(programme_index, "Conseillers numériques", theme="numerique"),
    }


@pytest.fixture
def staff_client(db, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse")
    client = Client()
    client.force_login(user)
    return client
