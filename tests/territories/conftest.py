"""Fixtures of the territories tests: the real reference data (shared
``real_territories`` fixture) for every test, plus catalogue pages built with the
programmes' and pactes' own models."""

import pytest

from catalogue.models import BeneficiaryType, PublicPolicy, TerritoryType, Theme
from pactes.models import PactePage
from programmes.models import ProgrammePage
from territories.models import Departement


@pytest.fixture(autouse=True)
def _reference_data_present(real_territories):
    """Every territories test reads the real reference data."""


def make_programme(
    index,
    title,
    theme="territoires-et-ruralites",
    beneficiary_types=(),
    territory_types=(),
    regions=(),
    departements=(),
    **fields,
):
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
        "pacte_ardennes": make_pacte(
            pacte_index, "Pacte Ardennes", departements=["08"], territory_label="Ardennes"
        ),
        "plan_creuse": make_pacte(pacte_index, "Plan pour la Creuse", departements=["23"]),
        "petites_villes": make_programme(
            programme_index,
            "Petites villes de demain",
            population_max=20000,
            beneficiary_types=["communes", "epci"],
            territory_types=["petite-ville"],
            eligibility_note="Communes de moins de 20 000 habitants, centres de leur bassin de vie.",
        ),
        "outre_mer": make_programme(programme_index, "Programme ultramarin", territory_types=["outre-mer"]),
        "numerique": make_programme(programme_index, "Conseillers numériques", theme="numerique"),
    }
