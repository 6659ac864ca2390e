"""Find a commune from what an elected official types: a name, a postal code or
an INSEE code.

Names are compared in their folded form (``territories.text.fold``: no case,
accents, hyphens, "St" → "Saint"), as an indexed equality or prefix match on
``search_name`` (``LIKE 'x%'``), on current names and on the names of
delegated and associated communes (a merged commune is found by its former
name). Ranking: exact name first, then prefix matches, then the most
populated. Homonyms come back each with its département.

Only when nothing matches does the lookup compute close suggestions, with
``difflib`` over an in-process list of names sharing the query's first letter
(a few thousand short strings): cheap, no trigram extension needed, and the
same on SQLite and PostgreSQL.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Case, F, IntegerField, Value, When

from .models import (
    EPCI,
    EPT,
    Commune,
    CommunePostalCode,
    Departement,
    FormerCommuneName,
    TerritorialDataImport,
)
from .models.reference import name_starts_with
from .text import fold, is_insee_code, normalize_code

DEFAULT_LIMIT = 20
SUGGESTION_LIMIT = 5
_DEPARTEMENT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<dep>\d{2,3}|2[ABab])\)\s*$")
_DIGITS = re.compile(r"^\d{2,5}$")


@dataclass
class Match:
    """A commune found, and how: ``via`` is the delegated/associated commune or
    arrondissement municipal whose name matched, if any."""

    commune: Commune
    how: str  # "code", "postal_code", "name", "former_name"
    exact: bool = True
    via: FormerCommuneName | None = None

    @property
    def former_name(self) -> str:
        return self.via.name if self.via else ""

    @property
    def former_kind(self) -> str:
        return self.via.kind if self.via else ""


@dataclass
class LookupResult:
    query: str
    kind: str = "empty"  # "empty", "code", "postal_code", "name"
    matches: list[Match] = field(default_factory=list)
    suggestions: list[Commune] = field(default_factory=list)
    has_more: bool = False

    @property
    def communes(self) -> list[Commune]:
        return [match.commune for match in self.matches]


def _ranked(queryset, folded: str, population_path: str):
    exact = Case(When(search_name=folded, then=Value(1)), default=Value(0), output_field=IntegerField())
    return queryset.annotate(is_exact=exact).order_by(
        "-is_exact", F(population_path).desc(nulls_last=True), "search_name"
    )


def lookup(query: str, limit: int = DEFAULT_LIMIT, suggest: bool = True) -> LookupResult:
    """Communes matching ``query`` (name, postal code or INSEE code), best first."""
    query = (query or "").strip()[:200]
    result = LookupResult(query=query)
    if not query:
        return result
    code = normalize_code(query)
    if _DIGITS.match(code) or is_insee_code(code):
        return _by_code(result, code, limit)

    departement = None
    suffix = _DEPARTEMENT_SUFFIX.match(query)
    if suffix:
        query_name, departement = suffix["name"], suffix["dep"].upper()
    else:
        query_name = query
    folded = fold(query_name)
    result.kind = "name"
    if not folded:
        return result
    _by_name(result, folded, departement, limit)
    if not result.matches and suggest:
        result.suggestions = suggestions(folded)
    return result


def _by_code(result: LookupResult, code: str, limit: int) -> LookupResult:
    """A full INSEE code, a full postal code, or the start of a postal code."""
    seen = set()
    result.kind = "code"
    if is_insee_code(code):
        commune = Commune.objects.select_related("departement").filter(pk=code).first()
        if commune:
            result.matches.append(Match(commune, "code"))
            seen.add(commune.pk)
        else:
            # The code of a former commune leads to the commune it joined.
            for former in (
                FormerCommuneName.objects.filter(code=code)
                .select_related("commune__departement")
                .order_by("commune__search_name")[:limit]
            ):
                if former.commune_id not in seen:
                    result.matches.append(Match(former.commune, "code", via=former))
                    seen.add(former.commune_id)
    if code.isdigit():
        rows = CommunePostalCode.objects.select_related("commune__departement")
        rows = rows.filter(postal_code=code) if len(code) == 5 else rows.filter(postal_code__startswith=code)
        rows = rows.order_by(F("commune__population").desc(nulls_last=True), "commune__search_name")
        for row in rows[: limit + 1]:
            if row.commune_id in seen:
                continue
            if len(result.matches) >= limit:
                result.has_more = True
                break
            result.matches.append(Match(row.commune, "postal_code", exact=len(code) == 5))
            seen.add(row.commune_id)
    hows = {match.how for match in result.matches}
    if "postal_code" in hows and "code" not in hows:
        result.kind = "postal_code"
    return result


def _by_name(result: LookupResult, folded: str, departement: str | None, limit: int):
    communes = Commune.objects.select_related("departement").filter(name_starts_with(folded))
    former = (
        FormerCommuneName.objects.select_related("commune__departement")
        .filter(name_starts_with(folded))
        .exclude(search_name=F("commune__search_name"))
    )
    if departement:
        communes = communes.filter(departement_id=departement)
        former = former.filter(commune__departement_id=departement)
    found = [
        Match(c, "name", exact=bool(c.is_exact)) for c in _ranked(communes, folded, "population")[: limit + 1]
    ]
    found += [
        Match(f.commune, "former_name", exact=bool(f.is_exact), via=f)
        for f in _ranked(former, folded, "commune__population")[: limit + 1]
    ]
    found.sort(
        key=lambda m: (not m.exact, m.how != "name", -(m.commune.population or 0), m.commune.search_name)
    )
    seen = set()
    for match in found:
        if match.commune.pk in seen:
            continue
        if len(result.matches) >= limit:
            result.has_more = True
            break
        result.matches.append(match)
        seen.add(match.commune.pk)


def suggestions(folded: str, limit: int = SUGGESTION_LIMIT) -> list[Commune]:
    """Communes whose name is close to ``folded``: a typo ("charlevile"), a wrong
    first letter or a partial name ("sharleville mezieres"), most similar first.

    Candidates come from two cheap sources over the cached vocabulary: names
    close to the whole query (same initial), and names containing a word close
    to one of the query's significant words. They are then ranked by similarity
    to the whole query, plus a bonus per matched word."""
    vocabulary = _vocabulary(_data_token())
    candidates: dict[str, int] = {}
    for name in difflib.get_close_matches(
        folded, vocabulary.names_by_initial.get(folded[:1], ()), n=limit * 3, cutoff=0.72
    ):
        candidates[name] = 0
    for word in set(folded.split()):
        if len(word) < 3 or word in _STOP_WORDS:
            continue
        for close_word in difflib.get_close_matches(
            word, vocabulary.words_by_initial.get(word[:1], ()), n=3, cutoff=0.8
        ):
            for name in vocabulary.names_with_word[close_word][:_MAX_NAMES_PER_WORD]:
                candidates[name] = candidates.get(name, 0) + 1
    if not candidates:
        return []
    scored = sorted(
        candidates,
        key=lambda name: -(difflib.SequenceMatcher(None, folded, name).ratio() + 0.3 * candidates[name]),
    )[: limit * 3]
    rank = {name: index for index, name in enumerate(scored)}
    communes = Commune.objects.select_related("departement").filter(search_name__in=scored)
    formers = FormerCommuneName.objects.select_related("commune__departement").filter(search_name__in=scored)
    by_code = {c.pk: (rank[c.search_name], c) for c in communes}
    for former in formers:
        by_code.setdefault(former.commune_id, (rank[former.search_name], former.commune))
    ordered = sorted(by_code.values(), key=lambda item: (item[0], -(item[1].population or 0)))
    return [commune for _, commune in ordered[:limit]]


_STOP_WORDS = {
    "saint",
    "sainte",
    "saints",
    "saintes",
    "sur",
    "sous",
    "les",
    "la",
    "le",
    "de",
    "du",
    "des",
    "en",
    "et",
    "aux",
    "lez",
    "d",
    "l",
}
_MAX_NAMES_PER_WORD = 200


@dataclass
class _Vocabulary:
    names_by_initial: dict[str, tuple[str, ...]]
    words_by_initial: dict[str, tuple[str, ...]]
    names_with_word: dict[str, list[str]]


def _data_token():
    """Changes when new reference data is imported, to refresh the cached names."""
    return TerritorialDataImport.objects.order_by("-pk").values_list("pk", flat=True).first()


@lru_cache(maxsize=2)
def _vocabulary(token) -> _Vocabulary:
    names = set(Commune.objects.values_list("search_name", flat=True).iterator(chunk_size=5000))
    names.update(FormerCommuneName.objects.values_list("search_name", flat=True))
    names_by_initial: dict[str, list[str]] = {}
    names_with_word: dict[str, list[str]] = {}
    for name in sorted(names):
        names_by_initial.setdefault(name[:1], []).append(name)
        for word in set(name.split()):
            names_with_word.setdefault(word, []).append(name)
    words_by_initial: dict[str, list[str]] = {}
    for word in sorted(names_with_word):
        words_by_initial.setdefault(word[:1], []).append(word)
    return _Vocabulary(
        names_by_initial={k: tuple(v) for k, v in names_by_initial.items()},
        words_by_initial={k: tuple(v) for k, v in words_by_initial.items()},
        names_with_word=names_with_word,
    )


#: What people write for the kinds of EPCI, as the reference names abbreviate them.
_GROUPEMENT_WORDS = (
    ("communaute de communes", "cc"),
    ("communaute d agglomeration", "ca"),
    ("communaute urbaine", "cu"),
)
SIREN_RE = re.compile(r"^\d{9}$")


@dataclass
class TerritoryMatches:
    """Intercommunalities (EPCI and EPT) and départements matching a query."""

    groupements: list = field(default_factory=list)
    departements: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groupements or self.departements)


def lookup_territories(query: str, limit: int = 10) -> TerritoryMatches:
    """Intercommunalities by SIREN or by words of their name ("ardenne
    metropole", "communauté de communes du pays rethelois"), and départements
    or collectivités d'outre-mer by name; exact names first, then the most
    populated. A handful of small tables, read with an indexed or bounded match."""
    query = (query or "").strip()[:200]
    found = TerritoryMatches()
    code = query.replace(" ", "")
    if SIREN_RE.match(code):
        found.groupements = [g for model in (EPCI, EPT) for g in model.objects.filter(pk=code)]
        return found
    folded = fold(query)
    if len(folded) < 3 or folded.isdigit():
        return found
    for words, abbreviation in _GROUPEMENT_WORDS:
        folded = re.sub(rf"^{words}\b", abbreviation, folded)
    groupements = [
        g for model in (EPCI, EPT) for g in model.objects.filter(search_name__contains=folded)[: limit * 3]
    ]
    groupements.sort(
        key=lambda g: (g.search_name != folded, not g.search_name.startswith(folded), -(g.population or 0))
    )
    found.groupements = groupements[:limit]
    departements = [d for d in Departement.objects.all() if _folded_name(d.name).startswith(folded)]
    found.departements = sorted(departements, key=lambda d: (_folded_name(d.name) != folded, d.code))[:limit]
    return found


@lru_cache(maxsize=512)
def _folded_name(name: str) -> str:
    """A département's name folded: the same hundred names at every lookup (the
    search page and the autocomplete make one per request)."""
    return fold(name)
