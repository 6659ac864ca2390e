"""Finding the collectivité a requester typed: a commune or an EPCI, by INSEE
code, SIREN or name, resolved on the server (the form works without JavaScript)."""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from territories.models import EPCI, Commune

CODE_IN_LABEL = re.compile(r"\((?:EPCI\s+)?([0-9][0-9AB][0-9]{3}|[0-9]{9})\)\s*$", re.IGNORECASE)
COMMUNE_CODE = re.compile(r"^[0-9][0-9AB][0-9]{3}$", re.IGNORECASE)
SIREN = re.compile(r"^[0-9]{9}$")
MAX_CHOICES = 12


def fold(text: str) -> str:
    """Lowercase, no accents, hyphens and apostrophes as spaces, "st" spelled out:
    the form of ``search_name`` in the territorial data."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[-'’_.,]", " ", text)
    text = re.sub(r"\bste\b", "sainte", text)
    text = re.sub(r"\bst\b", "saint", text)
    return " ".join(text.split())


def label(collectivite) -> str:
    if isinstance(collectivite, Commune):
        return f"{collectivite.name} ({collectivite.code})"
    return f"{collectivite.name} (EPCI {collectivite.code})"


def key(collectivite) -> str:
    return f"{'commune' if isinstance(collectivite, Commune) else 'epci'}:{collectivite.code}"


def from_key(value: str):
    kind, _sep, code = (value or "").partition(":")
    if kind == "commune":
        return Commune.objects.select_related("departement").filter(code=code.upper()).first()
    if kind == "epci":
        return EPCI.objects.filter(code=code).first()
    return None


@dataclass
class Resolution:
    match: object | None = None
    candidates: list = field(default_factory=list)


def resolve(text: str) -> Resolution:
    """One collectivité, or the candidates to choose from (empty when none)."""
    text = (text or "").strip()
    if not text:
        return Resolution()
    code = text
    if found := CODE_IN_LABEL.search(text):
        code = found.group(1)
    if COMMUNE_CODE.match(code):
        commune = Commune.objects.select_related("departement").filter(code=code.upper()).first()
        if commune:
            return Resolution(match=commune)
    if SIREN.match(code):
        epci = EPCI.objects.filter(code=code).first()
        if epci:
            return Resolution(match=epci)
    folded = fold(CODE_IN_LABEL.sub("", text))
    if not folded:
        return Resolution()
    name_match = Q(search_name=folded) | Q(name__iexact=text)
    communes = list(Commune.objects.select_related("departement").filter(name_match)[:MAX_CHOICES])
    epcis = list(EPCI.objects.filter(name_match)[:MAX_CHOICES])
    if not communes and not epcis:
        prefix = Q(search_name__startswith=folded)
        communes = list(
            Commune.objects.select_related("departement")
            .filter(prefix)
            .order_by("-population", "name")[:MAX_CHOICES]
        )
        epcis = list(EPCI.objects.filter(prefix).order_by("name")[:MAX_CHOICES])
    candidates = (communes + epcis)[:MAX_CHOICES]
    if len(candidates) == 1:
        return Resolution(match=candidates[0])
    return Resolution(candidates=candidates)


def departement_of(collectivite):
    """The département of a commune, or of an EPCI: the one where most of its
    population lives (an EPCI may straddle a border)."""
    if isinstance(collectivite, Commune):
        return collectivite.departement
    weights = Counter()
    for departement_id, population in collectivite.communes.values_list("departement_id", "population"):
        weights[departement_id] += population or 0
    if not weights:
        return None
    from territories.models import Departement

    departement_id = max(weights.items(), key=lambda item: (item[1], item[0]))[0]
    return Departement.objects.get(pk=departement_id)
