"""Counts read as French: "0 programme", "1 programme", "2 programmes".

French puts zero in the singular. Django takes the plural rule from the project's
catalogue (``locale/fr``); without it, it applies the English rule and the site
printed "0 programmes" and "0 résultats". These tests read the counts on real pages.
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from pactes.display import progress_text
from pactes.models import ActionStatus
from tests.factories import PactePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


def status_text(html: str, marker: str) -> str:
    """The visible text of the first ``role="status"`` paragraph containing ``marker``."""
    for paragraph in re.findall(r'<p[^>]*role="status"[^>]*>(.*?)</p>', html, re.S):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", paragraph)).split())
        if marker in text:
            return text
    raise AssertionError(f"no status line with {marker!r}")


@pytest.fixture
def two_programmes(programme_index):
    """Two published programmes sharing a word of their title, in two thématiques."""
    ProgrammePageFactory(
        parent=programme_index,
        title="Zéphyr Aquilon",
        theme__slug="numerique",
        public_policy__slug="fracture-numerique",
    )
    ProgrammePageFactory(
        parent=programme_index,
        title="Zéphyr Borée",
        theme__slug="politique-de-la-ville",
        public_policy__slug="education",
    )
    return programme_index


def test_programme_index_counts_zero_one_and_two_in_french(client, two_programmes):
    def count(query: str = "") -> str:
        response = client.get(f"/programmes/{query}")
        assert response.status_code == 200
        return status_text(response.content.decode(), "programme")

    assert count() == "2 programmes"
    assert count("?thematique=numerique") == "1 programme"
    assert count("?thematique=territoires-et-ruralites") == "0 programme"


def test_search_page_counts_zero_one_and_two_in_french(client, two_programmes):
    def count(query: str) -> str:
        response = client.get(reverse("search"), {"q": query})
        assert response.status_code == 200
        return status_text(response.content.decode(), "pour")

    assert count("Zéphyr") == "2 résultats pour « Zéphyr »"
    assert count("Aquilon") == "1 résultat pour « Aquilon »"
    assert count("bibliothèque") == "0 résultat pour « bibliothèque »"


def test_pacte_progress_reads_zero_action_in_the_singular(client, pacte_index):
    pacte = PactePageFactory(
        parent=pacte_index, title="Pacte sans action réalisée", actions=[ActionStatus.PLANNED] * 3
    )
    html = client.get(pacte.url).content.decode()
    assert "0 action sur 3 réalisée" in html
    assert "0 actions" not in html


@pytest.mark.parametrize(
    ("done", "expected"),
    [(0, "0 action sur 2 réalisée"), (1, "1 action sur 2 réalisée"), (2, "2 actions sur 2 réalisées")],
)
def test_python_counts_follow_the_catalogue_rule(done, expected):
    assert progress_text(done, 2) == expected


def test_commune_page_counts_inhabitants_in_french(client, home_page, real_territories):
    """Real reference data: Bezonvaux (55050), a village destroyed at Verdun, has no
    inhabitant; Rochefourchat (26274) has two."""

    def population(code: str) -> str:
        response = client.get(f"/communes/{code}/")
        assert response.status_code == 200
        html = response.content.decode()
        found = re.search(r"Population</dt>\s*<dd>(.*?)</dd>", html, re.S)
        assert found, html
        return " ".join(unescape(found.group(1)).split())

    assert population("55050") == "0 habitant"
    assert population("26274") == "2 habitants"
