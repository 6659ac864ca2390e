"""The pacte and programme pages after the demo loader: public facts from the fact sheet, each
figure dated and linked to its numbered source, as a citizen reads them."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Revision

from catalogue.models import Source
from core.upsert import LoadReport
from demo.loader import load_files
from demo.loader import read as read_data
from demo.sheet import fact_sheet, sheet_entry
from home.models import StandardPage
from pactes.models import PacteFact, PactePage, PacteProgressReport
from programmes.models import ProgrammeFact, ProgrammePage
from tests.demo_rows import load_demo

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
            load_demo()
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


#: Words of the fact sheet's English that once leaked into source labels
#: ("press kit (copy on docslib.org)", "oral question no. 58 by deputy…").
ENGLISH = re.compile(
    r"\b(copy|kit|by|of|on|the|and|no\.|summary|citing|interview|online|agricultural|caption|dataset|"
    r"website|reproducing|partner|monitoring|deputy|press release)\b",
    re.IGNORECASE,
)


def test_sources_read_in_french_with_the_document_s_title(read):
    """Every source cited by the demo reads in French: its publisher, and a title
    that is the document's own where the sheet gives it, never "Page de <site>"
    nor words rebuilt from the address with their accents lost."""
    soup = read(pacte_url("pacte-ardennes"))
    cited = [item.get_text(" ", strip=True) for item in soup.select('li[id^="source-"]')]
    assert cited
    assert not [text for text in cited if "ardennes signe" in text.lower() or "deuros" in text]
    sources = list(Source.objects.all())
    assert len(sources) > 40
    assert [s.title for s in sources if s.title.startswith("Page de ")] == []
    assert [f"{s.title} — {s.publisher}" for s in sources if ENGLISH.search(f"{s.title} {s.publisher}")] == []
    by_url = {s.url: s for s in sources}
    assert by_url["https://docslib.org/doc/11078082/pacte-ardennes"].title == (
        "Dossier de presse du comité de pilotage du 6 septembre 2019"
    )
    assert by_url["https://questions.assemblee-nationale.fr/q17/17-58QOSD.htm"].title == (
        "Question orale n° 58 du député Eddy Casterman"
    )


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
    assert "en cours" in badges  # launched on 1 October 2020: no longer in incubation
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
    load_files(["partners.yaml", "programmes.yaml", "pactes.yaml"], report)
    assert (report.created, report.updated, report.rejected) == (0, 0, [])
    assert (Source.objects.count(), PacteFact.objects.count(), ProgrammeFact.objects.count()) == counts
    assert Revision.objects.count() == revisions


def test_the_pacte_index_counts_the_published_axes(read):
    cards = read("/pactes/").get_text(" ")
    assert "4 axes publiés" in cards and "5 axes publiés" in cards
    assert "Axes et actions à venir" not in cards


NUMBER = re.compile(r"\d+(?:[ \u00a0.\u202f]\d{3})*(?:,\d+)?")
NUMBER_WORDS = {
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "six": "6",
    "sept": "7",
    "huit": "8",
    "dix": "10",
}
#: Words that say how figures relate: "118 projets, dont 96…" is not "118 projets et 96…".
LINKS = ("dont", "et", "soit", "sur", "plus de", "environ", "au moins", "près de")


def figures(text: str) -> set[str]:
    words = re.sub(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", lambda m: NUMBER_WORDS[m.group(1)], text.lower())
    return {re.sub(r"[ \u00a0.\u202f]", "", number) for number in NUMBER.findall(words)}


def links(text: str) -> set[str]:
    words = " " + re.sub(r"[^\w%€]+", " ", text.lower()) + " "
    return {word for word in LINKS if f" {word} " in words}


def quoted(entry: dict) -> str:
    """What the source says, verbatim: the entry's quote and the fragments of the
    same text its note quotes ("Same text: '…'")."""
    note = re.findall(r"'(.*?)'(?=[.;,)]?(?:\s|$))", entry.get("note") or "")
    return " ".join([entry["quote"] or "", *note])


def shown_facts():
    """(page slug, what the page shows, the sheet entry it comes from) of every
    published fact and progress statement of the demo data files."""
    for name in ("programmes.yaml", "pactes.yaml"):
        for block in read_data(name):
            for row in block["rows"]:
                for item in row.get("facts", []) + row.get("progress_reports", []):
                    if item.get("public", True):
                        ref = item["source"]
                        field = ref if isinstance(ref, str) else ref["field"]
                        entry = sheet_entry(row["sheet"], field)
                        if "_total_from" in item:  # a total the same document states elsewhere
                            other = sheet_entry(row["sheet"], item["_total_from"])
                            assert other["url"] == entry["url"]
                            entry = {**entry, "quote": f"{entry['quote']} {other['quote']}"}
                        yield row["slug"], item, entry


def test_every_figure_shown_says_what_its_quote_says(read):
    """Each figure a page shows is in its source's words: every number is in the
    quote (a year may be the date the source describes), and every word that
    relates figures ("dont", "et", "soit", "sur"…) is the quote's too."""
    problems, compared = [], 0
    for slug, item, entry in shown_facts():
        counts = (item.get(name) for name in ("done", "in_progress", "total"))
        shown = (
            item.get("value") or item.get("statement") or " ".join(str(n) for n in counts if n is not None)
        )
        quote = quoted(entry)
        years = {
            str(day)[:4] for day in (entry.get("as_of"), entry.get("published"), item.get("as_of")) if day
        }
        missing = figures(shown) - figures(quote) - years
        other_words = links(shown) - links(quote)
        if missing or other_words:
            problems.append(f"{slug} « {shown} » : {sorted(missing | other_words)} absent(s) de « {quote} »")
        compared += 1
    assert compared > 50 and problems == []
    pages = {slug: read(PactePage.objects.get(slug=slug).url).get_text(" ") for slug in SIGNATURES}
    assert "118 projets et 96 engagements de l’État" in pages["plan-creuse"]
    assert "dont 96" not in pages["plan-creuse"]


def test_a_wording_the_quote_does_not_use_is_caught():
    """The comparison itself, on the case that once shipped: the Creuse quote says
    "118 projets et 96 engagements de l’État"."""
    entry = sheet_entry("pactes/creuse", "number of projects / State commitments at adoption")
    assert links("118 projets, dont 96 engagements de l’État") - links(quoted(entry)) == {"dont"}
    assert figures("314,7 M€") - figures(quoted(entry)) == {"314,7"}


def test_sambre_shows_the_official_2025_figure_and_its_third_pacte(read):
    soup = read(pacte_url("pacte-sambre-avesnois-thierache"))
    facts = en_bref(soup)
    funds = facts["Fonds publics investis (premier et deuxième pactes)"]
    assert "plus de 850 millions d’euros" in funds.get_text() and funds.time["datetime"] == "2025-09-05"
    assert "Ministère de l’Aménagement du territoire" in source_of(soup, funds).get_text()
    third = facts["Troisième pacte (SAT 3)"]
    assert "2025-2029" in third.get_text() and "ecologie.gouv.fr" in source_of(soup, third).a["href"]
    assert "314,7" not in soup.get_text()  # a deputy's figure, of unstated scope, stays with editors
    assert (
        PacteFact.objects.get(page__slug="pacte-sambre-avesnois-thierache", key="montant-investi").public
        is False
    )


def test_statuses_agree_with_the_dates_shown(read):
    creuse = en_bref(read(pacte_url("plan-creuse")))
    assert creuse["Statut"].get_text(strip=True) == "terminé"
    assert "2019-2022" in creuse["Durée"].get_text() and "31 décembre 2022" in creuse["Fin prévue"].get_text()
    today = datetime.date.today()
    for pacte in PactePage.objects.live():
        if pacte.end_date:
            assert (pacte.status == "termine") == (pacte.end_date < today), pacte.slug
        pacte.full_clean()
    bassin = en_bref(read(pacte_url("bassin-minier")))
    assert bassin["Statut"].get_text(strip=True) == "en cours" and "2017-2027" in bassin["Durée"].get_text()


def test_an_editor_cannot_leave_an_ended_pacte_en_cours(demo, db):
    page = PactePage.objects.get(slug="plan-creuse")
    page.status = "actif"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "status" in error.value.message_dict


def test_the_api_gives_each_pacte_as_its_page_reads(read, client):
    """/api/v1/pactes/ gives the facts of "Le pacte en bref" (amount, duration and
    end under their keys) and the perimeter: the Bassin minier's is partial, inside
    its 8 intercommunalities, not all of the Nord and the Pas-de-Calais."""
    body = client.get("/api/v1/pactes/", {"taille": 50}).json()
    items = {item["url"].rstrip("/").rsplit("/", 1)[-1]: item for item in body["resultats"]}
    assert set(items) == set(SIGNATURES)
    for slug, item in items.items():
        table = en_bref(read(pacte_url(slug)))
        for fact in item["faits"]:
            cell = table[fact["libelle"]]
            assert fact["valeur"] in cell.get_text(" "), (slug, fact["libelle"])
            assert source_of(read(pacte_url(slug)), cell).a["href"] == fact["source"]["url"]
        shown = {label for label, cell in table.items() if cell.select_one("[data-fact]")}
        assert {fact["libelle"] for fact in item["faits"]} == shown, slug
    creuse = items["plan-creuse"]
    assert creuse["duree"]["valeur"] == "2019-2022" and creuse["fin"]["valeur"] == "le 31 décembre 2022"
    assert creuse["date_fin"] == "2022-12-31" and creuse["statut"]["code"] == "termine"
    assert creuse["montant"]["valeur"].startswith("60 M€")
    assert items["pacte-ardennes"]["montant"]["valeur"] == "91,72 M€"
    assert items["pacte-sambre-avesnois-thierache"]["montant"]["valeur"] == "plus de 850 millions d’euros"
    bassin = items["bassin-minier"]
    assert bassin["perimetre"]["code"] == "partiel" and len(bassin["perimetre"]["intercommunalites"]) == 8
    assert "Lens - Liévin" in " ".join(epci["nom"] for epci in bassin["perimetre"]["intercommunalites"])
    assert bassin["duree"]["valeur"] == "2017-2027"


def test_the_programme_index_sorts_titles_as_a_french_reader(read):
    soup = read(ProgrammePage.objects.first().get_parent().url)
    group = soup.find("h2", string=re.compile("Politique de la ville")).find_parent("section") or soup
    titles = [h.get_text(strip=True) for h in group.select(".fr-card__title")]
    economy = titles.index("Économie sociale et solidaire")
    assert titles[economy - 1] == "Décrochage scolaire" and titles[-1] != "Économie sociale et solidaire"


STRAIGHT_APOSTROPHE = re.compile(r"\w'\w")


def test_the_demo_pages_write_one_apostrophe_the_typographic_one(read):
    """No page of the demo content mixes ' and ’ in what a reader sees (text and
    labels; the official names of places and structures excepted, as the
    reference data spells them)."""
    from territories.models import EPCI, Arrondissement, Commune, Departement, FranceServicesStructure, Region

    official = set()
    for model in (Region, Departement, Arrondissement, EPCI, Commune, FranceServicesStructure):
        official |= set(model.objects.filter(name__contains="'").values_list("name", flat=True))
    official = sorted(official, key=len, reverse=True)  # "Val-d'Oise" goes before "d'Oise"
    paths = ["/", "/programmes/", "/pactes/", "/formations/", "/recherche/"]
    paths += [p.url for p in PactePage.objects.live()] + [p.url for p in ProgrammePage.objects.live()]
    paths += [page.url for page in StandardPage.objects.live()]
    found = []
    for path in paths:
        soup = read(path)
        for hidden in soup(["script", "style", "template"]):
            hidden.decompose()
        text = soup.get_text(" ")
        for name in official:
            text = text.replace(name, "")
        found += [
            f"{path} : …{text[max(0, m.start() - 30) : m.end() + 30]}…"
            for m in STRAIGHT_APOSTROPHE.finditer(text)
        ]
    assert found == []
