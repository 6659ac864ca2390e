"""Who is asking (core/client_address.py): the client's address from the trusted proxy
chain, never from a header a client wrote; the scheme from a trusted proxy only."""

import ipaddress

import pytest
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from core.client_address import ClientAddressMiddleware, client_address

VARNISH, TERMINATOR = "10.0.0.2", "10.0.0.3"
TRUSTED = override_settings(TRUSTED_PROXIES=[VARNISH, TERMINATOR, "fd00::/8"])


def seen(remote_addr, forwarded_for=None, proto=None):
    """The address and scheme the site sees for a request that reached it this way."""
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    if proto is not None:
        headers["HTTP_X_FORWARDED_PROTO"] = proto
    request = RequestFactory().get("/", **headers)
    ClientAddressMiddleware(lambda r: None)(request)
    return request.META["REMOTE_ADDR"], request.is_secure()


@TRUSTED
@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_varnish_the_client_is_the_address_varnish_received_the_request_from():
    assert seen(VARNISH, "203.0.113.7") == ("203.0.113.7", False)
    assert seen(VARNISH, "203.0.113.7, " + TERMINATOR, proto="https") == ("203.0.113.7", True)


@TRUSTED
def test_an_address_a_client_wrote_itself_is_never_read():
    # The client sent "X-Forwarded-For: 198.51.100.1"; Varnish appended its address.
    assert seen(VARNISH, "198.51.100.1, 203.0.113.7")[0] == "203.0.113.7"
    assert seen(VARNISH, "1.1.1.1, 2.2.2.2, 203.0.113.7, " + TERMINATOR)[0] == "203.0.113.7"


@TRUSTED
@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_a_client_reaching_the_site_directly_is_taken_at_its_address_and_scheme():
    assert seen("203.0.113.9", "10.0.0.2", proto="https") == ("203.0.113.9", False)


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_forwarded_headers_are_ignored():
    assert seen("127.0.0.1", "203.0.113.7")[0] == "127.0.0.1"


@TRUSTED
def test_garbage_in_the_chain_stops_at_the_last_trusted_hop():
    assert seen(VARNISH, "pas-une-adresse, " + TERMINATOR)[0] == TERMINATOR
    assert seen(VARNISH, "")[0] == VARNISH
    assert seen(VARNISH, "[2001:db8::1]:443")[0] == "2001:db8::1"
    assert seen(VARNISH, "203.0.113.7:51234")[0] == "203.0.113.7"


@TRUSTED
def test_ipv6_proxies_and_ipv4_mapped_addresses():
    assert seen("fd00::1", "::ffff:203.0.113.7")[0] == "203.0.113.7"


@TRUSTED
@pytest.mark.fuzz
@given(st.text(max_size=200))
def test_any_forwarded_for_header_gives_a_valid_address_and_never_an_error(header):
    address = client_address({"REMOTE_ADDR": VARNISH, "HTTP_X_FORWARDED_FOR": header})
    ipaddress.ip_address(address)
    if "," not in header and not header.strip():
        assert address == VARNISH


@TRUSTED
def test_a_server_that_gives_no_address_makes_one_unknown_client():
    """A Unix socket gives no REMOTE_ADDR: the limits, which parse the address, must not fail."""
    assert seen("")[0] == "0.0.0.0"
    assert seen("pas une adresse")[0] == "0.0.0.0"
