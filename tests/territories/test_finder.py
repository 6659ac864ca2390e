"""The programme finder on real data: each criterion met, not met or to be
checked, with its explanation; lists imported through the admin view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import TerritoryType
from finder.eligibility import Outcome, Verdict, find_programmes
from finder.models import CommuneList, CurrentBeneficiary
from territories.models import Commune

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/communes/listes/importer/"


@pytest.fixture
def rethel():
    """A commune of the Ardennes under 20,000 inhabitants."""
    commune = Commune.objects.select_related("departement", "region", "epci").get(
        name="Rethel", departement="08"
    )
    assert commune.population < 20000
    return commune


@pytest.fixture
def charleville():
    """A city of about 45,000 inhabitants (the Ardennes' préfecture)."""
    commune = Commune.objects.select_related("departement", "region", "epci").get(pk="08105")
    assert 44000 < commune.population < 47000
    return commune


def evaluation_of(result, page):
    """The evaluation of ``page`` in a finder result, or None when not evaluated."""
    return next((e for e in result.evaluations if e.page.pk == page.pk), None)


def test_a_small_ardennes_commune_gets_pacte_ardennes_and_the_small_town_criteria(catalogue, rethel):
    result = find_programmes(rethel)
    pacte = evaluation_of(result, catalogue["pacte_ardennes"])
    assert pacte.verdict == Verdict.ELIGIBLE
    assert pacte in result.eligible
    assert pacte.criterion("covered_territory").outcome == Outcome.MET

    small_towns = evaluation_of(result, catalogue["petites_villes"])
    population = small_towns.criterion("population")
    assert population.outcome == Outcome.MET
    assert population.explanation.startswith("Population : ")
    assert population.explanation.endswith("au plus.")
    assert "critère" not in population.explanation  # the badge says it, once
    assert small_towns.criterion("beneficiaries").outcome == Outcome.MET
    # No list of "Petites villes" imported yet: to be checked, never "not eligible".
    assert small_towns.criterion("territory_types").outcome == Outcome.TO_CHECK
    assert small_towns.verdict == Verdict.TO_CHECK
    # Met criteria are listed first.
    assert [c.outcome for c in small_towns.criteria] == [Outcome.MET, Outcome.MET, Outcome.TO_CHECK]

    assert evaluation_of(result, catalogue["plan_creuse"]).verdict == Verdict.NOT_ELIGIBLE
    assert evaluation_of(result, catalogue["outre_mer"]).verdict == Verdict.NOT_ELIGIBLE


def test_a_city_of_45000_does_not_meet_a_20000_ceiling(catalogue, charleville):
    result = find_programmes(charleville)
    population = evaluation_of(result, catalogue["petites_villes"]).criterion("population")
    assert population.outcome == Outcome.NOT_MET
    assert "au-dessus du plafond de 20" in population.explanation
    assert evaluation_of(result, catalogue["petites_villes"]) in result.not_eligible
    assert evaluation_of(result, catalogue["pacte_ardennes"]).verdict == Verdict.ELIGIBLE


def test_overseas_rule_is_derived_from_the_departement(catalogue):
    cayenne = Commune.objects.select_related("departement", "region", "epci").get(name="Cayenne")
    evaluation = evaluation_of(find_programmes(cayenne), catalogue["outre_mer"])
    assert evaluation.criterion("territory_types").outcome == Outcome.MET
    assert evaluation.verdict == Verdict.ELIGIBLE


def test_a_page_without_criteria_is_to_be_checked_with_its_note(catalogue, rethel):
    evaluation = evaluation_of(find_programmes(rethel), catalogue["numerique"])
    assert evaluation.criteria == [] and evaluation.verdict == Verdict.TO_CHECK


def test_a_territory_type_list_imported_in_the_admin_turns_to_be_checked_into_met(
    catalogue, rethel, staff_client
):
    petite_ville = TerritoryType.objects.get(slug="petite-ville")
    csv = "code_insee;nom\n08362;Rethel\n08409;Sedan\n8409;Sedan encore\nABCDE;mal formé\n99999;inconnue\n"
    response = staff_client.post(
        IMPORT_URL,
        {
            "target": f"type:{petite_ville.pk}",
            "file": SimpleUploadedFile("petites-villes.csv", csv.encode(), content_type="text/csv"),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 communes enregistrées" in page
    # The validation report names each bad line.
    assert "doublon : la commune 08409 figure déjà ligne 3" in page
    assert "n&#x27;est pas un code INSEE" in page or "n'est pas un code INSEE" in page
    assert "code inconnu : aucune commune actuelle n&#x27;a le code 99999" in page
    report = CommuneList.objects.get(territory_type=petite_ville).report
    assert [(p["line"], p["value"]) for p in report["problems"]] == [(4, "08409"), (5, "ABCDE"), (6, "99999")]

    evaluation = evaluation_of(find_programmes(rethel), catalogue["petites_villes"])
    assert evaluation.criterion("territory_types").outcome == Outcome.MET
    assert evaluation.verdict == Verdict.ELIGIBLE

    # Once a list exists, a commune outside it does not meet the criterion.
    vouziers = Commune.objects.select_related("departement", "region", "epci").get(pk="08490")
    evaluation = evaluation_of(find_programmes(vouziers), catalogue["petites_villes"])
    assert evaluation.criterion("territory_types").outcome == Outcome.NOT_MET


def test_a_new_import_replaces_the_list_atomically(catalogue, staff_client):
    petite_ville = TerritoryType.objects.get(slug="petite-ville")
    for content in ("08362\n08409\n", "08105\n"):
        staff_client.post(
            IMPORT_URL,
            {"target": f"type:{petite_ville.pk}", "file": SimpleUploadedFile("liste.csv", content.encode())},
        )
    assert list(petite_ville.memberships.values_list("commune_id", flat=True)) == ["08105"]
    # A file without any valid code changes nothing.
    garbage = SimpleUploadedFile("vide.csv", b"n'importe quoi\nABC\n")
    response = staff_client.post(IMPORT_URL, {"target": f"type:{petite_ville.pk}", "file": garbage})
    assert "la liste n&#x27;a pas été modifiée" in response.content.decode()
    assert list(petite_ville.memberships.values_list("commune_id", flat=True)) == ["08105"]


def test_current_beneficiaries_are_shown_apart(catalogue, rethel, staff_client):
    page = catalogue["petites_villes"]
    staff_client.post(
        IMPORT_URL, {"target": f"page:{page.pk}", "file": SimpleUploadedFile("pvd.csv", b"08362\n")}
    )
    assert CurrentBeneficiary.objects.filter(page=page, commune=rethel).exists()
    result = find_programmes(rethel)
    assert [p.pk for p in result.already] == [page.pk]
    assert evaluation_of(result, page) is None


def test_the_import_view_is_for_staff_only(client, django_user_model, catalogue):
    assert client.get(IMPORT_URL).status_code == 302  # to the admin login
    editor = django_user_model.objects.create_user("editeur", password="x", is_staff=False)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(IMPORT_URL)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert (response.status_code, response.url) == (302, "/admin/")
    assert "Listes de communes" not in client.get("/admin/").content.decode()


def test_the_import_command_uses_the_same_service(catalogue, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "qpv.csv"
    path.write_text("08105\n08105\n")
    call_command("import_commune_list", str(path), territory_type="qpv")
    assert "1 commune valide, 1 ligne en erreur ; liste enregistrée." in capsys.readouterr().out
    assert reverse("finder:commune", args=["08105"]) == "/communes/08105/"


def test_which_beneficiary_types_mean_the_commune_is_editable_data(catalogue, programme_index, rethel):
    """An editor's own type ("Villes et villages") counts for the commune once it is
    marked as designating the commune; a type for another holder stays to be checked."""
    from catalogue.models import BeneficiaryType
    from tests.factories import ProgrammePageFactory

    villages = BeneficiaryType.objects.create(name="Villes et villages", slug="villes-et-villages")
    page = ProgrammePageFactory(
        parent=programme_index,
        title="Appui aux villages",
        theme__slug="territoires-et-ruralites",
        eligible_beneficiary_types=BeneficiaryType.objects.filter(slug__in=["villes-et-villages"]),
    )
    assert evaluation_of(find_programmes(rethel), page).criterion("beneficiaries").outcome == Outcome.TO_CHECK
    villages.collectivite_level = BeneficiaryType.CollectiviteLevel.COMMUNE
    villages.save()
    assert evaluation_of(find_programmes(rethel), page).criterion("beneficiaries").outcome == Outcome.MET
