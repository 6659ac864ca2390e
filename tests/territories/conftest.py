"""Fixtures of the territories tests: the real reference data (shared
``real_territories`` fixture) for every test, plus catalogue pages built with
``tests.factories``."""

import pytest

from catalogue.models import BeneficiaryType, TerritoryType
from territories.models import Departement
from tests.factories import PactePageFactory, ProgrammePageFactory
from tests.replayed_fixtures import replayed


@pytest.fixture(autouse=True)
def _reference_data_present(real_territories):
    """Every territories test reads the real reference data."""


@pytest.fixture
@replayed
def catalogue(programme_index, pacte_index):
    """Pacte Ardennes (département 08), a small-town programme (< 20 000
    inhabitants, communes and EPCI, "Petites villes" list) and an overseas one."""
    return {
        "pacte_ardennes": PactePageFactory(
            parent=pacte_index,
            title="Pacte Ardennes",
            covered_departements=Departement.objects.filter(code__in=["08"]),
            territory_label="Ardennes",
        ),
        "plan_creuse": PactePageFactory(
            parent=pacte_index,
            title="Plan pour la Creuse",
            covered_departements=Departement.objects.filter(code__in=["23"]),
        ),
        "petites_villes": ProgrammePageFactory(
            parent=programme_index,
            title="Petites villes de demain",
            theme__slug="territoires-et-ruralites",
            eligible_beneficiary_types=BeneficiaryType.objects.filter(slug__in=["communes", "epci"]),
            eligible_territory_types=TerritoryType.objects.filter(slug__in=["petite-ville"]),
            population_max=20000,
            eligibility_note="Communes de moins de 20 000 habitants, centres de leur bassin de vie.",
        ),
        "outre_mer": ProgrammePageFactory(
            parent=programme_index,
            title="Programme ultramarin",
            theme__slug="territoires-et-ruralites",
            eligible_territory_types=TerritoryType.objects.filter(slug__in=["outre-mer"]),
        ),
        "numerique": ProgrammePageFactory(
            parent=programme_index, title="Conseillers numériques", theme__slug="numerique"
        ),
    }
