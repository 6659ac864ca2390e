"""Partial perimeters on the real data: the Bassin minier demo pacte covers only
part of the Nord and the Pas-de-Calais, inside 8 EPCI. Never a false "rempli":
inside them "à vérifier" until its commune list is imported, outside "non rempli"."""

import pytest

from core.upsert import LoadReport
from demo.loader import load_block, read
from finder.commune_lists import import_commune_list
from finder.eligibility import Outcome, find_programmes
from pactes.models import PactePage
from territories.models import Commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def bassin_minier(pacte_index, real_territories, taxonomies):
    block = next(b for b in read("pactes.yaml") if b["model"] == "pactes.PactePage")
    load_block({**block, "rows": [r for r in block["rows"] if r["slug"] == "bassin-minier"]}, LoadReport())
    return PactePage.objects.get(slug="bassin-minier")


def outcome(pacte, code):
    result = find_programmes(Commune.objects.get(pk=code))
    evaluation = next(e for e in result.evaluations if e.page.pk == pacte.pk)
    return evaluation.criterion("covered_territory").outcome


def test_the_demo_pacte_is_partial_and_bounded_by_its_eight_epci(bassin_minier):
    assert bassin_minier.is_partial
    epcis = list(bassin_minier.perimeter_epcis.all())
    assert len(epcis) == 8
    assert Commune.objects.filter(epci__in=epcis).count() == 336


@pytest.mark.parametrize("code", ["59350", "59392"])
def test_lille_and_maubeuge_are_outside(bassin_minier, code):
    assert outcome(bassin_minier, code) == Outcome.NOT_MET


def test_lens_is_to_check_then_met_once_a_list_containing_it_is_imported(bassin_minier):
    assert outcome(bassin_minier, "62498") == Outcome.TO_CHECK
    report = import_commune_list("code_insee\n62498\n62510\n", perimeter_page=bassin_minier)
    assert report.saved
    assert outcome(bassin_minier, "62498") == Outcome.MET
    assert outcome(bassin_minier, "62041") == Outcome.NOT_MET  # Arras: not in the imported list


def test_outside_the_two_departements_it_is_not_met(bassin_minier):
    assert outcome(bassin_minier, "08105") == Outcome.NOT_MET


def test_no_commune_of_the_nord_and_pas_de_calais_reads_met_without_a_list(bassin_minier, client, home_page):
    body = client.get("/communes/62498/").content.decode()
    assert "ne couvre qu&#x27;une partie" in body or "ne couvre qu'une partie" in body


def test_the_command_imports_a_perimeter_list_by_slug(bassin_minier, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "bassin-minier.csv"
    path.write_text("code_insee\n62498\n")
    call_command("import_commune_list", str(path), perimeter="bassin-minier")
    assert "1 communes : 1 ajoutées" in capsys.readouterr().out
    assert outcome(bassin_minier, "62498") == Outcome.MET
