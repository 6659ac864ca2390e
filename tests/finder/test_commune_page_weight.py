"""A commune page stays under 60 kB of HTML with the demo catalogue loaded (issue 22:
76 to 98 kB before), and loses nothing a reader needs for it: every programme and
pacte keeps its verdict, each criterion its explanation and its source with its
date, every "à vérifier" what to do next, and the contacts come first. Measured on
the communes that weigh most (Marseille and Paris: a dozen France services of their
own and twenty quartiers prioritaires; Montreuil: 80 France services in the
Métropole du Grand Paris) and on Ahun, a small town of la Creuse where most answers are "non".
"""

import pytest
from bs4 import BeautifulSoup
from django.db import transaction

from finder.eligibility import find_programmes
from territories.delegates import NEARBY_SHOWN, france_services_near
from territories.models import Commune
from tests.demo_rows import load_demo

pytestmark = pytest.mark.django_db

LIMIT = 60_000
COMMUNES = ("13055", "75056", "93048", "23001")


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker, _official_lists_once):
    """What ``make run`` loads: the official lists, then the demo content through its
    loader, once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def words(text: str) -> str:
    return " ".join(text.split())


def test_commune_pages_stay_under_60_kb_with_every_verdict_and_its_sources(client, demo_catalogue):
    data_page = client.get("/communes/donnees/").content.decode()
    for code in COMMUNES:
        response = client.get(f"/communes/{code}/")
        assert response.status_code == 200
        assert len(response.content) < LIMIT, (code, len(response.content))
        page = BeautifulSoup(response.content.decode(), "html.parser")
        result = find_programmes(Commune.objects.get(pk=code))
        assert len(result.evaluations) + len(result.already) >= 30, "a catalogue comparable to the demo"
        assert result.not_eligible and result.eligible
        for evaluation in result.evaluations:
            if not evaluation.criteria:  # listed apart, with a way to ask
                without = words(page.find(id="without-criteria-title").parent.get_text(" "))
                assert words(evaluation.page.title) in without, (code, evaluation.page.title)
                continue
            card = page.find(id=f"programme-{evaluation.page.pk}")
            assert card is not None, (code, evaluation.page.title)
            text = words(card.get_text(" "))
            answer = {"eligible": "Oui", "not_eligible": "Non", "to_check": "À vérifier"}[evaluation.verdict]
            assert words(evaluation.page.title) in text and f"{evaluation.question.label} {answer}" in text
            for criterion in evaluation.criteria:
                assert words(criterion.explanation) in text, (code, evaluation.page.title)
                for dataset in criterion.datasets:
                    link = card.find("a", href=f"/communes/donnees/#dataset-{dataset.key}")
                    assert link is not None and link.get_text() == dataset.citation
                    assert f'id="dataset-{dataset.key}"' in data_page
            source = evaluation.source_apart
            if source is not None:
                assert card.find("a", href=source.url) is not None, (code, evaluation.page.title)
                assert words(str(source)) in text
            if evaluation.verdict == "to_check":
                assert "Que faire ?" in text
                assert card.find(
                    "a", href=f"/ingenierie/demande/?commune={code}&programme={evaluation.page.pk}"
                )
        # The contacts come before the answers.
        html = str(page)
        assert html.index('id="contacts"') < html.index('<article class="anct-evaluation"')


def test_montreuil_describes_its_nearest_france_services_and_links_to_the_others(client, demo_catalogue):
    """80 structures in the Métropole du Grand Paris, none in Montreuil: those of its
    territoire (Est Ensemble) first, five described in full, the rest one link away."""
    montreuil = Commune.objects.get(pk="93048")
    nearby = france_services_near(montreuil)
    assert nearby.scope == "epci" and len(nearby.structures) > 40
    assert all(structure.commune.ept_id == montreuil.ept_id for structure in nearby.nearest)
    contacts = BeautifulSoup(client.get("/communes/93048/").content.decode(), "html.parser").find(
        id="contacts"
    )
    assert len(contacts.find_all("address")) == 1 + NEARBY_SHOWN  # the agency's desk, then the structures
    link = contacts.find("a", href=f"/intercommunalites/{montreuil.epci_id}/#contacts")
    assert link is not None and str(len(nearby.structures)) in link.get_text()
    assert client.get(f"/intercommunalites/{montreuil.epci_id}/").status_code == 200


def test_marseille_names_every_structure_of_its_own(client, demo_catalogue):
    nearby = france_services_near(Commune.objects.get(pk="13055"))
    assert nearby.scope == "commune" and len(nearby.structures) > NEARBY_SHOWN
    contacts = words(
        BeautifulSoup(client.get("/communes/13055/").content.decode(), "html.parser")
        .find(id="contacts")
        .get_text(" ")
    )
    for structure in nearby.structures:
        assert words(structure.name) in contacts and words(structure.address) in contacts
    assert "00:00 - 00:00" not in contacts
