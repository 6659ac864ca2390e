"""What a locked-out client gets (``AXES_LOCKOUT_CALLABLE``)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    """The login page the form already rendered with its French message (``accounts.forms``),
    as a 429; a plain French sentence for any other login."""
    if original_response is not None:
        original_response.status_code = 429
        return original_response
    return HttpResponse(
        _("Trop de tentatives de connexion ont échoué : réessayez plus tard."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
