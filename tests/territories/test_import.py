"""The import of the real reference data (@etalab/decoupage-administratif 6.0.0)."""

import json
import shutil

import pytest
from django.core.management import call_command

from territories.importer import DEFAULT_PACKAGE_DIR, import_territories, read_version
from territories.models import (
    EPCI,
    Commune,
    CommunePostalCode,
    Departement,
    FormerCommuneName,
    Region,
    TerritorialDataImport,
)

pytestmark = pytest.mark.django_db


def test_every_current_commune_and_epci_of_the_pinned_version_is_loaded(territorial_data):
    assert read_version(DEFAULT_PACKAGE_DIR) == "6.0.0"
    assert Commune.objects.count() == 34969
    assert EPCI.objects.count() == 1255
    assert Region.objects.count() == 26  # 18 régions + 8 collectivités d'outre-mer
    assert Departement.objects.count() == 109
    assert territorial_data.rejected == []
    last = TerritorialDataImport.objects.latest()
    assert last.version == "6.0.0"
    assert last.counts["communes"] == 34969 and last.counts["epci"] == 1255


def test_communes_carry_their_territories_postal_codes_and_epci():
    charleville = Commune.objects.select_related("departement", "region", "epci").get(pk="08105")
    assert charleville.name == "Charleville-Mézières"
    assert charleville.search_name == "charleville mezieres"
    assert charleville.departement.name == "Ardennes" and charleville.region.name == "Grand Est"
    assert charleville.epci.name == "CA Ardenne Métropole"
    assert charleville.postal_codes == ["08000"]
    assert Commune.objects.get(pk="42218").search_name == "saint etienne"
    assert CommunePostalCode.objects.filter(postal_code="08000").count() == 6
    # EPCI membership: every member code of epci.json is a current commune.
    assert Commune.objects.filter(epci__isnull=False).count() == 34871


def test_former_communes_lead_to_their_current_commune():
    terron = FormerCommuneName.objects.get(name="Terron-sur-Aisne")
    assert terron.kind == "commune-deleguee" and terron.commune.name == "Vouziers"
    marseille_1 = FormerCommuneName.objects.get(code="13201")
    assert marseille_1.kind == "arrondissement-municipal" and marseille_1.commune_id == "13055"
    assert FormerCommuneName.objects.count() == 2105 + 471 + 45


def test_a_second_run_changes_nothing(capsys):
    before = list(
        Commune.objects.order_by("pk").values_list(
            "pk", "name", "search_name", "population", "epci_id", "postal_codes"
        )
    )
    runs = TerritorialDataImport.objects.count()
    call_command("import_territories")
    output = capsys.readouterr().out
    assert "0 créés, 0 mis à jour, 0 supprimés, 0 rejetés" in output
    assert "Communes : 34969 lus, 0 créés, 0 mis à jour." in output
    after = list(
        Commune.objects.order_by("pk").values_list(
            "pk", "name", "search_name", "population", "epci_id", "postal_codes"
        )
    )
    assert after == before
    assert TerritorialDataImport.objects.count() == runs + 1  # the run is recorded, nothing else


def test_a_changed_record_is_updated_and_only_that(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_PACKAGE_DIR / "data", data)
    shutil.copy(DEFAULT_PACKAGE_DIR / "package.json", tmp_path / "package.json")
    communes = json.loads((data / "communes.json").read_text())
    for record in communes:
        if record["code"] == "08105" and record["type"] == "commune-actuelle":
            record["population"] = 45561
    (data / "communes.json").write_text(json.dumps(communes))
    report = import_territories(tmp_path)
    assert report.updated["commune"] == 1 and sum(report.updated.values()) == 1
    assert sum(report.created.values()) == 0 and sum(report.deleted.values()) == 0
    assert Commune.objects.get(pk="08105").population == 45561


def test_bad_records_are_reported_and_good_ones_kept(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_PACKAGE_DIR / "data", data)
    shutil.copy(DEFAULT_PACKAGE_DIR / "package.json", tmp_path / "package.json")
    communes = json.loads((data / "communes.json").read_text())
    communes.append(
        {
            "code": "99001",
            "nom": "Commune fantôme",
            "type": "commune-actuelle",
            "departement": "99",
            "region": "44",
            "zone": "metro",
        }
    )
    communes.append(
        {
            "code": "08999",
            "nom": "Déléguée orpheline",
            "type": "commune-deleguee",
            "chefLieu": "08998",
            "departement": "08",
            "region": "44",
            "zone": "metro",
        }
    )
    (data / "communes.json").write_text(json.dumps(communes))
    epcis = json.loads((data / "epci.json").read_text())
    epcis[0]["membres"].append({"code": "99001", "nom": "Commune fantôme"})
    (data / "epci.json").write_text(json.dumps(epcis))

    report = import_territories(data)

    reasons = {(item["code"], item["reason"]) for item in report.rejected}
    assert ("99001", "département inconnu : 99") in reasons
    assert ("08999", "commune de rattachement inconnue : 08998") in reasons
    assert (epcis[0]["code"], "membre 99001 : pas une commune actuelle (lien ignoré)") in reasons
    assert not Commune.objects.filter(pk="99001").exists()
    assert Commune.objects.count() == 34969  # the good ones are all kept
    assert report.version == "6.0.0"  # read from the package.json above data/
    assert TerritorialDataImport.objects.latest().rejected == report.rejected


def test_a_missing_data_directory_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Fichier introuvable"):
        call_command("import_territories", path=str(tmp_path))
