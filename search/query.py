"""What a visitor types, made safe before any backend sees it.

Every query and page number from the query string passes here first, whichever
backend answers: control characters (NUL included) and format characters are
dropped, the text is cut to a length no title needs, and backends only ever
receive the folded *words* of the query (letters and digits), so quotes, ``OR``,
``NEAR``, ``*``, ``^`` or parentheses are words or nothing, never full-text
syntax. A page number is ASCII digits or page 1.
"""

from __future__ import annotations

import re
import unicodedata

from territories.text import fold_letters

MAX_QUERY_CHARS = 200
MAX_AUTOCOMPLETE_CHARS = 100
MAX_WORDS = 12
LAST_PAGE = 10**6  # "beyond the end": the paginator shows the last page

_ELISION = re.compile(r"\b(?:l|m|t|qu|n|s|j|d|c|jusqu|quoiqu|lorsqu|puisqu)'")
_WORD = re.compile(r"[^\W_]+")
_PAGE = re.compile(r"[0-9]+")

# Words too common to require: "formation des élus" needs "formation" and "élus".
STOP_WORDS = frozenset(
    "a au aux avec ce ces dans de des du en et la le les leur leurs ou par pour sur un une".split()
)


def clean_query(raw, limit: int = MAX_QUERY_CHARS) -> str:
    """The query without control or format characters, single-spaced, cut at
    ``limit`` characters (on a word boundary when one is near)."""
    text = str(raw or "")[: limit * 4]
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit + 1)
        text = text[: cut if cut > limit // 2 else limit]
    return text


def page_number(raw) -> int:
    """A page number from the query string: ASCII digits, at least 1; anything
    else ("²", "-1", "abc") is page 1, a huge number is "the last page"."""
    text = str(raw or "").strip()
    if not _PAGE.fullmatch(text):
        return 1
    if len(text) > 6:
        return LAST_PAGE
    return max(int(text), 1)


def words(text: str) -> list[str]:
    """The folded words of ``text``, elided articles dropped: "L’Industrie du
    futur" gives ["industrie", "du", "futur"]."""
    return _WORD.findall(_ELISION.sub(" ", fold_letters(text)))


def query_words(query: str) -> list[str]:
    """The words of a query, at most ``MAX_WORDS`` of them."""
    return words(query)[:MAX_WORDS]
