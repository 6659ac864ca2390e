"""The intercommunality and département pages, and their indexes: what the
agency offers over a whole territory, from the same answers as the commune
pages (``places``, ``batch``).

The header row is read at once (a 404 costs one query); the evaluation of
every commune is passed lazily and cached by the template with the content
version, like the commune page's, so it runs on a cache miss only.
"""

from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from territories.maps import MapEntry, departement_map
from territories.models import EPCI, EPT, Commune, Departement
from territories.text import fold_letters

from .places import DEPARTEMENT_RE, GROUPEMENT_KINDS, SIREN_RE, departement_place, groupement_place


def _breadcrumb(index_url: str, index_title: str, current: str) -> dict:
    return {"links": [{"url": index_url, "title": index_title}], "current": current}


def place_map(place, caption: str) -> dict:
    """The départements of the place on the map, each with its number of
    communes in the list beside it (the map's equivalent)."""
    entries = []
    for departement in place.departements:
        count = place.communes_in(departement)
        label = ngettext("%(count)s commune", "%(count)s communes", count) % {"count": count}
        entries.append(MapEntry(departement.pk, departement.name, [{"title": label}], count=count))
    return departement_map(entries, caption=caption, legend_title=_("Communes membres par département"))


@require_safe
def groupement_detail(request, siren):
    """An intercommunality (EPCI or EPT) and what fits its member communes."""
    if not SIREN_RE.match(siren):
        raise Http404(_("Numéro SIREN mal formé."))
    groupement = EPCI.objects.filter(pk=siren).first() or EPT.objects.filter(pk=siren).first()
    if groupement is None:
        raise Http404(_("Aucune intercommunalité n’a ce numéro SIREN."))
    kind = getattr(groupement, "kind", "EPT")

    def build():
        place = groupement_place(siren)
        place.map = place_map(
            place,
            _("Les départements des communes membres de %(name)s, en couleur.") % {"name": place.name},
        )
        return place

    return TemplateResponse(
        request,
        "finder/groupement_detail.html",
        {
            "groupement": groupement,
            "kind_label": GROUPEMENT_KINDS.get(kind, kind),
            "place": SimpleLazyObject(build),
            "title": groupement.name,
            "breadcrumb": _breadcrumb(reverse("places:groupements"), _("Intercommunalités"), groupement.name),
        },
    )


@require_safe
def departement_detail(request, code):
    """A département (or a collectivité d'outre-mer) and what fits its communes."""
    code = code.upper()
    if not DEPARTEMENT_RE.match(code):
        raise Http404(_("Code de département mal formé."))
    departement = Departement.objects.select_related("region").filter(pk=code).first()
    if departement is None:
        raise Http404(_("Aucun département n’a ce code."))

    def build():
        place = departement_place(code)
        place.map = place_map(place, _("%(name)s, en couleur.") % {"name": place.name})
        return place

    groupements = (
        Commune.objects.filter(departement_id=code, epci__isnull=False)
        .values("epci_id", "epci__name", "epci__kind")
        .annotate(communes=Count("pk"))
        .order_by("epci__name")
    )
    return TemplateResponse(
        request,
        "finder/departement_detail.html",
        {
            "departement": departement,
            "is_com": departement.zone == "com",
            "place": SimpleLazyObject(build),
            "groupements": SimpleLazyObject(lambda: list(groupements)),
            "title": departement.name,
            "breadcrumb": _breadcrumb(
                reverse("places:departements"), _("Départements"), f"{departement.name} ({departement.code})"
            ),
        },
    )


@require_safe
def departement_index(request):
    """Every département, then the collectivités d'outre-mer, each linked."""
    departements = list(Departement.objects.select_related("region").order_by("code"))
    return TemplateResponse(
        request,
        "finder/departement_index.html",
        {
            "departements": [d for d in departements if d.zone != "com"],
            "collectivites": [d for d in departements if d.zone == "com"],
            "title": _("Les départements"),
            "breadcrumb": {"links": [], "current": _("Départements")},
        },
    )


@require_safe
def groupement_index(request):
    """Every intercommunality under the département where most of its communes
    are (one aggregate query), then the EPT of the Grand Paris."""
    rows = (
        Commune.objects.filter(epci__isnull=False).values("epci_id", "departement_id").annotate(n=Count("pk"))
    )
    main = {}
    for row in rows:
        if row["n"] > main.get(row["epci_id"], ("", 0))[1]:
            main[row["epci_id"]] = (row["departement_id"], row["n"])
    by_departement = {}
    for epci in EPCI.objects.all():
        epci.kind_label = GROUPEMENT_KINDS.get(epci.kind, epci.kind)
        code = main.get(epci.pk, ("", 0))[0]
        by_departement.setdefault(code, []).append(epci)
    departements = {d.pk: d for d in Departement.objects.filter(pk__in=by_departement)}
    groups = [
        {"departement": departements[code], "groupements": sorted(items, key=lambda e: fold_letters(e.name))}
        for code, items in sorted(by_departement.items())
        if code in departements
    ]
    return TemplateResponse(
        request,
        "finder/groupement_index.html",
        {
            "groups": groups,
            "epts": list(EPT.objects.order_by("name")),
            "kinds": GROUPEMENT_KINDS,
            "title": _("Les intercommunalités"),
            "breadcrumb": {"links": [], "current": _("Intercommunalités")},
        },
    )
