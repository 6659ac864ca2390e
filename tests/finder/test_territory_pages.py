"""Intercommunality and département pages on the real data and the shipped
official lists: what the lists say of the territory with their date, every
member commune linked both ways, counts that match the lists and each
commune's own page, overseas départements and collectivités as the domain
notes say, and a bounded number of queries whatever the size."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from finder.eligibility import find_programmes
from finder.places import departement_place, groupement_place
from territories.models import Commune, DatasetMembership
from tests.factories import make_pacte, make_programme

pytestmark = pytest.mark.django_db

ARDENNE_METROPOLE = "200041630"  # CA Ardenne Métropole, 57 communes, Territoire d'industrie « Nord Ardennes »
BETHUNE_BRUAY = "200072460"  # CA de Béthune-Bruay, Artois-Lys Romane: 100 communes
EST_ENSEMBLE = "200057875"  # an EPT of the Métropole du Grand Paris


@pytest.fixture
def catalogue(programme_index, pacte_index, official_lists):
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
        "sans": make_programme(programme_index, "Territoires de santé"),
        "ardennes": make_pacte(pacte_index, "Pacte Ardennes", departements=["08"]),
        "creuse": make_pacte(pacte_index, "Plan particulier pour la Creuse", departements=["23"]),
    }


def section(body: str, anchor: str) -> str:
    return body.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def text(html: str) -> str:
    """What a reader sees: tags dropped, entities read, spaces collapsed."""
    plain = unescape(re.sub(r"<[^>]+>", "", html))
    return re.sub(r"\s+", " ", plain.replace("\u202f", " ").replace("\xa0", " "))


def row_of(body: str, anchor: str, page) -> str:
    return section(body, anchor).split(f'data-page="{page.pk}"', 1)[1].split("</tr>", 1)[0]


def test_an_epci_of_a_territoire_d_industrie_shows_it_with_the_list_date(client, catalogue):
    body = client.get(f"/intercommunalites/{ARDENNE_METROPOLE}/").content.decode()
    already = text(section(body, "deja"))
    assert "Territoires d'industrie — Territoire d’industrie « Nord Ardennes »" in already
    assert "Territoire d’industrie « Nord Ardennes », qui nomme l’intercommunalité" in already
    assert "liste des Territoires d’industrie du 4 juillet 2024" in already
    # Communes named by a list are named too, with the list's date.
    assert "Action cœur de ville — 2 communes nommées : Charleville-Mézières, Sedan" in already
    assert "5 septembre 2024" in already
    ti_row = text(row_of(body, "programmes", catalogue["ti"]))
    assert "57 sur 57" in ti_row and "4 juillet 2024" in ti_row


def test_every_member_commune_links_to_its_page_and_back(client, catalogue):
    body = client.get(f"/intercommunalites/{ARDENNE_METROPOLE}/").content.decode()
    members = section(body, "communes")
    codes = set(Commune.objects.filter(epci_id=ARDENNE_METROPOLE).values_list("code", flat=True))
    assert len(codes) == 57
    assert set(re.findall(r'href="/communes/(\w{5})/"', members)) == codes
    commune_page = client.get("/communes/08105/").content.decode()
    assert f'href="/intercommunalites/{ARDENNE_METROPOLE}/">CA Ardenne Métropole</a>' in commune_page
    assert 'href="/departements/08/">Ardennes</a>' in commune_page


def test_each_commune_count_is_its_own_page_answer(client, catalogue):
    """The batch evaluation (one query for all memberships, one evaluation per
    distinct situation) gives each commune exactly its own page's answer."""
    for siren in (ARDENNE_METROPOLE, BETHUNE_BRUAY):
        place = groupement_place(siren)
        for commune in place.communes:
            own = find_programmes(commune)
            assert place.answer.eligible_counts[commune.pk] == len(own.eligible), commune
            for evaluation in own.eligible:
                assert commune in place.answer.tally_of(evaluation.page.pk).eligible
            for evaluation in own.to_check:
                assert commune in place.answer.tally_of(evaluation.page.pk).to_check
    body = client.get(f"/intercommunalites/{ARDENNE_METROPOLE}/").content.decode()
    charleville = section(body, "communes").split('href="/communes/08105/"', 1)[1].split("</tr>", 1)[0]
    summary = client.get("/communes/08105/").content.decode().split('class="fr-mb-2w anct-answer"', 1)[1]
    own_count = re.search(r"<strong>(\d+) correspond", summary).group(1)
    assert re.search(rf'anct-count">{own_count}<', charleville)


def test_the_departement_page_counts_match_the_lists(client, catalogue):
    body = client.get("/departements/08/").content.decode()
    lists = section(body, "listes")
    in_ardennes = DatasetMembership.objects.filter(commune__departement_id="08")
    for key, count in re.findall(
        r'data-dataset="([-\w]+)">.*?anct-communes-named">(\d+) commune', lists, re.S
    ):
        assert int(count) == in_ardennes.filter(dataset__key=key).values("commune").distinct().count(), key
    assert 'data-dataset="petites-villes-de-demain"' in lists
    named = in_ardennes.filter(dataset__key="petites-villes-de-demain").values("commune").distinct().count()
    total = Commune.objects.filter(departement_id="08").count()
    assert f"{named} sur {total}" in text(row_of(body, "programmes", catalogue["pvd"]))
    assert "7 août 2024" in text(row_of(body, "programmes", catalogue["pvd"]))
    pactes = text(section(body, "pactes"))
    assert "Pacte Ardennes" in pactes and f"{total} sur {total}" in pactes
    assert "Plan particulier pour la Creuse" not in pactes
    assert "Préfecture des Ardennes" in section(body, "contacts")
    assert f'href="/intercommunalites/{ARDENNE_METROPOLE}/"' in section(body, "intercommunalites")


def test_overseas_departements_and_collectivites_as_the_domain_notes_say(client, catalogue):
    guadeloupe = text(client.get("/departements/971/").content.decode())
    assert "Département et région d’outre-mer" in guadeloupe
    assert (
        "Les départements d’outre-mer sont dessinés dans les cadres à gauche de la métropole." in guadeloupe
    )
    barthelemy = client.get("/departements/977/").content.decode()
    assert "Collectivité d’outre-mer" in barthelemy and "ni des départements ni des régions" in barthelemy
    assert "Préfecture de Saint-Barthélemy et de Saint-Martin" in barthelemy
    assert 'href="/ingenierie/demande/' in section(barthelemy, "contacts")
    taaf = client.get("/departements/984/").content.decode()
    assert "n’a pas de population permanente" in taaf
    assert 'href="/ingenierie/demande/' not in section(taaf, "contacts")


def test_an_ept_has_its_page(client, catalogue):
    body = client.get(f"/intercommunalites/{EST_ENSEMBLE}/").content.decode()
    assert "Établissement public territorial de la Métropole du Grand Paris" in body
    codes = set(Commune.objects.filter(ept_id=EST_ENSEMBLE).values_list("code", flat=True))
    assert codes and set(re.findall(r'href="/communes/(\w{5})/"', section(body, "communes"))) == codes


@pytest.mark.parametrize(
    "url",
    [
        "/intercommunalites/123/",
        "/intercommunalites/999999999/",
        "/intercommunalites/20004163%00/",
        "/departements/ZZ/",
        "/departements/100/",
        "/departements/0%008/",
    ],
)
def test_unknown_or_malformed_codes_are_a_french_404(client, real_territories, url):
    response = client.get(url)
    assert response.status_code == 404 and "Page non trouvée" in response.content.decode()


def test_queries_do_not_grow_with_the_number_of_communes(client, catalogue):
    client.get("/")  # per-process caches (site root, settings)
    counts = []
    for siren in (ARDENNE_METROPOLE, BETHUNE_BRUAY):
        groupement_place(siren)  # the compiled pages, in memory once per publication
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/intercommunalites/{siren}/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    with CaptureQueriesContext(connection) as captured:
        departement_place("62")  # 890 communes
    assert len(captured) <= 12


def test_the_indexes_link_every_intercommunality_and_departement(client, real_territories):
    groupements = client.get("/intercommunalites/").content.decode()
    assert len(set(re.findall(r'href="/intercommunalites/(\d{9})/"', groupements))) == 1255 + 11
    departements = client.get("/departements/").content.decode()
    assert 'href="/departements/2A/"' in departements and 'href="/departements/977/"' in departements
    assert "Collectivités d’outre-mer" in departements


def test_ma_commune_finds_an_intercommunality_by_name_or_siren_and_a_departement(client, real_territories):
    by_name = client.get("/communes/", {"q": "Ardenne Métropole"}).content.decode()
    assert f'href="/intercommunalites/{ARDENNE_METROPOLE}/"' in by_name
    long_name = client.get("/communes/", {"q": "communauté d'agglomération ardenne metropole"})
    assert f'href="/intercommunalites/{ARDENNE_METROPOLE}/"' in long_name.content.decode()
    by_siren = client.get("/communes/", {"q": ARDENNE_METROPOLE})
    assert by_siren.status_code == 302 and by_siren["Location"] == f"/intercommunalites/{ARDENNE_METROPOLE}/"
    departement = client.get("/communes/", {"q": "ardennes"}).content.decode()
    assert 'href="/departements/08/"' in departement
    assert client.get("/communes/", {"q": "Sedan"})["Location"] == "/communes/08409/"


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("Ardenne Métropole", f"/intercommunalites/{ARDENNE_METROPOLE}/"),
        ("ca ardenne metropole", f"/intercommunalites/{ARDENNE_METROPOLE}/"),
        (ARDENNE_METROPOLE, f"/intercommunalites/{ARDENNE_METROPOLE}/"),
        ("Ardennes", "/departements/08/"),
        ("Saint-Barthélemy", "/departements/977/"),
    ],
)
def test_site_search_and_its_autocomplete_lead_to_the_territory(client, real_territories, query, url):
    body = client.get("/recherche/", {"q": query}).content.decode()
    assert f'href="{url}"' in section(body, "search-territories-title")
    suggestions = client.get("/recherche/autocomplete/", {"q": query}).json()["results"]
    assert url in [entry["url"] for entry in suggestions]


def test_site_search_names_no_territory_for_a_partial_name(client, real_territories):
    body = client.get("/recherche/", {"q": "Ardenne"}).content.decode()
    assert "search-territories-title" not in body
