"""The pacte and programme pages after the demo loader: public facts from the fact sheet, each
figure dated and linked to its numbered source, as a citizen reads them."""

import datetime
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Revision

from catalogue.facts import fact_sheet
from catalogue.models import Source
from demo import pactes as pactes_demo
from demo import programmes as programmes_demo
from home.models import HomePage
from home.upsert import LoadReport
from pactes.models import PacteFact, PactePage, PacteProgressReport
from programmes.models import ProgrammeFact, ProgrammePage

SIGNATURES = {
    "pacte-ardennes": "15 mars 2019",
    "plan-creuse": "5 avril 2019",
    "pacte-sambre-avesnois-thierache": "7 novembre 2018",
    "pacte-nievre": "15 février 2019",
    "bassin-minier": "7 mars 2017",
}

BASSIN_MINIER_EPCI = [
    "Valenciennes Métropole",
    "La Porte du Hainaut",
    "Cœur d’Ostrevent",
    "Douaisis Agglo",
    "Osartis Marquion",
    "Hénin-Carvin",
    "Lens-Liévin",
    "Béthune-Bruay",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, territorial_data):
    """The whole demo content, loaded once for the module and rolled back after."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo_content", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def read(demo, db, client):
    def read_page(path):
        response = client.get(path)
        assert response.status_code == 200, path
        return BeautifulSoup(response.content.decode(), "html.parser")

    return read_page


def pacte_url(slug):
    return PactePage.objects.get(slug=slug).url


def source_of(soup, element):
    """The source list item that ``element``'s "[n]" link points to."""
    link = element.select_one('a[href^="#source-"]')
    assert link is not None, element
    item = soup.find(id=link["href"][1:])
    assert item is not None and item.name == "li", link
    return item


def en_bref(soup) -> dict:
    table = soup.find("caption", string=re.compile("Le pacte en bref")).find_parent("table")
    return {row.th.get_text(" ", strip=True): row.td for row in table.select("tbody tr")}


@pytest.mark.parametrize("slug", SIGNATURES)
def test_each_pacte_shows_signature_signatories_axes_and_a_dated_sourced_figure(read, slug):
    soup = read(pacte_url(slug))
    facts = en_bref(soup)
    signature = facts["Signature"]
    assert SIGNATURES[slug] in signature.get_text()
    assert "publié" in source_of(soup, signature).get_text() or source_of(soup, signature).a["href"]

    signatories = soup.find(id="signataires").find_parent("section").select("ul > li")
    assert signatories and all(source_of(soup, li) for li in signatories)

    axes = soup.select("#axes ~ .fr-accordions-group .fr-accordion__btn, #axes ~ ul.pacte-axes li")
    assert len(axes) >= 3

    dated = [cell for cell in soup.select("[data-fact]") if cell.select_one("time[datetime]")]
    assert dated and all(source_of(soup, cell).a["href"].startswith("http") for cell in dated)


def test_ardennes_shows_its_march_2021_progress_from_the_region(read):
    soup = read(pacte_url("pacte-ardennes"))
    section = soup.find(id="avancement").find_parent("section")
    report = section.select_one("[data-fact]")
    text = report.get_text(" ", strip=True)
    assert "41 fiches-actions sur 89 réalisées" in text and "37 en cours" in text
    assert report.time["datetime"] == "2021-03-15" and "au 15 mars 2021" in text
    assert "Région Grand Est" in source_of(soup, report).get_text()


def test_bassin_minier_names_its_8_epci_and_its_250_communes(read):
    facts = en_bref(read(pacte_url("bassin-minier")))
    assert facts["Nombre de communes"].get_text(" ", strip=True).startswith("250 ")
    epci = facts["Intercommunalités (8 EPCI)"].get_text()
    assert all(name in epci for name in BASSIN_MINIER_EPCI)


def test_the_en_bref_table_heads_its_rows_with_th(read):
    soup = read(pacte_url("plan-creuse"))
    table = soup.find("caption", string=re.compile("Le pacte en bref")).find_parent("table")
    rows = table.select("tbody tr")
    assert rows and all(row.th and row.th.get("scope") == "row" for row in rows)
    assert not table.select("td:first-child")


def test_versions_that_disagree_stay_with_editors(read):
    ardennes = read(pacte_url("pacte-ardennes")).get_text()
    assert "14 mars 2019" not in ardennes  # the press's announced date, not the official one
    assert PacteFact.objects.get(page__slug="pacte-ardennes", key="signature-annoncee").public is False
    creuse = read(pacte_url("plan-creuse")).get_text()
    assert "80 M€ de l’État" not in creuse


def test_no_quote_of_the_fact_sheet_is_published(read):
    """The site writes its own sentences; only the axes' titles, which are names,
    are taken as the source writes them."""
    pages = {slug: read(pacte_url(slug)).get_text(" ") for slug in SIGNATURES}
    quotes = [
        entry["quote"]
        for group in fact_sheet()["pactes"].values()
        for entry in group
        if len(entry.get("quote") or "") > 30 and not entry["field"].startswith(("axes", "axis", "objective"))
    ]
    for slug, text in pages.items():
        assert not [q for q in quotes if q[:40] in text], slug


def test_a_source_is_never_given_a_title_rebuilt_from_its_address(read):
    """The sheet gives no titles: a source reads as its publisher and the site it
    is on, never as words taken from the address with their accents lost
    ("Le pacte ardennes signe…" for "signé")."""
    soup = read(pacte_url("pacte-ardennes"))
    cited = [item.get_text(" ", strip=True) for item in soup.select('li[id^="source-"]')]
    assert cited
    assert not [text for text in cited if "ardennes signe" in text.lower() or "deuros" in text]
    sheet_urls = {
        entry["url"]
        for section in fact_sheet().values()
        for group in section.values()
        for entry in group
        if entry.get("url")
    }
    titles = [source.title for source in Source.objects.filter(url__in=sheet_urls)]
    assert titles and all(title.startswith("Page de ") for title in titles), titles


def test_not_found_entries_stay_unknown(read):
    """The sheet has no source for the Ardennes' signature place nor the Sambre's
    ministers: the page names no place and no minister for them."""
    ardennes = en_bref(read(pacte_url("pacte-ardennes")))
    assert "Lieu de signature" not in ardennes
    sambre = read(pacte_url("pacte-sambre-avesnois-thierache"))
    assert "Ministre" not in sambre.find(id="signataires").find_parent("section").get_text()


def test_editors_see_a_figure_s_age_and_a_warning_past_three_years(demo, db, client, django_user_model):
    admin = django_user_model.objects.create_superuser("facts-editor", "e@example.org", "x")
    client.force_login(admin)
    ardennes = PactePage.objects.get(slug="pacte-ardennes")
    html = client.get(f"/admin/pages/{ardennes.pk}/edit/").content.decode()
    years = (datetime.date.today() - datetime.date(2021, 3, 15)).days // 366
    assert f"Ce chiffre a {years} ans." in html or f"Ce chiffre a {years + 1} ans." in html
    assert "Il a plus de trois ans : cherchez une source plus récente." in html


def test_a_figure_without_its_date_is_refused(demo, db):
    page = PactePage.objects.get(slug="pacte-nievre")
    fact = PacteFact(page=page, label="Montant", value="195 M€", source=Source.objects.first())
    with pytest.raises(ValidationError) as error:
        fact.full_clean()
    assert "as_of" in error.value.message_dict
    fact.value = "les élus du territoire"
    fact.full_clean()


def programme_url(slug):
    return ProgrammePage.objects.get(slug=slug).url


def test_every_figure_of_pacte_and_programme_pages_is_dated_and_sourced(read):
    """Walks every fact rendered on the pacte and programme pages: each links to a
    listed source with an address, and each that states a figure shows its date."""
    paths = [p.url for p in PactePage.objects.live()] + [p.url for p in ProgrammePage.objects.live()]
    problems, checked = [], 0
    for path in paths:
        soup = read(path)
        for element in soup.select("[data-fact]"):
            text = element.get_text(" ", strip=True)
            link = element.select_one('a[href^="#source-"]')
            target = soup.find(id=link["href"][1:]) if link else None
            if target is None or not target.select_one('a[href^="http"]'):
                problems.append(f"{path} : « {text} » sans source")
            value = "".join(t for t in element.find_all(string=True) if not t.find_parent("sup"))
            if any(c.isdigit() for c in value) and not element.select_one("time[datetime]"):
                problems.append(f"{path} : « {text} » sans date")
            checked += 1
        for row in soup.select("table tbody tr"):
            # The territory row reads the official reference data (département codes).
            if not row.td or row.th.get_text(strip=True) == "Territoire":
                continue
            if any(c.isdigit() for c in row.td.get_text()) and not row.td.select("[data-fact]"):
                problems.append(f"{path} : « {row.get_text(' ', strip=True)} » hors fait sourcé")
        for figure in soup.select(".anct-key-figure"):
            problems.append(f"{path} : chiffre clé sans source liée « {figure.get_text(' ', strip=True)} »")
    published = sum(
        model.objects.filter(public=True).count() for model in (PacteFact, PacteProgressReport, ProgrammeFact)
    )
    assert checked >= published > 50
    assert problems == []


def test_pvd_keeps_its_2020_status_as_history_beside_its_launch(read):
    soup = read(programme_url("petites-villes-de-demain"))
    badges = [b.get_text(strip=True) for b in soup.select(".fr-badges-group .fr-badge")]
    assert "en incubation en 2020" in badges
    history = soup.find(string=re.compile("feuille de route 2020")).find_parent("p")
    launch = history.select_one("[data-fact]")
    assert "1er octobre 2020" in launch.get_text() and launch.time["datetime"] == "2020-10-01"
    assert "ANCT" in source_of(soup, launch).get_text()
    assert "1 604" not in soup.get_text()  # a press count that differs stays with editors


def test_a_programme_the_sheet_does_not_cover_stays_unknown(read):
    soup = read(programme_url("programme-montagne"))
    assert not soup.select("[data-fact]") and not soup.find(id="sources")
    assert "en incubation" in [b.get_text(strip=True) for b in soup.select(".fr-badges-group .fr-badge")]


def test_the_home_tile_promises_what_the_pacte_pages_show(read):
    home = read("/")
    tile = home.find(string=re.compile("Les pactes des territoires vulnérables")).get_text()
    assert "territoire, signataires, axes et chiffres publics" in tile and "date et sa source" in tile
    assert "combien" not in tile and "où ils en sont" not in tile


def test_loading_the_facts_again_changes_nothing(demo, db):
    counts = (Source.objects.count(), PacteFact.objects.count(), ProgrammeFact.objects.count())
    revisions = Revision.objects.count()
    report = LoadReport()
    home = HomePage.objects.get()
    programmes_demo.load(home, report)
    pactes_demo.load(home, report)
    assert (report.created, report.updated, report.rejected) == (0, 0, [])
    assert (Source.objects.count(), PacteFact.objects.count(), ProgrammeFact.objects.count()) == counts
    assert Revision.objects.count() == revisions


def test_the_pacte_index_counts_the_published_axes(read):
    cards = read("/pactes/").get_text(" ")
    assert "4 axes publiés" in cards and "5 axes publiés" in cards
    assert "Axes et actions à venir" not in cards
