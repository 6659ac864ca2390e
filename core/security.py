"""Security headers: a Content-Security-Policy on every response and a
Permissions-Policy that turns off the browser features the site never uses.

Public pages: scripts run only from the site's static directory
(``script-src https://host/static/``), never inline (no ``unsafe-inline``).
A per-response nonce would not fit here: public pages are kept by the HTTP
cache (Varnish) and served to every visitor with the nonce of the first
response, so the nonce would be public. A source restricted to the static
path holds whatever the cache does, and keeps out a script tag pointing to
any other same-origin URL (an uploaded document, an API answer). The source
names the host asked for, so such responses vary by ``Host``: a page cached
for one of the site's names is never served under another with a policy that
would refuse its scripts.

The Wagtail admin still relies on inline scripts and ``eval`` in some of its
choosers (Wagtail's own CSP work is not finished), so it gets its own policy,
which keeps what does not break it: no plug-ins, no foreign script, image,
frame or connection, forms posted to the site only, not framed by others.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.cache import patch_vary_headers

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), fullscreen=(self)"
)

_COMMON = [
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


def content_security_policy(script_source: str, *, framed_by_site: bool = False) -> str:
    """The public pages' policy; ``script_source`` is where scripts may come from.
    No one may frame a public page, except the admin's preview panel
    (``framed_by_site``): Wagtail renders a preview through the middleware with the
    page's own path, so the preview gets this policy, not the admin's."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_source}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            *_COMMON,
            "frame-ancestors 'self'" if framed_by_site else "frame-ancestors 'none'",
        ]
    )


ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        *_COMMON,
        "frame-ancestors 'self'",  # the page preview is framed by the admin itself
    ]
)


def static_script_source(request) -> str:
    """The static directory as an absolute source (a CSP path match needs the
    host); ``'self'`` when the request's host is not one the site serves."""
    static_url = settings.STATIC_URL
    if static_url.startswith(("https://", "http://")):
        return static_url
    try:
        return request.build_absolute_uri(static_url)
    except DisallowedHost:
        return "'self'"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ("/admin/",)))

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(self.admin_prefixes):
            response.setdefault("Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY)
        elif "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = content_security_policy(
                static_script_source(request), framed_by_site=getattr(request, "is_preview", False)
            )
            if not settings.STATIC_URL.startswith(("https://", "http://")):
                patch_vary_headers(response, ("Host",))
        return response
