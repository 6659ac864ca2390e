"""Communes in the site search, found by ``territories.lookup``.

A mayor often types the name of their commune, its postal code or its INSEE
code: the search page then shows that commune first (its page lists what the
agency offers there), and the autocomplete suggests communes with their
département alongside page titles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from territories.lookup import lookup, suggestions
from territories.text import fold


@dataclass
class CommuneHit:
    code: str
    name: str
    departement: str  # "Ardennes (08)"
    url: str
    former_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} — {self.departement}"


def _hit(commune, former_name: str = "") -> CommuneHit:
    departement = commune.departement
    return CommuneHit(
        code=commune.code,
        name=commune.name,
        departement=f"{departement.name} ({departement.code})",
        url=commune.get_absolute_url(),
        former_name=former_name,
    )


def exact_communes(query: str, limit: int = 5) -> list[CommuneHit]:
    """Communes whose name, INSEE code or (full) postal code is exactly the query."""
    result = lookup(query, limit=limit, suggest=False)
    return [_hit(match.commune, match.former_name) for match in result.matches if match.exact]


def communes_starting_with(query: str, limit: int = 3) -> tuple[list[CommuneHit], list[CommuneHit]]:
    """For the autocomplete, from one lookup: the communes that are exactly the query,
    and those whose name or code starts with it (exact ones first)."""
    matches = lookup(query, limit=limit, suggest=False).matches
    hits = [_hit(match.commune, match.former_name) for match in matches]
    return [hit for hit, match in zip(hits, matches, strict=True) if match.exact], hits


def close_communes(query: str, limit: int = 3) -> list[CommuneHit]:
    """Communes with a name close to the query ("Vouliez-vous dire…")."""
    folded = fold(query)
    if len(folded) < 3 or folded.isdigit():
        return []
    return [_hit(commune) for commune in suggestions(folded, limit=limit)]


def autocomplete_entry(hit: CommuneHit) -> dict:
    return {"title": hit.label, "url": hit.url, "type": _("Commune")}
