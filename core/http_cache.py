"""Which responses an HTTP cache may share, decided once for the whole site.

The HTTP cache in front of the app servers (Varnish, ``tools/serve/``) keeps only what
the site marks ``public``; everything else goes to the app. A response is shared only
when it is the same for every anonymous visitor: a GET or HEAD, not under a private path
(administration, search, engineering requests), no session cookie sent, no cookie set,
no CSRF token rendered (a form) and no logged-in user. Anything else is marked
``private, no-store`` with ``Vary: Cookie``, so neither the HTTP cache nor a browser's
shared cache hands one person's page to another. A view that sets its own Cache-Control
keeps it.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

# A page, never a redirect or an error: a redirect may depend on how the visitor came
# (plain HTTP before the HTTPS redirect) and an error on a passing fault.
SHAREABLE_STATUS = frozenset({200})


def is_shareable(request, response) -> bool:
    """True when the response carries nothing that belongs to one visitor."""
    if request.method not in ("GET", "HEAD") or response.status_code not in SHAREABLE_STATUS:
        return False
    if request.path.startswith(tuple(settings.HTTP_CACHE_PRIVATE_PATHS)):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def apply_cache_policy(request, response):
    """Mark ``response`` public for the HTTP cache or private for everyone."""
    if response.has_header("Cache-Control") or request.path.startswith(settings.STATIC_URL):
        return response
    if is_shareable(request, response):
        # Browsers revalidate (max-age=0); the HTTP cache keeps the page, purged on publish.
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.HTTP_CACHE_SECONDS)
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ("Cookie",))
    return response


class CachePolicyMiddleware:
    """Outermost middleware: sees the cookies and tokens the inner ones added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return apply_cache_policy(request, self.get_response(request))
