"""What the visitor may have meant: corrections and spellings.

The vocabulary is the words of live public page titles and of the editors'
synonyms, as written. "Vouliez-vous dire…" replaces each word of a query that
found nothing by the closest word of the vocabulary ("ruralitée" → "ruralité")
and proposes the result if it finds pages, a title or synonym close to the whole
query, and communes with a close name. The autocomplete respells what is typed
the way titles write it ("ingenierie" → "ingénierie", "coeu" → "cœu"): Wagtail's
autocomplete keeps accents on PostgreSQL and "œ" on SQLite, where the engine folds.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.http import urlencode

from search.communes import close_communes
from search.query import STOP_WORDS, query_words, words
from search.results import Suggestion, public_pages
from territories.text import fold_letters

LIMIT = 3
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Vocabulary:
    words: dict[str, str] = field(default_factory=dict)  # folded word → as written (lowercase)
    phrases: dict[str, str] = field(default_factory=dict)  # folded title or synonym term → as written
    seen: set[str] = field(default_factory=set)  # words as written, already learnt


def _learn(known: Vocabulary, phrases) -> Vocabulary:
    for phrase in phrases:
        known.phrases.setdefault(" ".join(words(phrase)), phrase)
        for written in _WORD.findall(phrase.lower()):
            if written not in known.seen:
                known.seen.add(written)
                known.words.setdefault(fold_letters(written), written)
    return known


#: The last vocabulary built in this process, by its titles' key and synonym lines: a
#: search asks for it up to three times, each autocomplete keystroke once.
_last: dict[tuple, Vocabulary] = {}


def vocabulary(synonym_rules: list[str], pages=None) -> Vocabulary:
    """Titles' words cached until the public pages change (their number or their
    latest publication), synonyms' words added (they change apart); the merged
    result is kept in this process for the same titles and synonyms. ``pages``: the
    request's public pages when it already holds them (``search.results.Scope``)."""
    pages = public_pages() if pages is None else pages
    state = pages.aggregate(count=Count("id"), last=Max("last_published_at"))
    key = f"search-titles-{state['count']}-{state['last'] and state['last'].timestamp()}"
    memo_key = (key, tuple(synonym_rules))
    if memo_key in _last:
        return _last[memo_key]
    titles = cache.get_or_set(key, lambda: _learn(Vocabulary(), pages.values_list("title", flat=True)), 86400)
    terms = _learn(Vocabulary(), [t.strip() for rule in synonym_rules for t in rule.split(",") if t.strip()])
    merged = Vocabulary({**terms.words, **titles.words}, {**terms.phrases, **titles.phrases})
    _last.clear()
    _last[memo_key] = merged
    return merged


def _corrected(tokens: list[str], known: dict[str, str]) -> str | None:
    corrected, changed = [], False
    for token in tokens:
        if token in known or token in STOP_WORDS or token.isdigit() or len(token) < 4:
            corrected.append(known.get(token, token))
            continue
        close = difflib.get_close_matches(token, known.keys(), n=1, cutoff=0.75)
        corrected.append(known[close[0]] if close else token)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else None


def _link(query: str) -> str:
    return reverse("search") + "?" + urlencode({"q": query})


def did_you_mean(query: str, synonym_rules: list[str], finds_pages, pages) -> list[Suggestion]:
    """Proposals for ``query``; ``finds_pages(text)`` tells whether a query has results,
    ``pages`` are the request's public pages (``search.results.Scope``)."""
    tokens = query_words(query)
    if not tokens:
        return []
    known = vocabulary(synonym_rules, pages)
    proposals = []
    corrected = _corrected(tokens, known.words)
    if corrected and finds_pages(corrected):
        proposals.append(Suggestion(corrected, _link(corrected)))
    folded = " ".join(tokens)
    for close in difflib.get_close_matches(folded, known.phrases.keys(), n=LIMIT, cutoff=0.8):
        phrase = known.phrases[close]
        if fold_letters(phrase) != fold_letters(corrected or "") and close != folded:
            proposals.append(Suggestion(phrase, _link(phrase)))
    proposals += [Suggestion(c.label, c.url) for c in close_communes(query)]
    return proposals[: LIMIT + 2]


def _prefix_written(fragment: str, known: dict[str, str]) -> str:
    """The start of a title word that ``fragment`` begins, as the title writes it."""
    for folded, written in known.items():
        if folded.startswith(fragment) and written != folded:
            return next(
                written[:i]
                for i in range(1, len(written) + 1)
                if len(fold_letters(written[:i])) >= len(fragment)
            )
    return fragment


def spellings(query: str, synonym_rules: list[str], pages) -> list[str]:
    """The words typed, as typed, folded and as titles write them, then the other
    terms of a synonym line the query names ("PVD" → "Petites villes de demain").
    Words only, so nothing typed reaches a backend's full-text syntax."""
    tokens = words(query)
    if not tokens:
        return []
    known = vocabulary(synonym_rules, pages).words
    respelled = [known.get(token, token) for token in tokens[:-1]]
    respelled.append(known.get(tokens[-1]) or _prefix_written(tokens[-1], known))
    typed = [w for w in _WORD.findall(query.lower()) if fold_letters(w) in tokens]
    variants = [typed, tokens, respelled]
    for rule in synonym_rules:
        terms = [t for t in rule.split(",") if t.strip()]
        if any(words(term) == tokens for term in terms):
            variants += [
                form(term) for term in terms if words(term) != tokens for form in (_WORD.findall, words)
            ]
    return list(dict.fromkeys(" ".join(variant) for variant in variants if variant))
