"""Every criterion carries its source: shown beside the verdict on the programme
and commune pages, and the admin lists the pages whose criteria cite none."""

import pytest

from catalogue.models import Source
from tests.factories import make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def pvd(programme_index, real_territories):
    return make_programme(programme_index, "Petites villes de demain", population_max=20000)


def test_admin_report_flags_criteria_without_a_source(staff_client, pvd):
    response = staff_client.get("/admin/rapports/criteres-sans-source/")
    assert response.status_code == 200
    assert "Petites villes de demain" in response.content.decode()
    pvd.eligibility_source = Source.objects.create(
        publisher="ANCT",
        title="Programme Petites villes de demain",
        url="https://agence-cohesion-territoires.gouv.fr/",
    )
    pvd.save_revision().publish()
    assert (
        "Petites villes de demain"
        not in staff_client.get("/admin/rapports/criteres-sans-source/").content.decode()
    )


def test_the_source_is_shown_beside_the_verdict(client, pvd, home_page):
    body = client.get("/communes/08362/").content.decode()
    assert "Source des critères : non précisée" in body
    pvd.eligibility_source = Source.objects.create(
        publisher="ANCT", title="Fiche du programme", url="https://example.org/pvd"
    )
    pvd.save_revision().publish()
    body = client.get("/communes/08362/").content.decode()
    assert 'href="https://example.org/pvd"' in body
    assert "ANCT — Fiche du programme" in body
    page_body = client.get(pvd.url).content.decode()
    assert 'href="https://example.org/pvd"' in page_body
