"""The demo catalogue matches the roadmap's section III table, the programme
index lists and filters it, and loading it twice changes nothing."""

import re
import unicodedata
from pathlib import Path

import pytest
from django.test import TestCase
from wagtail.models import Revision, Site

from catalogue import setup as reference
from catalogue.models import Partner, PublicPolicy, TerritoryType, Theme
from demo import criteria_sources
from demo.loader import load_files, read
from home.models import HomeEntryPoint
from home.setup import LoadReport, setup_site
from programmes.models import ProgrammeIndexPage, ProgrammePage

ROADMAP = Path(__file__).parent.parent / "programmes" / "data" / "feuille-de-route-anct-2020.txt"


class demo_data:  # noqa: N801 — the demo's programme rows, under the names the table tests use
    PROGRAMMES = [
        {
            **row,
            "table_line": row["_roadmap"]["line"],
            "italic": row["_roadmap"]["italic"],
            "policy": row["public_policy"],
        }
        for block in read("programmes.yaml")
        if block["model"] == "programmes.ProgrammePage"
        for row in block["rows"]
    ]
    PACTES_IN_TABLE = [
        row["_roadmap"]["line"]
        for block in read("pactes.yaml")
        if block["model"] == "pactes.PactePage"
        for row in block["rows"]
        if "_roadmap" in row
    ]


class demo:  # noqa: N801 — the demo step of the catalogue: partners and programmes
    @staticmethod
    def load(home, report):
        load_files(["partners.yaml", "programmes.yaml"], report)


def roadmap_table_lines() -> list[str]:
    """The rows of the section III table, as written in the roadmap text file."""
    text = ROADMAP.read_text(encoding="utf-8")
    table = text.split("Thématique\tPolitique publique\tModalité d'intervention", 1)[1].split("IV- ", 1)[0]
    return [line for line in table.splitlines() if line.strip()]


def modalite_cell(line: str) -> str:
    """The last non-empty cell of a row (damaged rows shifted it left)."""
    return [cell for cell in line.split("\t") if cell.strip()][-1]


def test_the_data_module_holds_every_entry_of_the_roadmap_table():
    rows = roadmap_table_lines()
    cells = [re.sub(r"</?i>", "", modalite_cell(row)).replace(" ^", "") for row in rows]
    # One cell holds two entries ("Projet de programme territoires engagés Projet en cours
    # concertation citoyenne"), hence 30 rows for 31 entries.
    assert len(rows) == 30
    assert len(demo_data.PROGRAMMES) + len(demo_data.PACTES_IN_TABLE) == 31
    assert len(demo_data.PROGRAMMES) == 29
    for entry in demo_data.PROGRAMMES:
        matching = [cell for cell in cells if entry["table_line"] in cell]
        assert len(matching) == 1, entry["table_line"]
    for pacte in demo_data.PACTES_IN_TABLE:
        assert pacte in cells
    # Every cell is used by an entry or a pacte.
    for cell in cells:
        assert (
            any(entry["table_line"] in cell for entry in demo_data.PROGRAMMES)
            or cell in demo_data.PACTES_IN_TABLE
        ), cell


def test_italic_lines_are_the_entries_in_incubation():
    italic_cells = [modalite_cell(row) for row in roadmap_table_lines() if "<i>" in modalite_cell(row)]
    for entry in demo_data.PROGRAMMES:
        in_italics = any(entry["table_line"] in cell for cell in italic_cells)
        assert entry["italic"] == in_italics, entry["title"]
        if entry["italic"]:
            assert entry["status"] == "incubation"
    # Petites villes de demain, incubated in 2020 according to section II a), was launched
    # on 1 October 2020 (fact sheet): its page is "en cours", with its 2020 status as history.
    assert {
        e["title"] for e in demo_data.PROGRAMMES if e["status"] == "incubation" and not e["italic"]
    } == set()
    pvd = next(e for e in demo_data.PROGRAMMES if e["slug"] == "petites-villes-de-demain")
    assert pvd["status"] == "actif" and any(f["key"] == "lancement" for f in pvd["facts"])


def normalised(text: str) -> str:
    text = unicodedata.normalize("NFKD", re.sub(r"</?i>", "", text).lower().replace("’", "'"))
    return "".join(char for char in text if not unicodedata.combining(char))


def test_every_public_policy_of_the_table_is_in_the_data_module():
    table = normalised("\n".join(roadmap_table_lines()))
    for _theme, _slug, name in reference.POLICIES:
        assert normalised(name) in table, name
    assert len(reference.POLICIES) == 21
    assert {p[0] for p in reference.POLICIES} == {t["slug"] for t in reference.THEMES}


FILTER_CASES = [
    ("thematique=numerique", lambda e: e["theme"] == "numerique"),
    ("thematique=politique-de-la-ville", lambda e: e["theme"] == "politique-de-la-ville"),
    ("politique=centres-petites-moyennes-villes", lambda e: e["policy"] == "centres-petites-moyennes-villes"),
    ("politique=education", lambda e: e["policy"] == "education"),
    ("modalite=mission", lambda e: e["kind"] == "mission"),
    ("modalite=projet", lambda e: e["kind"] == "projet"),
    ("modalite=plan", lambda e: e["kind"] == "plan"),
    ("statut=incubation", lambda e: e["status"] == "incubation"),
    ("statut=actif", lambda e: e["status"] == "actif"),
    ("beneficiaire=communes", lambda e: "communes" in e.get("eligible_beneficiary_types", [])),
    ("beneficiaire=epci", lambda e: "epci" in e.get("eligible_beneficiary_types", [])),
    (
        "thematique=territoires-et-ruralites&statut=incubation",
        lambda e: e["theme"] == "territoires-et-ruralites" and e["status"] == "incubation",
    ),
    ("statut=termine", lambda e: False),
]


def _expected(predicate) -> set[str]:
    return {entry["title"] for entry in demo_data.PROGRAMMES if predicate(entry)}


class DemoCatalogueTests(TestCase):
    """Loads the demo catalogue once for the class (about 30 published pages)."""

    @classmethod
    def setUpTestData(cls):
        cls.home = setup_site(LoadReport())
        site = Site.objects.get(is_default_site=True)
        site.hostname = "testserver"
        site.save()
        cls.first_report = LoadReport()
        demo.load(cls.home, cls.first_report)

    def test_after_the_demo_loader_the_index_lists_exactly_the_29_entries(self):
        index = ProgrammeIndexPage.objects.get()
        assert index.show_in_menus and index.get_parent().specific_class.__name__ == "HomePage"
        response = self.client.get(index.url)
        assert response.status_code == 200
        listed = {page.title for page in response.context["programmes"]}
        assert listed == {entry["title"] for entry in demo_data.PROGRAMMES}
        assert response.context["result_count"] == 29
        html = response.content.decode()
        assert "29 programmes" in html
        roadmap = (
            ROADMAP.read_text(encoding="utf-8")
            .replace("Petites Villes de Demain", "Petites villes de demain")
            .replace("'", "’")  # the site writes the typographic apostrophe
        )
        for title in [
            "Action cœur de ville",
            "Petites villes de demain",
            "France Services",
            "Territoires d’industrie",
            "Cités éducatives",
            "Fabriques prospectives",
        ]:
            assert title in roadmap
            assert title.replace("'", "&#x27;") in html
        assert not ProgrammePage.objects.filter(title__in=demo_data.PACTES_IN_TABLE).exists()
        # Grouped by thématique, in the table's order.
        assert [g["theme"].name for g in response.context["groups"]] == [
            "Politique de la ville",
            "Territoires et ruralités",
            "Numérique",
        ]

    def test_demo_facts_follow_the_roadmap(self):
        # The criteria step (demo/data/criteria.yaml) names each programme's official list.
        criteria_sources.load(self.home, LoadReport())
        pvd = ProgrammePage.objects.get(slug="petites-villes-de-demain")
        # The official list of 7 August 2024 governs, not a population ceiling (issue 19).
        assert pvd.population_max is None and pvd.status == "actif"  # launched 1 Oct 2020
        assert {b.slug for b in pvd.eligible_beneficiary_types.all()} == {"communes", "epci"}
        assert [t.slug for t in pvd.eligible_territory_types.all()] == ["petites-villes-de-demain"]
        assert [p.acronym for p in pvd.partners.all()] == ["APVF"]
        acv = ProgrammePage.objects.get(slug="action-coeur-de-ville")
        # The official ANCT list (import_official_lists) settles it, not "villes moyennes".
        assert [t.slug for t in acv.eligible_territory_types.all()] == ["action-coeur-de-ville"]
        assert [p.name for p in acv.partners.all()] == ["Villes de France"]
        tourism = ProgrammePage.objects.get(slug="appui-developpement-touristique")
        assert tourism.theme.slug == "territoires-et-ruralites"
        assert ProgrammePage.objects.get(slug="soutien-vie-associative").theme.slug == "politique-de-la-ville"
        assert PublicPolicy.objects.get(slug="ambition-culturelle").theme.slug == "politique-de-la-ville"
        assert PublicPolicy.objects.get(slug="espaces-commerciaux").theme.slug == "territoires-et-ruralites"
        assert PublicPolicy.objects.count() == 21 and Theme.objects.count() == 3
        assert TerritoryType.objects.get(slug="outre-mer").rule == "outre_mer"
        first_circle = Partner.objects.filter(is_first_circle_operator=True)
        assert {p.acronym or p.name for p in first_circle} == {
            "ADEME",
            "ANRU",
            "ANAH",
            "CEREMA",
            "Banque des territoires",
        }
        # No invented figure.
        assert all(not page.key_figures for page in ProgrammePage.objects.all())

    def test_the_demo_loader_is_idempotent(self):
        revisions = Revision.objects.count()
        tiles = list(HomeEntryPoint.objects.values_list("title", "sort_order"))
        report = LoadReport()
        demo.load(self.home, report)
        assert (report.created, report.updated, report.rejected) == (0, 0, [])
        # Every page, tile and row created, and every programme the fact sheet filled, is unchanged.
        assert report.unchanged == self.first_report.created + self.first_report.updated
        assert Revision.objects.count() == revisions
        assert list(HomeEntryPoint.objects.values_list("title", "sort_order")) == tiles
        assert ProgrammePage.objects.count() == 29

    def test_filtering_the_index_returns_exactly_the_matching_pages(self):
        for query, predicate in FILTER_CASES:
            with self.subTest(query):
                response = self.client.get(f"/programmes/?{query}")
                assert response.status_code == 200
                expected = _expected(predicate)
                assert {page.title for page in response.context["programmes"]} == expected
                html = response.content.decode()
                if not expected:
                    assert "Aucun programme ne correspond à ces filtres" in html
                # The chosen values stay selected (shareable URL, works without JavaScript).
                for pair in query.split("&"):
                    name, value = pair.split("=")
                    assert re.search(rf'<option value="{value}"[^>]*selected', html), pair

    def test_an_unknown_filter_value_is_reported_and_ignored(self):
        response = self.client.get("/programmes/?thematique=inconnue&modalite=mission")
        html = response.content.decode()
        assert "Certains filtres n’ont pas été reconnus" in html
        listed = {p.title for p in response.context["programmes"]}
        assert listed == _expected(lambda e: e["kind"] == "mission")


@pytest.mark.django_db
def test_the_home_page_leads_to_the_programmes_without_removing_other_tiles(home_page, taxonomies, client):
    HomeEntryPoint.objects.create(page=home_page, sort_order=0, title="Pactes", link_url="/pactes/")
    demo.load(home_page, LoadReport())
    assert list(home_page.entry_points.values_list("title", flat=True)) == [
        "Pactes",
        "Programmes nationaux d’appui",
    ]
    html = client.get("/").content.decode()
    assert 'href="/programmes/"' in html
