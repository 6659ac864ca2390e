"""The site's public address, ``SITE_BASE_URL``: the one source of every absolute link
(e-mails, canonical address, Open Graph card, sitemap, feeds, API).

A link built from the request's ``Host`` says whatever name or port the client used
(Varnish's, a spoofed one) and is cached for everyone; a link built from Wagtail's
``Site`` says what the database was told once. So the base URL is a setting, required
in production (``config.settings.production`` and the deployment check below),
set by ``make run`` and ``make serve`` to the address they serve, and the default
Wagtail ``Site`` is kept in step with it by ``manage.py setup_site``, so that
``page.full_url`` agrees.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register


def base_url() -> str:
    return settings.SITE_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (``/…``) on the public address."""
    return base_url() + (path if path.startswith("/") else "/" + path)


def site_hostname_and_port() -> tuple[str, int]:
    """What Wagtail's ``Site`` must hold for its ``root_url`` to be the base URL."""
    parts = urlsplit(base_url())
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def keep_site_in_step(site) -> bool:
    """Give the default ``Site`` the base URL's host and port; True when it changed."""
    hostname, port = site_hostname_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


@register(deploy=True)
def check_base_url(app_configs, **kwargs):
    """``check --deploy``: an absolute https address, nothing after the host. Its ids
    (``home.E001``, ``home.W001``) date from when this lived in ``home/``: operators
    may silence or grep them, so they stay."""
    value = getattr(settings, "SITE_BASE_URL", "") or ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") or parts.query:
        return [
            Error(
                f"SITE_BASE_URL doit être l’adresse publique du site (ex. : https://anct.gouv.fr), reçu « {value} ».",
                id="home.E001",
            )
        ]
    if parts.scheme != "https" or parts.port not in (None, 443):
        return [
            Warning(
                "SITE_BASE_URL n’est pas une adresse https sur le port 443 : les liens des courriels "
                "et des pages ne seront pas en https.",
                id="home.W001",
            )
        ]
    return []
