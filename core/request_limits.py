"""A ceiling on the size of what a client may send, checked before anything
reads the body.

Django bounds the form fields it keeps in memory (``DATA_UPLOAD_MAX_MEMORY_SIZE``)
but streams uploaded files to disk whatever their size, so without a ceiling an
anonymous POST to the request form could fill the disk before the form's own
checks (5 files of 10 MB at most) ever run. The front server (nginx, Varnish)
may hold its own limit; this one holds in every setup, ``make run`` included.

The declared ``Content-Length`` is what is checked: Django reads no more than it
(a body without one is read as empty), so the declared size bounds what lands.
Varnish checks it first and forwards an oversized request without its body, saying so
in ``X-Request-Body-Too-Large`` (believed from a trusted proxy only): refusing the body
while Varnish still sends it would break the connection, and the visitor would get
Varnish's English "503 Backend fetch failed" instead of this French page.
"""

from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

from core.client_address import PROXY_ADDR, is_trusted_proxy


def body_too_large(request, limit: int):
    return render(
        request,
        "413.html",
        {"title": "Envoi trop volumineux", "limit": filesizeformat(limit), "is_error_page": True},
        status=413,
    )


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if request.META.get("HTTP_X_REQUEST_BODY_TOO_LARGE") and is_trusted_proxy(
            request.META.get(PROXY_ADDR)
        ):
            declared = request.META["HTTP_X_REQUEST_BODY_TOO_LARGE"]
        try:
            size = int(declared)
        except ValueError:
            size = 0  # Django reads such a body as empty
        limit = settings.REQUEST_BODY_MAX_BYTES
        if size > limit:
            return body_too_large(request, limit)
        return self.get_response(request)
