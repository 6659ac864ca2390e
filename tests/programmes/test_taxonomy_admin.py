"""Editors manage the catalogue taxonomies from one "Catalogue" admin menu."""

import pytest
from django.urls import reverse

from catalogue.models import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme
from tests.factories import PartnerFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "query", "expected"),
    [
        (Theme, "", "Territoires et ruralités"),
        (PublicPolicy, "?theme={politique-de-la-ville}", "Éducation"),
        (Partner, "?is_first_circle_operator=true", "CEREMA"),
        (BeneficiaryType, "", "Intercommunalités (EPCI)"),
        (TerritoryType, "?rule=outre_mer", "Outre-mer"),
    ],
)
def test_each_taxonomy_has_an_admin_list_with_filters(taxonomies, staff_client, model, query, expected):
    PartnerFactory(name="CEREMA", acronym="CEREMA", kind="operateur", is_first_circle_operator=True)
    url = reverse(f"wagtailsnippets_catalogue_{model._meta.model_name}:list")
    if "{politique-de-la-ville}" in query:
        query = f"?theme={Theme.objects.get(slug='politique-de-la-ville').pk}"
    response = staff_client.get(url + query)
    assert response.status_code == 200
    assert expected in response.content.decode()
    if model is Partner:  # the filter leaves out the association (not a first-circle operator)
        assert "APVF" not in response.content.decode()


@pytest.mark.django_db
def test_the_catalogue_menu_groups_the_taxonomies(staff_client):
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Catalogue" in html and "Politiques publiques" in html and "Types de territoires" in html


@pytest.mark.django_db
def test_an_editor_adds_a_partner(staff_client):
    url = reverse("wagtailsnippets_catalogue_partner:add")
    response = staff_client.post(
        url, {"name": "Agence nationale du sport", "acronym": "ANS", "kind": "operateur", "website": ""}
    )
    assert response.status_code == 302
    assert Partner.objects.get(acronym="ANS").name == "Agence nationale du sport"
