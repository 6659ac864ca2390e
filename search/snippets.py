"""Highlighted excerpts, built on the server whichever backend answered.

A word of the text is marked when its folded form is one of the query's words or
their variants, or starts with one of their stems (``Expansion.marks``):
"commerces" marks "commerciaux", "PVD" marks "Petites villes de demain",
"coeur" marks "cœur".
"""

from __future__ import annotations

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from territories.text import fold_letters

_WORD = re.compile(r"[^\W_]+")


def build_snippet(text: str, marks: tuple[set[str], tuple[str, ...]], width: int = 220) -> SafeString:
    """A short excerpt of ``text`` around the first marked word, words marked."""
    text = " ".join(strip_tags(text or "").split())
    if not text:
        return mark_safe("")
    exact, prefixes = marks

    def marked(word: str) -> bool:
        folded = fold_letters(word)
        return folded in exact or folded.startswith(prefixes)

    matches = [m for m in _WORD.finditer(text) if marked(m.group())]
    start = 0
    if matches and matches[0].start() > width // 3:
        start = text.rfind(" ", 0, matches[0].start() - width // 3) + 1
    end = min(len(text), start + width)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    parts, cursor = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        parts.append(escape(text[cursor : m.start()]))
        parts.append(f"<mark>{escape(m.group())}</mark>")
        cursor = m.end()
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
