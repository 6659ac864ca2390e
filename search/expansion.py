"""French word forms and the editors' synonyms, carried by the query.

Wagtail's database backend indexes words as written (SQLite FTS5) or with
PostgreSQL's French stemming, which does not join "commerces" and "commerciaux",
and it knows no synonyms. So each word of the query becomes a *slot*: the
alternatives of which a page must hold one. They are the word, its singular or
plural, the family of ``search.analysis.STEM_OVERRIDES`` (the rules the engine
applies in its own analysis), its spelling with a ligature ("coeur" → "cœur": SQLite
keeps "œ" as a letter) and, when the words form a term of an editors' synonym
line, every other term of that line ("PVD" → "petites villes de demain").

``Expansion.query()`` turns the slots into Wagtail's public query classes, made of
folded words only, so nothing a visitor types reaches a full-text syntax. The same
slots tell the catalogue service how many of the words a title holds and which
words to highlight, whichever backend answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from wagtail.search.query import And, Or, Phrase, PlainText

from search.analysis import STEM_OVERRIDES
from search.query import STOP_WORDS, query_words, words
from territories.text import ligature_spellings

MIN_STEM = 5  # shorter stems ("cit", "vill") would mark too many words


@dataclass
class Slot:
    text: str  # the words typed, for a search of this slot alone
    alternatives: list[tuple[str, ...]]  # folded words: one word, or a phrase

    def add(self, *terms: str) -> None:
        for term in terms:
            spellings = (tuple(term.split()), tuple(ligature_spellings(w)[-1] for w in term.split()))
            for spelling in dict.fromkeys(spellings):
                if spelling and spelling not in self.alternatives:
                    self.alternatives.append(spelling)

    def found_in(self, joined: str) -> bool:
        return any(f" {' '.join(words)} " in joined for words in self.alternatives)


@dataclass
class Expansion:
    slots: list[Slot]

    def query(self, operator: str = "and"):
        """The slots as Wagtail query objects: ``And`` (or ``Or``) of ``Or``s."""
        parts = []
        for slot in self.slots:
            options = [Phrase(" ".join(w)) if len(w) > 1 else PlainText(w[0]) for w in slot.alternatives]
            parts.append(options[0] if len(options) == 1 else Or(options))
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)

    def matched(self, title: str) -> int:
        """How many slots ``title`` holds an alternative of."""
        joined = _spaced_words(title)
        return sum(slot.found_in(joined) for slot in self.slots)

    def marks(self) -> tuple[set[str], tuple[str, ...]]:
        """Words to highlight: the alternatives' words, and stems as prefixes
        ("commerces" marks "commerciaux")."""
        exact = {w for slot in self.slots for alt in slot.alternatives for w in alt if w not in STOP_WORDS}
        stems = {_stemmer().stemWord(word) for word in exact}
        return exact, tuple(stem for stem in stems if len(stem) >= MIN_STEM)


@lru_cache(maxsize=20_000)
def _spaced_words(title: str) -> str:
    """A title's folded words between spaces, kept for the next searches."""
    return " " + " ".join(words(title)) + " "


@cache
def _stemmer():
    return snowballstemmer.stemmer("french")


@cache
def _families() -> tuple[tuple[str, ...], ...]:
    """The words each rule of ``STEM_OVERRIDES`` joins."""
    return tuple(tuple(w.strip() for w in rule.split("=>")[0].split(",")) for rule in STEM_OVERRIDES)


def _key(word: str) -> str:
    """A word without its plural mark, to compare "quartier" with "quartiers"."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def add_word_forms(slot: Slot, word: str) -> None:
    """The word, its singular or plural, its family and its ligature spelling."""
    slot.add(word)
    if word.isdigit() or len(word) < 3:
        return
    slot.add(_key(word) if _key(word) != word else word + "s")
    if word.endswith("aux"):
        slot.add(word[:-3] + "al")  # commerciaux → commercial
    if _key(word).endswith("ee"):
        slot.add(word[:-2] + "e" if word.endswith("ee") else word[:-3] + "es")  # engagées → engagés
    for family in _families():
        if word in family:
            slot.add(*family)


def synonym_groups(rules: list[str]) -> list[list[tuple[str, ...]]]:
    """Editors' synonym lines as lists of terms, each term its folded words."""
    groups = []
    for rule in rules:
        terms = [term for term in (tuple(words(t)) for t in rule.split(",")) if term]
        if len(terms) > 1:
            groups.append(terms)
    return groups


def _synonyms_at(tokens: list[str], start: int, groups) -> tuple[list[tuple[str, ...]], int]:
    """The synonym line whose longest term starts at ``tokens[start]``, and its length."""
    best, length = [], 0
    keys = [_key(token) for token in tokens]
    for terms in groups:
        for term in terms:
            n = len(term)
            if n > length and tuple(keys[start : start + n]) == tuple(_key(w) for w in term):
                best, length = terms, n
    return best, length


def expand(query: str, rules: list[str]) -> Expansion | None:
    """The query as slots, or None when it holds no word at all. Stop words are
    not required ("formation des élus" needs "formation" and "élus")."""
    tokens = query_words(query)
    groups = synonym_groups(rules)
    meaningful = any(t not in STOP_WORDS for t in tokens)
    slots, index = [], 0
    while index < len(tokens):
        terms, length = _synonyms_at(tokens, index, groups)
        typed = tokens[index : index + max(length, 1)]
        index += len(typed)
        if not terms and typed[0] in STOP_WORDS and meaningful:
            continue
        slot = Slot(" ".join(typed), [])
        if len(typed) > 1:
            slot.add(" ".join(typed))
        else:
            add_word_forms(slot, typed[0])
        slot.add(*(" ".join(term) for term in terms))
        slots.append(slot)
    return Expansion(slots) if slots else None
