"""Any query string on any endpoint answers without a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PARAMS = ["thematique", "politique", "statut", "departement", "page", "taille", "autre"]
PATHS = ["/api/v1/programmes/", "/api/v1/pactes/", "/api/v1/formations/", "/api/v1/communes/08105/"]
values = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.sampled_from(["actif", "termine", "08", "2A", "numerique", "0", "1e3", "\x00", "%00", "é"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), query=st.dictionaries(st.sampled_from(PARAMS), values, max_size=4))
def test_no_query_string_causes_a_server_error(client, published, path, query):
    response = client.get(path, query)
    assert response.status_code in (200, 422), (query, response.content[:300])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(min_size=1, max_size=8).filter(lambda c: "/" not in c and "?" not in c and "#" not in c))
def test_no_commune_code_causes_a_server_error(client, published, code):
    from urllib.parse import quote

    response = client.get(f"/api/v1/communes/{quote(code, safe='')}/")
    assert response.status_code < 500, (code, response.content[:300])


def test_a_nul_byte_in_a_filter_is_refused(client, published):
    """On PostgreSQL a NUL byte in a query parameter would raise in the driver."""
    assert client.get("/api/v1/programmes/", {"thematique": "a\x00b"}).status_code == 422
