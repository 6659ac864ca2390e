"""The commune page and the API answer from the official lists: which question
each verdict answers, "Déjà dans ces programmes" near the top with the list and
its date, the contacts right after, counts that match the headings, a way
forward on every "à vérifier", and a bounded number of queries whatever the
number of lists. The lists are imported from their admin screen as well."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories.datasets import DatasetSpec, import_dataset, spec_for
from territories.models import DatasetMembership, OfficialDataset
from tests.factories import make_pacte, make_programme

pytestmark = pytest.mark.django_db

RUMILLY = "/communes/74225/"


@pytest.fixture
def lists_catalogue(programme_index, pacte_index, official_lists):
    return {
        "ti": make_programme(
            programme_index, "Territoires d'industrie", territory_types=["territoires-d-industrie"]
        ),
        "acv": make_programme(
            programme_index, "Action cœur de ville", territory_types=["action-coeur-de-ville"]
        ),
        "pvd": make_programme(
            programme_index, "Petites villes de demain", territory_types=["petites-villes-de-demain"]
        ),
        "qpv": make_programme(
            programme_index,
            "Réussite éducative",
            theme="politique-de-la-ville",
            territory_types=["quartiers-prioritaires-2024"],
        ),
        "montagne": make_programme(
            programme_index,
            "Programme montagne",
            territory_types=["avenir-montagnes-ingenierie", "massifs-montagne"],
        ),
        "sans": make_programme(programme_index, "Territoires de santé"),
        "ardennes": make_pacte(pacte_index, "Pacte Ardennes", departements=["08"]),
    }


def section(body: str, anchor: str) -> str:
    return body.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def verdict(body: str, page) -> str:
    """The answer for ``page``: its card, or its line in the collapsed list of what does not fit."""
    return str(BeautifulSoup(body, "html.parser").find(id=f"programme-{page.pk}"))


def test_the_page_says_which_question_each_verdict_answers(client, lists_catalogue):
    body = client.get(RUMILLY).content.decode()
    ti = verdict(body, lists_catalogue["ti"])
    assert (
        'Votre commune fait-elle partie du programme ? <span class="fr-badge fr-badge--sm fr-badge--success">Oui</span>'
        in ti
    )
    assert (
        "Territoire d’industrie « Rumilly Usses et Rhône », par votre intercommunalité CC Rumilly Terre de Savoie"
        in ti
    )
    assert "4 juillet 2024" in ti
    pvd = verdict(body, lists_catalogue["pvd"])
    assert "Votre commune fait-elle partie du programme ? <strong>Non.</strong>" in pvd
    assert (
        "ne figure pas parmi les 1 645 communes de la liste « Petites villes de demain » (7 août 2024)"
        in pvd.replace("\u202f", " ").replace("\xa0", " ")
    )
    pacte = verdict(body, lists_catalogue["ardennes"])
    assert "Votre commune est-elle dans le territoire du pacte ? <strong>Non.</strong>" in pacte
    montagne = verdict(body, lists_catalogue["montagne"])
    assert 'fr-badge--warning">À vérifier</span>' in montagne and "Massif des Alpes" in montagne


def test_already_in_comes_first_then_the_contacts(client, lists_catalogue):
    body = client.get(RUMILLY).content.decode()
    already = section(body, "deja")
    assert "Déjà dans ces programmes" in already
    assert "Territoires d&#x27;industrie" in already and "Action cœur de ville" in already
    assert "(liste ANCT, 4 juillet 2024)" in already
    assert "par votre intercommunalité CC Rumilly Terre de Savoie" in already
    assert "Petites villes de demain" not in already
    first_card = body.index('<article class="anct-evaluation"')
    assert body.index('id="deja"') < body.index('id="contacts"') < first_card
    assert 'href="/ingenierie/demande/?commune=74225"' in section(body, "contacts")
    # The in-page navigation lists the sections the page has.
    assert 'href="#deja"' in body and 'href="#contacts"' in body and 'href="#not-eligible-title"' in body


def test_counts_match_the_headings_and_pactes_are_not_called_programmes(client, lists_catalogue):
    body = client.get(RUMILLY).content.decode()
    summary = body.split('class="fr-mb-2w anct-answer"', 1)[1].split("</p>", 1)[0]
    headings = {
        anchor: re.search(r">(\d+) ", section(body, anchor)).group(1)
        for anchor in ("eligible-title", "to-check-title", "without-criteria-title")
        if f'id="{anchor}"' in body
    }
    for anchor, count in headings.items():
        label = {
            "eligible-title": "correspond",
            "to-check-title": "à vérifier",
            "without-criteria-title": "sans critère",
        }[anchor]
        assert re.search(rf"{count} {label}", summary), (anchor, summary)
    collapsed = section(body, "not-eligible-title")
    families = re.findall(r"<p>(Programme|Pacte)[ ·—]", collapsed)
    pactes, programmes = families.count("Pacte"), families.count("Programme")
    assert pactes and programmes
    expected = (
        f"{pactes} pacte{'s' if pactes > 1 else ''} et {programmes} programme{'s' if programmes > 1 else ''}"
    )
    assert f"Afficher {expected} dont un critère" in collapsed


def test_every_to_check_says_what_to_do_next(client, lists_catalogue):
    body = client.get(RUMILLY).content.decode()
    montagne = verdict(body, lists_catalogue["montagne"])
    assert "Que faire ?" in montagne
    assert f"/ingenierie/demande/?commune=74225&amp;programme={lists_catalogue['montagne'].pk}" in montagne
    without = section(body, "without-criteria-title")
    assert f"/ingenierie/demande/?commune=74225&amp;programme={lists_catalogue['sans'].pk}" in without


def test_the_api_cites_the_list_and_its_date_for_every_definite_verdict(client, lists_catalogue):
    data = client.get("/api/v1/communes/74225/").json()
    assert {item["titre"] for item in data["deja_beneficiaire"]} == {
        "Territoires d'industrie",
        "Action cœur de ville",
    }
    by_title = {e["page"]["titre"]: e for e in data["evaluations"]}
    ti = by_title["Territoires d'industrie"]
    assert ti["verdict"]["code"] == "eligible" and ti["deja_dans_le_programme"] is True
    assert ti["question"]["code"] == "selection"
    assert ti["listes_officielles"][0]["date"] == "4 juillet 2024"
    assert by_title["Petites villes de demain"]["verdict"]["code"] == "not_eligible"
    assert by_title["Programme montagne"]["verdict"]["code"] == "to_check"
    for evaluation in data["evaluations"]:
        if evaluation["verdict"]["code"] != "to_check" and evaluation["page"]["type"] == "programmes":
            assert evaluation["listes_officielles"], evaluation["page"]["titre"]
            assert all(item["date"] for item in evaluation["listes_officielles"])


def test_queries_do_not_grow_with_the_number_of_lists(client, lists_catalogue):
    def count():
        cache.clear()  # the evaluation is computed, not read from its fragment
        with CaptureQueriesContext(connection) as queries:
            assert client.get(RUMILLY).status_code == 200
        return len(queries)

    count()
    before = count()
    base = spec_for("petites-villes-de-demain")
    for number in range(5):
        spec = DatasetSpec(**{**vars(base), "key": f"liste-supplementaire-{number}"})
        import_dataset(spec, "insee_code,id_pvd\n74225,x\n08105,y\n")
        make_programme(
            lists_catalogue["ti"].get_parent().specific,
            f"Programme {number}",
            territory_types=["petites-villes-de-demain"],
        )
    assert count() <= before


def test_a_new_version_of_a_list_is_imported_from_the_admin(staff_client, official_lists):
    dataset = OfficialDataset.objects.get(key="cites-educatives")
    listing = staff_client.get("/admin/listes-officielles/").content.decode()
    assert "Cités éducatives : communes" in listing
    inspect = staff_client.get(f"/admin/listes-officielles/inspect/{dataset.pk}/").content.decode()
    assert f"/admin/listes-officielles/import/{dataset.pk}/" in inspect
    content = (
        "insee_code,id_cite,cite\n08105,cite-1,Charleville\nXXXXX,cite-2,Mauvais\n99999,cite-3,Inconnue\n"
    )
    response = staff_client.post(
        f"/admin/listes-officielles/import/{dataset.pk}/",
        {"file": SimpleUploadedFile("cites.csv", content.encode())},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 lignes rejetées" in page and "code INSEE mal formé" in page and "code INSEE inconnu" in page
    assert list(DatasetMembership.objects.filter(dataset=dataset).values_list("commune_id", flat=True)) == [
        "08105"
    ]
    # A file without the commune column changes nothing.
    response = staff_client.post(
        f"/admin/listes-officielles/import/{dataset.pk}/",
        {"file": SimpleUploadedFile("vide.csv", b"nom\nCharleville\n")},
    )
    assert "la liste n’a pas été modifiée" in response.content.decode()
    assert DatasetMembership.objects.filter(dataset=dataset).count() == 1


def test_the_list_admin_is_for_staff_with_the_permission(client, django_user_model, official_lists):
    dataset = OfficialDataset.objects.get(key="cites-educatives")
    editor = django_user_model.objects.create_user("editeur", password="x")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(
        f"/admin/listes-officielles/import/{dataset.pk}/",
        {"file": SimpleUploadedFile("x.csv", b"insee_code\n08105\n")},
    )
    assert response.status_code in (302, 403)
    assert DatasetMembership.objects.filter(dataset=dataset).count() > 200


def test_the_data_page_lists_every_dataset_with_its_provenance(client, official_lists):
    body = client.get("/communes/donnees/").content.decode()
    for dataset in OfficialDataset.objects.exclude(kind="reseau"):
        assert dataset.title in body.replace("&#x27;", "'").replace("&amp;", "&"), dataset.key
        assert dataset.date_label in body
    assert "Préparation et limites connues" in body
