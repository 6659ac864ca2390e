"""Who is asking: the client's address and the scheme it used, decided once per request
from the proxies the deployment trusts (``TRUSTED_PROXIES``).

Behind Varnish, and a TLS terminator in front of it, ``REMOTE_ADDR`` is the address of
the last proxy: every visitor would look like one, and a limit per address would make
one visitor pay for all the others. Each trusted proxy appends the address it received
the request from to ``X-Forwarded-For``; whatever a client wrote there itself stands to
the left of those entries. So the client is the first address, read from the right,
that is not a trusted proxy: a header forged by the client is never read, and a
request that does not come from a trusted proxy is taken at its ``REMOTE_ADDR``.

The scheme follows the same rule: ``X-Forwarded-Proto`` (which
``SECURE_PROXY_SSL_HEADER`` reads) is dropped unless the request comes from a trusted
proxy, so a client cannot claim HTTPS over plain HTTP.

The middleware writes the client's address into ``REMOTE_ADDR`` (the proxy's stays in
``PROXY_ADDR``): every limit (django-ratelimit's ``ip`` key, django-axes, the logs)
reads the same address without knowing about proxies.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

PROXY_ADDR = "PROXY_ADDR"
#: What ``REMOTE_ADDR`` says when the server gave no address (a Unix socket without a
#: trusted proxy): such requests count as one client, and nothing downstream (the limits
#: parse the address) ever reads a non-address.
UNKNOWN_CLIENT = "0.0.0.0"


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def _address(text: str):
    """An IP address from a forwarded-for entry, or None (garbage, "unknown")."""
    text = text.strip().strip('"')
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted_proxy(address: str) -> bool:
    parsed = _address(address or "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    return parsed is not None and any(parsed in network for network in networks)


def client_address(meta) -> str:
    """The client's address for a request's ``META`` (before the middleware ran)."""
    peer = meta.get("REMOTE_ADDR", "") or ""
    if not is_trusted_proxy(peer):
        return peer
    client = peer
    hops = [hop for hop in (meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if hop.strip()]
    for hop in reversed(hops):
        parsed = _address(hop)
        if parsed is None:
            break  # no trusted proxy writes this: the chain ends at the last good hop
        client = str(parsed)
        if not is_trusted_proxy(client):
            break
    return client


def client_ip(request) -> str:
    """The client's address of a request the middleware has seen (django-axes'
    ``AXES_CLIENT_IP_CALLABLE``)."""
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


class ClientAddressMiddleware:
    """First middleware: the rest of the site sees the client, not the proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        peer = meta.get("REMOTE_ADDR", "") or ""
        meta[PROXY_ADDR] = peer
        if not is_trusted_proxy(peer):
            meta.pop("HTTP_X_FORWARDED_PROTO", None)
        client = _address(client_address(meta))
        meta["REMOTE_ADDR"] = str(client) if client is not None else UNKNOWN_CLIENT
        return self.get_response(request)
