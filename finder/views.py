"""The commune page, "Ma commune": key facts, the territorial delegate, and every
programme and pacte evaluated for the commune."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import Theme
from territories.delegates import delegate_for, france_services_near
from territories.maps import CURRENT, MapEntry, departement_map
from territories.models import Commune
from territories.text import INSEE_CODE_RE

from .eligibility import find_programmes


@require_safe
def commune_detail(request, code):
    """ "Ma commune": key facts, programmes it benefits from, and every programme
    and pacte evaluated criterion by criterion, filterable by thématique."""
    code = code.upper()
    if not INSEE_CODE_RE.match(code):
        raise Http404(_("Code INSEE mal formé."))
    commune = get_object_or_404(
        Commune.objects.select_related("departement", "region", "epci", "ept", "arrondissement"), pk=code
    )
    themes = list(Theme.objects.all())
    theme = next((t for t in themes if t.slug == request.GET.get("thematique")), None)
    # Lazy: the template caches the evaluation (core.content_version), so it runs on a miss only.
    finder = SimpleLazyObject(lambda: find_programmes(commune, theme.slug if theme else None))
    former_names = [f for f in commune.former_names.all() if f.search_name != commune.search_name]
    return TemplateResponse(
        request,
        "finder/commune_detail.html",
        {
            "commune": commune,
            "former_names": former_names,
            "finder": finder,
            "themes": themes,
            "theme": theme,
            "delegate": delegate_for(commune.departement),
            "departement_map": departement_map(
                [MapEntry(commune.departement_id, commune.departement.name, [{"title": commune.name}])],
                caption=_("Le département de la commune : %(name)s.") % {"name": commune.departement.name},
                legend_title=_("Légende"),
                highlight_label=_("Département de la commune"),
                highlight=CURRENT,
            ),
            "france_services": france_services_near(commune),
            "engineering_url": f"{_engineering_request_url()}?commune={commune.code}",
            "title": commune.name,
            "breadcrumb": {
                "links": [{"url": reverse("territories:search"), "title": _("Ma commune")}],
                "current": f"{commune.name} ({commune.departement_id})",
            },
        },
    )


def _engineering_request_url() -> str:
    return reverse("engineering:request")
