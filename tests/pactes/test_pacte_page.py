"""What a citizen reads on a pacte page, and the pacte's territory rule."""

from decimal import Decimal

from pactes.models import PactePage
from territories.models import Arrondissement, Commune
from tests.factories import PactePageFactory


def test_progress_text_and_accessible_progress_bar(client, ardennes_pacte):
    html = client.get(ardennes_pacte.url).content.decode()
    assert "2 actions sur 3 réalisées" in html
    assert (
        '<progress class="pacte-progress" max="3" value="2" '
        'aria-labelledby="pacte-progress-label">67 %</progress>'
    ) in html
    assert 'id="pacte-progress-label"' in html
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
    assert "Les axes de ce pacte seront publiés prochainement." in html
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

    assert list(PactePage.objects.covering(maubeuge).order_by("title")) == [bassin, sambre]
    assert list(PactePage.objects.covering(lille)) == [bassin]
    sambre = PactePage.objects.get(pk=sambre.pk)
    assert sambre.covers(maubeuge) and not sambre.covers(lille)
    assert sambre.covered_departement_codes() == ["02", "59"]
    assert sorted(d.pk for d in sambre.eligible_departements.all()) == ["02", "59"]
