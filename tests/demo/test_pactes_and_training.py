"""The demo steps of pactes and training: roadmap content, idempotent, robust to
missing territorial data."""

import pytest
from django.core.management import call_command

from core.upsert import LoadReport
from demo.loader import load_block, load_files
from home.models import StandardPage
from pactes.models import PactePage
from tests.demo_rows import load_demo
from training.models import OfferKind, TrainingOfferPage

FIVE_PACTES = {
    "pacte-ardennes": ["08"],
    "plan-creuse": ["23"],
    "pacte-sambre-avesnois-thierache": ["02", "59"],
    "pacte-nievre": ["58"],
    "bassin-minier": ["59", "62"],
}


@pytest.fixture
def territory_rows(real_territories, db):
    """The départements and arrondissements the roadmap's pactes cover: the real
    reference data (official codes and names)."""


def run_my_steps(*extra_blocks):
    report = LoadReport()
    load_files(["partners.yaml", "pactes.yaml", "training.yaml"], report)
    for block in extra_blocks:
        load_block(block, report)
    return report


def test_loader_creates_the_five_pactes_and_is_idempotent(client, territory_rows):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    for slug, codes in FIVE_PACTES.items():
        pacte = PactePage.objects.live().get(slug=slug)
        assert pacte.covered_departement_codes() == codes, slug
        assert client.get(pacte.url).status_code == 200
    sambre = PactePage.objects.get(slug="pacte-sambre-avesnois-thierache")
    assert sorted(a.pk for a in sambre.covered_arrondissements.all()) == ["025", "591"]
    ardennes = PactePage.objects.get(slug="pacte-ardennes")
    assert (ardennes.theme.slug, ardennes.public_policy.slug) == (
        "territoires-et-ruralites",
        "territoires-fragiles",
    )
    # Nothing invented: the roadmap gives no amount or action; signature dates come
    # from the public fact sheet (each one cited by a "Signature" fact of the page).
    assert not PactePage.objects.filter(total_amount__isnull=False).exists()
    for pacte in PactePage.objects.all():
        signature = pacte.facts.get(key="signature")
        assert signature.as_of == pacte.signature_date and signature.source.url, pacte.slug
    assert all(p.progress().total == 0 for p in PactePage.objects.all())

    report = run_my_steps()
    assert (report.created, report.updated, report.rejected) == (0, 0, [])
    assert report.unchanged > 0


def test_missing_territories_are_reported_and_the_loader_goes_on(home_page):
    # A code that no import ever creates stands for territorial data not imported yet
    # (other test modules may have imported the real data in this session).
    unknown = {
        "model": "pactes.PactePage",
        "parent": "pactes",
        "rows": [
            {
                "slug": "pacte-inconnu",
                "title": "Pacte inconnu",
                "covered_departements": [{"code": "000"}],
                "summary": "Test.",
            }
        ],
    }
    report = run_my_steps(unknown)
    assert PactePage.objects.count() == 6
    assert not PactePage.objects.get(slug="pacte-inconnu").covered_departements.exists()
    reasons = [r for r in report.reasons() if "Pacte inconnu" in r]
    assert reasons and "département 000 introuvable" in reasons[0] and "import_territories" in reasons[0]


def test_demo_pages_read_well(client, territory_rows):
    load_demo()  # the loader's rows (tests/demo_rows.py)
    index = client.get("/pactes/").content.decode()
    for title in (
        "Pacte Ardennes",
        "Plan particulier pour la Creuse",
        "Pacte Sambre-Avesnois-Thiérache",
        "Pacte Nièvre",
        "Engagement pour le renouveau du Bassin minier",
    ):
        assert title in index
    assert "contrat-type de cohésion territoriale" in index
    assert "pactes de résilience territoriale" in index

    pacte = client.get("/pactes/pacte-nievre/").content.decode()
    assert "Revitaliser le territoire par la réduction des fractures" in pacte
    assert "La répartition par partenaire n’est pas encore publiée." in pacte

    engineering = StandardPage.objects.get(slug="offre-ingenierie")
    html = client.get(engineering.url).content.decode()
    assert 'href="/ingenierie/demande/"' in html
    for fact in (
        "délégué territorial",
        "90",
        "comité de suivi des projets",
        "convention d’appui opérationnel",
        "ADEME",
        "Banque des territoires",
    ):
        assert fact in html, fact

    offers = {o.kind: o for o in TrainingOfferPage.objects.live()}
    assert set(offers) == {OfferKind.TRAINING, OfferKind.CONCERTATION_MODULE}
    assert {p.name for p in offers[OfferKind.TRAINING].partners.all()} == {
        "Sciences Po",
        "Banque des territoires",
    }
    assert not offers[OfferKind.TRAINING].sessions.exists()
    training = client.get("/formations/").content.decode()
    assert "Prochaines sessions à venir" in training

    home = client.get("/").content.decode()
    for tile in (
        "Pactes et contrats de cohésion territoriale",
        "Le sur-mesure : l’offre d’ingénierie",
        "Formations des élus",
    ):
        assert tile in home, tile
