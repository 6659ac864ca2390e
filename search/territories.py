"""Intercommunalities and départements in the site search: a query naming
one exactly ("Ardenne Métropole", "CC du Pays Rethélois", "Ardennes", a SIREN)
shows it beside the communes, linked to its page. A separate hook on
``territories.lookup.lookup_territories``: ``catalogue.py`` calls it in two
places and the page includes ``search/includes/territories.html``.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from territories.lookup import SIREN_RE, lookup_territories
from territories.text import fold

#: The kind abbreviations of EPCI names ("ca ardenne metropole"), dropped to compare.
KIND_PREFIXES = ("cc ", "ca ", "cu ")


@dataclass
class TerritoryHit:
    name: str
    kind: str  # "Intercommunalité", "Département", "Collectivité d’outre-mer"
    url: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.kind}"


def _named(search_name: str, folded: str) -> bool:
    return search_name == folded or any(search_name == prefix + folded for prefix in KIND_PREFIXES)


def exact_territories(query: str, limit: int = 3) -> list[TerritoryHit]:
    """Intercommunalities and départements the query names exactly."""
    found = lookup_territories(query, limit=limit * 3)
    folded = fold(query)
    by_siren = bool(SIREN_RE.match((query or "").replace(" ", "")))
    hits = [
        TerritoryHit(g.name, _("Intercommunalité"), reverse("places:groupement", args=[g.pk]))
        for g in found.groupements
        if by_siren or _named(g.search_name, folded)
    ]
    hits += [
        TerritoryHit(
            f"{d.name} ({d.code})",
            _("Collectivité d’outre-mer") if d.zone == "com" else _("Département"),
            reverse("places:departement", args=[d.pk]),
        )
        for d in found.departements
        if fold(d.name) == folded
    ]
    return hits[:limit]


def autocomplete_entry(hit: TerritoryHit) -> dict:
    return {"title": hit.name, "url": hit.url, "type": hit.kind}
