"""The API's French documentation page, rendered on the server from the same
OpenAPI document the API publishes (no Swagger UI from a CDN, no JavaScript)."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from .endpoints import api

_LOCATIONS = {"path": gettext_lazy("chemin"), "query": gettext_lazy("paramètre d'URL")}


def endpoint_list(request) -> list[dict]:
    """Each operation of the OpenAPI document: method, path, summary, description
    and parameters, in the document's order."""
    schema = api.get_openapi_schema(path_prefix=request.path.removesuffix("docs/").rstrip("/"))
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": str(_LOCATIONS.get(p["in"], p["in"])),
                            "required": p.get("required", False),
                            "description": p.get("description", "")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                }
            )
    return operations


@require_safe
def docs(request):
    return TemplateResponse(
        request,
        "api/docs.html",
        {
            "title": _("API de données ouvertes"),
            "operations": endpoint_list(request),
            "openapi_url": request.path.removesuffix("docs/") + "openapi.json",
            "exports": [
                {
                    "label": label,
                    "csv": reverse("api_export", args=[family, "csv"]),
                    "xlsx": reverse("api_export", args=[family, "xlsx"]),
                }
                for family, label in (
                    ("programmes", _("Programmes")),
                    ("pactes", _("Pactes et contrats")),
                    ("formations", _("Offres de formation")),
                )
            ],
        },
    )
