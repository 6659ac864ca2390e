"""Finding the collectivité a requester typed: a commune or an EPCI, by INSEE
code, SIREN or name, resolved on the server (the form works without JavaScript)."""

import re
from collections import Counter
from dataclasses import dataclass, field

from territories.lookup import lookup
from territories.models import EPCI, Commune, Departement
from territories.models.reference import name_starts_with
from territories.text import fold

CODE_IN_LABEL = re.compile(r"\((?:EPCI\s+)?([0-9][0-9AB][0-9]{3}|[0-9]{9})\)\s*$", re.IGNORECASE)
COMMUNE_CODE = re.compile(r"^[0-9][0-9AB][0-9]{3}$", re.IGNORECASE)
SIREN = re.compile(r"^[0-9]{9}$")
MAX_CHOICES = 12


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
    """One collectivité, or the candidates to choose from (empty when none).

    Communes are found by ``territories.lookup`` (INSEE or postal code, current
    or former name, "Nom (08)"); EPCI by SIREN or folded name. A single exact
    name match is taken; anything else is offered as a choice."""
    text = (text or "").strip()[:200]
    if not text:
        return Resolution()
    code = found.group(1) if (found := CODE_IN_LABEL.search(text)) else text
    if COMMUNE_CODE.match(code):
        commune = Commune.objects.select_related("departement").filter(code=code.upper()).first()
        if commune:
            return Resolution(match=commune)
    if SIREN.match(code):
        epci = EPCI.objects.filter(code=code).first()
        if epci:
            return Resolution(match=epci)
    result = lookup(text, limit=MAX_CHOICES)
    folded = fold(text)
    epcis = list(EPCI.objects.filter(search_name=folded)[:MAX_CHOICES]) if folded else []
    exact = [match.commune for match in result.matches if match.exact]
    if result.kind == "code" and len(result.matches) == 1 and not epcis:
        return Resolution(match=result.matches[0].commune)
    if len(exact) + len(epcis) == 1:
        return Resolution(match=(exact + epcis)[0])
    if exact or epcis:
        return Resolution(candidates=(exact + epcis)[:MAX_CHOICES])
    if folded:
        epcis = list(EPCI.objects.filter(name_starts_with(folded)).order_by("search_name")[:MAX_CHOICES])
    communes = result.communes or list(result.suggestions)
    return Resolution(candidates=(communes + epcis)[:MAX_CHOICES])


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
    departement_id = max(weights.items(), key=lambda item: (item[1], item[0]))[0]
    return Departement.objects.get(pk=departement_id)
