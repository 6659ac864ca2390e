"""The official lists shipped with the site, on the real data: imports that
change nothing the second time, bad rows reported by line, and the commune page
answering from them (Action cœur de ville, France services, the single desk)."""

import pytest

from finder.eligibility import Outcome, find_programmes
from territories.datasets import import_dataset, spec_for
from territories.models import Commune, FranceServicesStructure, SingleDesk
from territories.official_lists import import_france_services, import_single_desks

pytestmark = pytest.mark.django_db


def test_acv_is_met_in_charleville_with_its_source_and_not_met_in_rethel(acv):
    """Guéret (23096), named in an earlier issue as "not met", is on the ANCT list
    (of April and of September 2024): the list wins. Rethel (08362) is not on it."""
    charleville = find_programmes(Commune.objects.get(pk="08105")).eligible
    criterion = next(e for e in charleville if e.page.pk == acv.pk).criterion("territory_types")
    assert criterion.outcome == Outcome.MET
    assert "liste Action cœur de ville du 5 septembre 2024" in criterion.source
    gueret = find_programmes(Commune.objects.get(pk="23096")).eligible
    assert next(e for e in gueret if e.page.pk == acv.pk).criterion("territory_types").outcome == Outcome.MET
    rethel = find_programmes(Commune.objects.get(pk="08362")).not_eligible
    criterion = next(e for e in rethel if e.page.pk == acv.pk).criterion("territory_types")
    assert criterion.outcome == Outcome.NOT_MET
    assert "liste Action cœur de ville du 5 septembre 2024" in criterion.source


def test_commune_page_shows_acv_source_france_services_and_the_single_desk(client, acv, home_page):
    body = client.get("/communes/08105/").content.decode()
    assert "liste Action cœur de ville du 5 septembre 2024" in body
    assert "France services Charleville-Mézières - Ronde Couture" in body
    assert "France services Charleville-Mézières - Manchester" in body
    assert "2 structures France services dans la commune" in body
    assert "Direction Départementale des Territoires des Ardennes" in body
    assert "mailto:ddt@ardennes.gouv.fr" in body
    assert "ANCT, liste France services au 1er août 2024" in body


def test_without_a_structure_in_the_commune_its_epci_then_its_departement_answer(
    client, official_lists, home_page
):
    commune = (
        Commune.objects.exclude(france_services__isnull=False)
        .filter(epci__communes__france_services__isnull=False)
        .first()
    )
    body = client.get(f"/communes/{commune.code}/").content.decode()
    assert "Aucune dans la commune ;" in body
    assert "dans son intercommunalité" in body


def test_arrondissement_and_commune_deleguee_rows_are_attached_to_their_commune(official_lists):
    # Paris 751xx, Lyon 6938x, Marseille 132xx rows are kept, under their commune.
    assert FranceServicesStructure.objects.filter(commune_id="75056").exists()
    assert FranceServicesStructure.objects.filter(commune_id="13055").exists()
    assert FranceServicesStructure.objects.count() == 2845


def test_importing_each_list_twice_changes_nothing(official_lists):
    for importer in (import_france_services, import_single_desks):
        report = importer()
        assert (report.created, report.updated, report.deleted) == (0, 0, 0)
        assert report.unchanged > 0
    report = import_dataset(spec_for("action-coeur-de-ville"))
    assert (report.created, report.updated, report.deleted, report.unchanged) == (0, 0, 0, 245)


def test_a_list_with_bad_rows_reports_them_by_line_and_keeps_the_good_ones(official_lists, tmp_path):
    content = "insee_code,nom\n08105,Charleville\nABCDE,Mauvais\n99999,Inconnu\n23096,Guéret\n08105,Doublon\n"
    report = import_dataset(spec_for("action-coeur-de-ville"), content)
    assert sorted(
        Commune.objects.filter(dataset_memberships__dataset__key="action-coeur-de-ville").values_list(
            "pk", flat=True
        )
    ) == ["08105", "23096"]
    assert [p["line"] for p in report.rejected] == [3, 4, 6]

    fs = tmp_path / "fs.csv"
    header = '"id_fs","insee_dep","lib_fs","adresse","insee_com","code_postal","lib_com","format_fs"\n'
    fs.write_text(
        header + '"1","08","Bonne","1 rue","08105","08000","Charleville","Fixe"\n'
        '"2","08","Code faux","2 rue","8105X","08000","X","Fixe"\n'
        '"3","08","Inconnue","3 rue","08999","08000","X","Fixe"\n'
        '"4","75","Arrondissement","4 rue","75112","75012","Paris","Fixe"\n'
    )
    report = import_france_services(fs)
    assert [item["line"] for item in report.rejected] == [3, 4]
    assert set(FranceServicesStructure.objects.values_list("commune_id", flat=True)) == {"08105", "75056"}


def test_a_service_listed_twice_keeps_its_latest_version(official_lists):
    desk = SingleDesk.objects.get(departement_id="62", service="Préfecture du Pas-de-Calais")
    assert desk.updated_on is not None
    assert desk.website.startswith("https://www.pas-de-calais.gouv.fr/")


def test_a_france_services_entry_with_two_addresses_gets_one_link_each(client, official_lists, home_page):
    """The list's entry for Étampes-sur-Marne (02292) reads "france-service@carct.fr -
    maisondelagglo@carct.fr": one mailto: per address, none to the whole field."""
    body = client.get("/communes/02292/").content.decode()
    assert 'href="mailto:france-service@carct.fr"' in body
    assert 'href="mailto:maisondelagglo@carct.fr"' in body
    assert "mailto:france-service@carct.fr -" not in body
