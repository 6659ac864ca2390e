"""Editors enter criteria without mistakes: in the page editor each checkbox sits
inside its own label (Django's and Wagtail's markup, not django-dsfr's, which
set boxes apart from their labels), and régions, départements, arrondissements,
EPCI, communes, territory and beneficiary types are chosen with a searchable
selector that shows the choice, instead of lists of hundreds of options."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from catalogue.models import BeneficiaryType
from territories.models import Departement
from tests.factories import PartnerFactory, ProgrammeIndexPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(home_page):
    partners = [
        PartnerFactory(name=name, acronym=acronym)
        for name, acronym in [
            ("Agence nationale pour la rénovation urbaine", "ANRU"),
            ("Association des petites villes de France", "APVF"),
            ("Villes de France", ""),
        ]
    ]
    index = ProgrammeIndexPageFactory(parent=home_page)
    return ProgrammePageFactory(parent=index, title="Petites villes de demain", partners=partners[1:2])


def edit_page(client, page) -> BeautifulSoup:
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_each_checkbox_of_the_editor_is_inside_its_own_label(staff_client, programme):
    page = edit_page(staff_client, programme)
    for name in ("partners", "agency_support"):
        boxes = page.find_all("input", attrs={"type": "checkbox", "name": name})
        assert len(boxes) >= 3, name
        for box in boxes:
            label = box.find_parent("label")
            assert label is not None and label["for"] == box["id"], box
            assert label.find_all("input") == [box]
            assert label.get_text(strip=True)
    ticked = [
        box.find_parent("label").get_text(strip=True)
        for box in page.find_all("input", checked=True, attrs={"name": "partners"})
    ]
    assert ticked == ["Association des petites villes de France (APVF)"]
    assert not page.select("form .fr-checkbox-group, form .fr-fieldset")


def test_territories_and_types_are_chosen_with_a_searchable_selector(
    staff_client, programme, real_territories
):
    page = edit_page(staff_client, programme)
    for name in (
        "eligible_regions",
        "eligible_departements",
        "eligible_territory_types",
        "eligible_beneficiary_types",
        "perimeter_epcis",
    ):
        assert page.find(attrs={"data-autocomplete-input-name": name}) is not None, name
        assert not page.find("select", attrs={"name": name}), name
    search = staff_client.post(
        "/admin/autocomplete/search/", {"type": "territories.Departement", "query": "ardennes"}
    )
    assert [item["title"] for item in search.json()["items"]] == ["Ardennes (08)"]
    by_code = staff_client.post(
        "/admin/autocomplete/search/", {"type": "territories.Departement", "query": "2A"}
    )
    assert [item["title"] for item in by_code.json()["items"]] == ["Corse-du-Sud (2A)"]


def test_the_selector_shows_and_saves_the_choice(staff_client, programme, real_territories):
    communes = BeneficiaryType.objects.create(name="Communes", slug="communes", collectivite_level="commune")
    programme.eligible_beneficiary_types = [communes]
    programme.eligible_departements = [Departement.objects.get(code="08")]
    programme.save_revision().publish()
    page = edit_page(staff_client, programme)
    shown = page.find(attrs={"data-autocomplete-input-name": "eligible_departements"})
    assert [item["title"] for item in json.loads(shown["data-autocomplete-input-value"])] == ["Ardennes (08)"]
    shown = page.find(attrs={"data-autocomplete-input-name": "eligible_beneficiary_types"})
    assert [item["title"] for item in json.loads(shown["data-autocomplete-input-value"])] == ["Communes"]


def search(client, model: str, query: str) -> list[str]:
    """What the searchable selector proposes for ``query``."""
    response = client.post("/admin/autocomplete/search/", {"type": model, "query": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_the_pacte_editor_chooses_its_territory_with_searchable_selectors(
    staff_client, pacte_index, real_territories
):
    from tests.factories import PactePageFactory

    pacte = PactePageFactory(parent=pacte_index, title="Bassin minier")
    page = edit_page(staff_client, pacte)
    for name in ("covered_departements", "covered_arrondissements", "covered_communes", "perimeter_epcis"):
        assert page.find(attrs={"data-autocomplete-input-name": name}) is not None, name
        assert not page.find("select", attrs={"name": name}), name
    assert len(page.find_all("option")) < 100, "no list of 1,255 EPCI or 333 arrondissements"


def test_an_epci_is_found_by_a_word_of_its_name_or_its_siren(staff_client, real_territories):
    assert search(staff_client, "territories.EPCI", "douaisis") == ["CA Douaisis Agglo (SIREN 200044618)"]
    assert search(staff_client, "territories.EPCI", "Cœur d’Ostrevent") == [
        "CA Coeur d'Ostrevent (SIREN 245901152)"
    ]
    assert search(staff_client, "territories.EPCI", "200044618") == ["CA Douaisis Agglo (SIREN 200044618)"]
    assert search(staff_client, "territories.EPCI", "  ") == []


def test_a_commune_is_found_by_its_name_or_insee_code_the_largest_first(staff_client, real_territories):
    assert (
        search(staff_client, "territories.Commune", "charleville")[0] == "Charleville-Mézières (08) — 08105"
    )
    assert search(staff_client, "territories.Commune", "08105") == ["Charleville-Mézières (08) — 08105"]
    saint_denis = search(staff_client, "territories.Commune", "st denis")
    # La Réunion's Saint-Denis is the most populated of them.
    assert saint_denis[:2] == ["Saint-Denis (974) — 97411", "Saint-Denis (93) — 93066"]


def test_departements_and_arrondissements_are_found_whatever_the_accents(staff_client, real_territories):
    assert search(staff_client, "territories.Departement", "correze") == ["Corrèze (19)"]
    assert search(staff_client, "territories.Arrondissement", "avesnes") == ["Avesnes-sur-Helpe (59)"]
    assert search(staff_client, "territories.Arrondissement", "chateau chinon") == [
        "Château-Chinon (Ville) (58)"
    ]
