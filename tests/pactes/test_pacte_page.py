"""What a citizen reads on a pacte page, and the pacte's territory rule."""

import datetime
from decimal import Decimal

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from catalogue.models import Source
from pactes.display import gauge
from pactes.models import PacteAxis, PactePage, PacteProgressReport, PacteSignatory
from territories.models import Arrondissement, Commune
from tests.factories import PactePageFactory


def read(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def progressbars(soup) -> list[dict]:
    """Each progress bar of the page: its numbers, the sentence that names it and
    the drawn widths of its done and in-progress parts."""
    bars = []
    for bar in soup.select("#avancement ~ * [role=progressbar], #avancement ~ [role=progressbar]"):
        label = soup.find(id=bar["aria-labelledby"])
        widths = {rect["class"][0]: rect["width"] for rect in bar.select("rect")}
        bars.append(
            {
                "now": bar["aria-valuenow"],
                "max": bar["aria-valuemax"],
                "label": " ".join(label.get_text().split()),
                "done": widths.get("pacte-gauge__done"),
                "in_progress": widths.get("pacte-gauge__in-progress"),
            }
        )
    return bars


def test_progress_text_and_accessible_progress_bar(client, ardennes_pacte):
    html = client.get(ardennes_pacte.url).content.decode()
    assert "2 actions sur 3 réalisées" in html
    [bar] = progressbars(BeautifulSoup(html, "html.parser"))
    assert (bar["now"], bar["max"], bar["done"], bar["in_progress"]) == ("2", "3", "66.67", "33.33")
    assert bar["label"].startswith("2 actions sur 3 réalisées, 1 en cours (actions de cette page, au ")
    # Budget engaged = actions in progress or done whose budget is known.
    assert "1\u202f500\u00a0€" in html or "1\u00a0500\u00a0€" in html
    assert "Ardennes (08)" in html
    # Axes in DSFR accordions, actions with status badges.
    assert 'class="fr-accordion__btn"' in html
    assert "fr-badge--success" in html and "réalisée" in html


def test_progress_is_one_aggregate_query(ardennes_pacte, django_assert_num_queries):
    with django_assert_num_queries(1):
        progress = ardennes_pacte.progress()
    assert (progress.total, progress.done, progress.in_progress) == (3, 2, 1)
    assert progress.budget_engaged == Decimal("1500")


def test_a_pacte_without_figures_reads_well(client, pacte_index, departements):
    pacte = PactePageFactory(parent=pacte_index, title="Pacte Nièvre", covered_departements=[])
    html = client.get(pacte.url).content.decode()
    assert "Les axes de ce pacte ne sont pas encore publiés sur ce site." in html
    assert "non communiqué" in html
    assert "0\u00a0€" not in html and ">0<" not in html
    assert "Les jalons de ce pacte seront publiés prochainement." in html


def test_one_action_done_is_singular(client, pacte_index, departements):
    pacte = PactePageFactory(
        parent=pacte_index,
        title="Pacte Creuse",
        covered_departements=[departements["23"]],
        actions=["realisee", "prevue"],
    )
    assert "1 action sur 2 réalisée" in client.get(pacte.url).content.decode()


def test_territory_is_the_geographic_criterion(pacte_index, departements):
    avesnes = Arrondissement.objects.get(code="591")  # Avesnes-sur-Helpe (Nord)
    maubeuge = Commune.objects.get(code="59392")
    lille = Commune.objects.get(code="59350")
    sambre = PactePageFactory(
        parent=pacte_index,
        title="Pacte Sambre-Avesnois-Thiérache",
        covered_departements=[departements["59"], departements["02"]],
    )
    sambre.covered_arrondissements = [avesnes]
    sambre.save_revision().publish()
    bassin = PactePageFactory(
        parent=pacte_index, title="Bassin minier", covered_departements=[departements["59"]]
    )

    def covering(commune):  # the pactes whose territory holds the commune, by title
        return [page for page in PactePage.objects.order_by("title") if page.covers(commune)]

    assert covering(maubeuge) == [bassin, sambre]
    assert covering(lille) == [bassin]
    sambre = PactePage.objects.get(pk=sambre.pk)
    assert sambre.covers(maubeuge) and not sambre.covers(lille)
    assert sambre.covered_departement_codes() == ["02", "59"]
    assert sorted(d.pk for d in sambre.eligible_departements.all()) == ["02", "59"]


def source() -> Source:
    return Source.objects.create(
        publisher="Région Grand Est", title="Pacte Ardennes : bilan", url="https://www.grandest.fr/bilan"
    )


def test_a_published_count_is_drawn_with_its_numbers_and_date_beside_it(client, pacte_index, departements):
    pacte = PactePageFactory(
        parent=pacte_index, title="Pacte Ardennes", covered_departements=[departements["08"]]
    )
    PacteProgressReport.objects.create(
        page=pacte,
        as_of=datetime.date(2021, 3, 15),
        unit="fiches-actions",
        done=41,
        in_progress=37,
        total=89,
        source=source(),
    )
    PacteProgressReport.objects.create(
        page=pacte,
        as_of=datetime.date(2022, 12, 31),
        unit="logements",
        statement="environ 7 000 logements rénovés",
        source=source(),
    )
    soup = read(client, pacte)
    [bar] = progressbars(soup)
    assert (bar["now"], bar["max"], bar["done"], bar["in_progress"]) == ("41", "89", "46.07", "41.57")
    assert "41 fiches-actions sur 89 réalisées, 37 en cours" in bar["label"]
    assert "15 mars 2021" in bar["label"]
    legend = soup.select_one(".pacte-gauge__legend").get_text(" ", strip=True)
    assert legend == "réalisées en cours ni réalisées ni en cours"
    # A statement without a count is read as such, without a bar.
    section = soup.find(id="avancement").find_parent("section").get_text(" ", strip=True)
    assert "environ 7 000 logements rénovés" in section


def test_axes_without_actions_are_listed_plainly_not_as_empty_accordions(client, pacte_index, departements):
    pacte = PactePageFactory(
        parent=pacte_index, title="Pacte Nièvre", covered_departements=[departements["23"]]
    )
    for position, title in enumerate(["Revitaliser le territoire", "Donner sa chance à la jeunesse"]):
        PacteAxis.objects.create(page=pacte, title=title, sort_order=position)
    soup = read(client, pacte)
    section = soup.find(id="axes").find_parent("section")
    assert not section.select(".fr-accordion")
    assert [li.get_text(strip=True) for li in section.select("ul.pacte-axes li")] == [
        "Axe 1 : Revitaliser le territoire",
        "Axe 2 : Donner sa chance à la jeunesse",
    ]
    assert "Le détail des actions de ces axes n’est pas encore publié sur ce site." in section.get_text()
    assert "prochainement" not in section.get_text()


def test_only_axes_with_actions_open_as_accordions(client, ardennes_pacte):
    PacteAxis.objects.create(page=ardennes_pacte, title="Accentuer le bien-vivre", sort_order=5)
    section = read(client, ardennes_pacte).find(id="axes").find_parent("section")
    buttons = [b.get_text(" ", strip=True) for b in section.select(".fr-accordion__btn")]
    assert buttons == ["Axe 1 : Axe de Pacte Ardennes (2 actions sur 3 réalisées)"]
    assert [li.get_text(strip=True) for li in section.select("ul.pacte-axes li")] == [
        "Axe 2 : Accentuer le bien-vivre"
    ]


def test_signatories_read_once_per_organisation_with_their_sources(client, pacte_index, departements):
    pacte = PactePageFactory(
        parent=pacte_index, title="Pacte Ardennes", covered_departements=[departements["08"]]
    )
    cited = source()
    for position, (organisation, role) in enumerate(
        [
            ("État", "Ministre des Solidarités et de la Santé"),
            ("Région Grand Est", ""),
            ("État", "Ministre chargé des Collectivités territoriales"),
        ]
    ):
        PacteSignatory.objects.create(
            page=pacte, organisation=organisation, signatory_role=role, source=cited, sort_order=position
        )
    section = read(client, pacte).find(id="signataires").find_parent("section")
    groups = section.select("ul.pacte-signatories > li")
    assert [g.p.get_text(strip=True) for g in groups] == ["État", "Région Grand Est[1]"]
    assert [li.get_text(strip=True) for li in groups[0].select("ul li")] == [
        "Ministre des Solidarités et de la Santé[1]",
        "Ministre chargé des Collectivités territoriales[1]",
    ]


@given(
    total=st.integers(min_value=-5, max_value=10_000),
    done=st.one_of(st.none(), st.integers(min_value=-5, max_value=10_000)),
    in_progress=st.one_of(st.none(), st.integers(min_value=-5, max_value=10_000)),
)
def test_a_bar_is_drawn_only_from_counts_that_fit_in_their_total(total, done, in_progress):
    bar = gauge(done, in_progress, total)
    fits = total > 0 and done is not None and done >= 0 and (in_progress or 0) >= 0
    fits = fits and done + (in_progress or 0) <= total
    assert (bar is not None) == fits
    if bar:
        assert 0 <= float(bar.done_width) + float(bar.in_progress_width) <= 100.01
        assert "," not in bar.done_width + bar.in_progress_width  # SVG attributes: never localised
