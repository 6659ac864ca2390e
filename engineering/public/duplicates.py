"""Possible duplicates: an open request of the same collectivité with a similar
title. Flagged for the team, never merged."""

import re

from django.db.models import Q

from territories.text import fold

from ..models import EngineeringRequest

STOP_WORDS = frozenset(
    "a au aux avec d de des du en et l la le les pour par sur un une dans ou a la projet commune".split()
)
SIMILARITY = 0.5


def tokens(title: str) -> set[str]:
    return {
        word for word in re.findall(r"[a-z0-9]+", fold(title)) if word not in STOP_WORDS and len(word) > 1
    }


def similarity(first: str, second: str) -> float:
    a, b = tokens(first), tokens(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def same_collectivite(engineering_request) -> Q:
    """The requests of the same collectivité porteuse: the same record, or for a
    département or another groupement the same département (and name)."""
    kinds = EngineeringRequest.CollectiviteKind
    condition = Q(
        collectivite_kind=engineering_request.collectivite_kind,
        commune_id=engineering_request.commune_id,
        epci_id=engineering_request.epci_id,
        region_id=engineering_request.region_id,
    )
    if engineering_request.collectivite_kind in (kinds.DEPARTEMENT, kinds.OTHER):
        condition &= Q(
            departement_id=engineering_request.departement_id,
            other_name__iexact=engineering_request.other_name,
        )
    return condition


def find_duplicate(engineering_request):
    """The earliest open request of the same collectivité whose title shares at
    least half of its significant words with this one, or None."""
    same_place = (
        EngineeringRequest.objects.open()
        .exclude(pk=engineering_request.pk)
        .filter(same_collectivite(engineering_request))
        .order_by("created_at", "pk")
    )
    for candidate in same_place.only("pk", "title", "reference")[:200]:
        if similarity(candidate.title, engineering_request.title) >= SIMILARITY:
            return candidate
    return None
