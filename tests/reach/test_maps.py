"""Département maps paired with lists: the list holds the same départements as
the map highlights (the overseas départements drawn as insets), an image drawn
on the server without JavaScript and served apart from the page."""

import pytest

from finder.models import CurrentBeneficiary
from territories.maps import shapes
from tests.factories import make_pacte, make_programme
from tests.reach.map_reading import map_and_list

pytestmark = pytest.mark.django_db


def test_the_map_draws_every_departement_overseas_included():
    _view_box, drawn = shapes()
    codes = {shape.code for shape in drawn}
    assert len(codes) == 101 and {"01", "2A", "2B", "59", "95", "971", "972", "973", "974", "976"} <= codes


def test_the_pactes_index_map_and_list_hold_the_same_departements(client, catalogue, pacte_index):
    make_pacte(pacte_index, "Pacte ultramarin", departements=["971"])
    body = client.get(pacte_index.url).content.decode()
    highlighted, listed = map_and_list(client, body, "pactes")
    assert highlighted == listed == ["08", "23", "971"]  # Guadeloupe in its inset
    assert "Les départements d’outre-mer sont dessinés dans les cadres à gauche de la métropole." in body
    assert "ne sont pas dessinées" not in body
    assert f'<a href="{catalogue["pacte_ardennes"].url}">Pacte Ardennes</a>' in body
    assert "licence CC BY 4.0" in body and "<script" not in body.split("data-map=")[1].split("</figure>")[0]


def test_the_commune_page_map_shows_its_departement(client, home_page):
    body = client.get("/communes/59350/").content.decode()
    highlighted, listed = map_and_list(client, body, "commune", "is-current")
    assert highlighted == listed == ["59"]
    assert "Nord (59)" in body


def test_a_programme_with_beneficiaries_shows_them_by_departement(client, catalogue, programme_index):
    page = make_programme(programme_index, "Programme Action cœur de ville")
    for code in ("08105", "08409", "59350"):
        CurrentBeneficiary.objects.create(page=page, commune_id=code)
    body = client.get(page.url).content.decode()
    highlighted, listed = map_and_list(client, body, f"beneficiaires-{page.pk}")
    assert highlighted == listed == ["08", "59"]
    assert "2 communes bénéficiaires" in body and "1 commune bénéficiaire" in body


def test_a_programme_without_a_beneficiary_list_has_no_map(client, catalogue):
    assert "anct-map" not in client.get(catalogue["numerique"].url).content.decode()
