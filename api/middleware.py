"""Open-data headers on every ``/api/v1/`` answer: any origin may read (CORS for
GET and HEAD only, the API writes nothing), and caches may keep a copy a few
minutes, since the catalogue changes at the pace of editorial publication."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

API_PREFIX = "/api/v1/"
MAX_AGE = 300


class OpenDataHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":  # CORS preflight: answered here, nothing to run
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response
