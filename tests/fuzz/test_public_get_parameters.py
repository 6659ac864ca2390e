"""Every public GET parameter (and path segment) with hostile values: never a
5xx. The search page has its own fuzzing (tests/search) and is left out."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import assert_no_server_error
from .strategies import FUZZ, params, values

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

CATALOGUE_FILTERS = ["thematique", "politique", "modalite", "statut", "beneficiaire", "page", "p"]
#: (path, its parameters); ``{}`` is a path segment drawn like a value.
ENDPOINTS = [
    ("/communes/", ["q"]),
    ("/communes/autocomplete/", ["q"]),
    ("/communes/{}/", ["thematique"]),
    ("/communes/donnees/", []),
    ("/programmes/", CATALOGUE_FILTERS),
    ("/pactes/", CATALOGUE_FILTERS),
    ("/formations/", CATALOGUE_FILTERS),
    ("/plan-du-site/", []),
    ("/ingenierie/demande/", ["commune"]),
    ("/ingenierie/demande/envoyee/", []),
    ("/ingenierie/demande/suivi/", []),
    ("/ingenierie/demande/confirmer/{}/", []),
    ("/ingenierie/demande/{}/complements/{}/", []),
    ("/intercommunalites/", []),
    ("/intercommunalites/{}/", []),
    ("/departements/", []),
    ("/departements/{}/", []),
    ("/alertes/abonnement/", ["territoire", "page"]),
    ("/alertes/abonnement/demande/", []),
    ("/alertes/confirmer/{}/", []),
    ("/alertes/desabonnement/{}/", []),
    ("/alertes/gerer/{}/", ["fait"]),
    ("/api/v1/intercommunalites/{}/", []),
    ("/api/v1/departements/{}/", []),
    ("/api/v1/intercommunalites/{}/programmes.csv", []),
    ("/api/v1/departements/{}/communes.xlsx", []),
]


@st.composite
def requests(draw):
    path, known = draw(st.sampled_from(ENDPOINTS))
    segment = draw(values).replace("/", "%2F") or "x"
    return path.format(segment, segment), draw(params(known or ["q"]))


@pytest.fixture
def site(real_territories, programme_index, pacte_index, training_index):
    return programme_index


@FUZZ
@given(request=requests())
def test_public_get_parameters(client, site, request):
    url, query = request
    assert_no_server_error(client.get(url, query), f"{url!r} {query!r}")


def test_a_nul_byte_in_a_confirmation_token_is_a_404(client, db):
    """Found by the fuzz suite on PostgreSQL: the token reached the database, which
    refuses NUL bytes in text (HTTP 500)."""
    assert client.get("/ingenierie/demande/confirmer/%00/").status_code == 404
    assert client.get("/ingenierie/demande/confirmer/a%00b/").status_code == 404
