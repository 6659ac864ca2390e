"""Query expansion for the database backend: the editors' synonyms and French
stemming, as the engine's analysis gives them (``search.analysis``).

The database backends index words as written (SQLite FTS5 without stemming,
PostgreSQL with ``french_unaccent``), so the query carries the variants instead:
each word of the query becomes a *slot*, a set of alternatives of which a page
must contain one. A slot holds the word, its singular or plural, its Snowball
French stem as a prefix ("commerces" → ``commerc*``, which also finds
"commerciaux"), the word family of ``STEM_OVERRIDES`` ("industriel" →
"industrie", "tourisme" → "touristique") and, when the words are one of the
editors' ``SearchSynonym`` terms, every other term of that line as a phrase
("PVD" → "petites villes de demain", "fibre" → "THD", "très haut débit").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import snowballstemmer
from modelsearch.query import PlainText

from search.analysis import STEM_OVERRIDES
from search.query import STOP_WORDS, query_words, words

MIN_STEM = 5  # shorter stems ("cit", "vill") would match too much as prefixes


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False  # the last word matches as a prefix


@dataclass
class Slot:
    alternatives: list[Alternative] = field(default_factory=list)

    def add(self, *terms: str, prefix: bool = False):
        for term in terms:
            alternative = Alternative(tuple(term.split()), prefix)
            if alternative.words and alternative not in self.alternatives:
                self.alternatives.append(alternative)


class ExpandedQuery(PlainText):
    """A plain-text query that carries its slots; ``search.database`` renders
    them in the backend's own full-text syntax (any other backend sees the words)."""

    def __init__(self, slots: list[Slot], operator: str = "and"):
        text = " ".join(" ".join(slot.alternatives[0].words) for slot in slots)
        super().__init__(text, operator=operator)
        self.slots = slots

    def matches(self, folded_words: list[str]) -> bool:
        """Does a text (its folded words) hold an alternative of every slot?"""
        joined = " " + " ".join(folded_words) + " "
        return all(any(_found(alt, joined) for alt in slot.alternatives) for slot in self.slots)

    def marks(self) -> tuple[set[str], tuple[str, ...]]:
        """Words to highlight: exact words, and prefixes (stems)."""
        exact, prefixes = set(), []
        for slot in self.slots:
            for alternative in slot.alternatives:
                if alternative.prefix:
                    prefixes.append(alternative.words[-1])
                exact.update(word for word in alternative.words if word not in STOP_WORDS)
        return exact, tuple(prefixes)


def _found(alternative: Alternative, joined: str) -> bool:
    phrase = " " + " ".join(alternative.words)
    return (phrase in joined) if alternative.prefix else (phrase + " " in joined)


def _key(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


@cache
def _families() -> tuple[tuple[tuple[str, ...], str], ...]:
    """``STEM_OVERRIDES`` as (words of the family, stem shared with the noun)."""
    rules = []
    for rule in STEM_OVERRIDES:
        family, stem = rule.split("=>")
        rules.append((tuple(w.strip() for w in family.split(",")), stem.strip()))
    return tuple(rules)


def add_word_forms(slot: Slot, word: str, stemmer) -> None:
    """The word, its singular or plural, its stem as a prefix, its family."""
    slot.add(word)
    if word.isdigit() or len(word) < 3:
        return
    slot.add(word[:-1] if _key(word) != word else word + "s")
    stem = stemmer.stemWord(word)
    if len(stem) >= MIN_STEM and stem != word:
        slot.add(stem, prefix=True)
    for family, shared in _families():
        if word in family or stem == shared or word.startswith(shared):
            slot.add(*family)
            if all(member.startswith(shared) for member in family):
                slot.add(shared, prefix=True)


def synonym_groups(rules: list[str]) -> list[list[tuple[str, ...]]]:
    """Editors' synonym lines as lists of terms, each term its folded words."""
    groups = []
    for rule in rules:
        terms = [tuple(words(term)) for term in rule.split(",")]
        terms = [term for term in terms if term]
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


def expand(query: str, rules: list[str], autocomplete: bool = False, operator: str = "and"):
    """The query as slots, or None when it has no word at all."""
    tokens = query_words(query)
    groups = synonym_groups(rules)
    stemmer = snowballstemmer.stemmer("french")
    meaningful = [t for t in tokens if t not in STOP_WORDS]
    slots, index = [], 0
    while index < len(tokens):
        token, slot = tokens[index], Slot()
        terms, length = _synonyms_at(tokens, index, groups)
        last = index + max(length, 1) == len(tokens)
        if length > 1:
            slot.add(" ".join(tokens[index : index + length]))
        elif autocomplete:
            slot.add(token, prefix=last)
        elif token in STOP_WORDS and meaningful and not terms:
            index += 1
            continue
        else:
            add_word_forms(slot, token, stemmer)
        for term in terms:
            slot.add(" ".join(term))
        slots.append(slot)
        index += max(length, 1)
    return ExpandedQuery(slots, operator) if slots else None
