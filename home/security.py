"""Security headers of the public site: a Content-Security-Policy whose
scripts are the site's own files carrying a per-response nonce (no
``unsafe-inline``), and a Permissions-Policy that turns off the browser
features the site never uses.

The nonce is ``request.csp_nonce``, the name django-dsfr's ``{% dsfr_js %}``
and the templates read. The Wagtail admin keeps its own inline scripts and is
left out (``CSP_EXCLUDED_PREFIXES``); it is not a public page.
"""

import secrets

from django.conf import settings
from django.utils.functional import SimpleLazyObject

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), fullscreen=(self)"
)


def content_security_policy(nonce: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(getattr(settings, "CSP_EXCLUDED_PREFIXES", ("/admin/",)))

    def __call__(self, request):
        nonce = secrets.token_urlsafe(18)
        request.csp_nonce = SimpleLazyObject(lambda: nonce)
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(self.excluded):
            response.setdefault("Content-Security-Policy", content_security_policy(nonce))
        return response
