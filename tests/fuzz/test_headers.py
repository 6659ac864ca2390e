"""Hostile request headers on public pages and the public form: a 400 at
worst (an unknown Host), never a 5xx."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import assert_no_server_error
from .strategies import FUZZ, NASTY

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]
HEADERS = [
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_COOKIE",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_REQUESTED_WITH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
    "HTTP_HOST",
    "REMOTE_ADDR",
]
# A WSGI server hands headers over as ISO-8859-1 text.
header_values = st.one_of(
    st.sampled_from([value for value in NASTY if value.isascii() or value.isprintable()]).map(
        lambda value: value.encode("utf-8").decode("latin-1")
    ),
    st.text(alphabet=st.characters(codec="latin-1"), max_size=300),
)


@FUZZ
@given(
    path=st.sampled_from(["/", "/ingenierie/demande/", "/communes/", "/programmes/", "/plan-du-site/"]),
    headers=st.dictionaries(st.sampled_from(HEADERS), header_values, max_size=5),
    post=st.booleans(),
)
def test_public_pages_with_hostile_headers(client, real_territories, home_page, path, headers, post):
    call = client.post if post and path == "/ingenierie/demande/" else client.get
    response = call(path, **headers)
    assert_no_server_error(response, f"{path} {headers!r}")
