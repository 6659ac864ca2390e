""" "Vouliez-vous dire…": close titles, synonyms and communes for a query that
found nothing.

Each word of the query that is not in the vocabulary (words of live public page
titles and of the editors' synonyms) is replaced by the closest word of that
vocabulary ("ruralitée" → "ruralité"), and the corrected query is proposed if it
finds pages; a title or synonym close to the whole query is proposed as such;
close commune names lead to their commune page. Computed only when a search
found nothing, so the cost of reading the titles is paid rarely.
"""

from __future__ import annotations

import difflib

from django.urls import reverse
from django.utils.http import urlencode

from search.communes import close_communes
from search.query import STOP_WORDS, query_words, words
from search.results import Suggestion, public_pages
from territories.text import fold_letters

LIMIT = 3


def _vocabulary(synonym_rules: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(folded word → word as written, folded phrase → phrase as written)."""
    phrases = list(public_pages().values_list("title", flat=True)[:20000])
    phrases += [term.strip() for rule in synonym_rules for term in rule.split(",") if term.strip()]
    vocabulary, whole = {}, {}
    for phrase in phrases:
        whole.setdefault(" ".join(words(phrase)), phrase)
        for written in phrase.replace("’", "'").split():
            for folded in words(written):
                if len(folded) > 2:
                    vocabulary.setdefault(folded, written.strip(".,;:()«»\"'").lower())
    return vocabulary, whole


def _corrected(tokens: list[str], vocabulary: dict[str, str]) -> str | None:
    corrected, changed = [], False
    for token in tokens:
        if token in vocabulary or token in STOP_WORDS or token.isdigit() or len(token) < 4:
            corrected.append(vocabulary.get(token, token))
            continue
        close = difflib.get_close_matches(token, vocabulary.keys(), n=1, cutoff=0.75)
        corrected.append(vocabulary[close[0]] if close else token)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else None


def _link(query: str) -> str:
    return reverse("search") + "?" + urlencode({"q": query})


def did_you_mean(query: str, synonym_rules: list[str], finds_pages) -> list[Suggestion]:
    """Proposals for ``query``; ``finds_pages(text)`` tells whether a query has results."""
    tokens = query_words(query)
    if not tokens:
        return []
    vocabulary, whole = _vocabulary(synonym_rules)
    proposals: list[Suggestion] = []
    corrected = _corrected(tokens, vocabulary)
    if corrected and finds_pages(corrected):
        proposals.append(Suggestion(corrected, _link(corrected)))
    folded = " ".join(tokens)
    for close in difflib.get_close_matches(folded, whole.keys(), n=LIMIT, cutoff=0.8):
        phrase = whole[close]
        if fold_letters(phrase) != fold_letters(corrected or "") and close != folded:
            proposals.append(Suggestion(phrase, _link(phrase)))
    proposals += [Suggestion(c.label, c.url) for c in close_communes(query)]
    return proposals[: LIMIT + 2]
