"""Text rules of the territorial data: the folded search form of a name, the
shape of codes, and the French article before a département's name.

The same ``fold`` runs at import time (``search_name`` columns) and on what a
user types, so that the lookup compares like with like with a plain indexed
equality or prefix match. ``fold_letters`` is the part of it that keeps word
boundaries and punctuation: the site search (``search/``) folds queries, titles
and snippets with it, so a commune name, a page title and what a mayor types
meet whatever the accents and ligatures (one table of ligatures for the site).
"""

import re
import unicodedata

LIGATURES = {"œ": "oe", "æ": "ae"}
_FOLDED = str.maketrans({**LIGATURES, "Œ": "oe", "Æ": "ae", "ß": "ss", "’": "'", "ʼ": "'"})
_SEPARATORS = re.compile(r"[^0-9a-z]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

#: INSEE code of a commune: two digits (or 2A/2B for Corsica) and three more;
#: overseas communes are 97xxx/98xxx, which the same shape covers.
INSEE_CODE_RE = re.compile(r"^(?:\d{2}|2[AB])\d{3}$")
POSTAL_CODE_RE = re.compile(r"^\d{5}$")


def fold_letters(text: str) -> str:
    """Lowercase, ligatures spelled out, accents removed, everything else kept
    (typographic apostrophes become plain ones): "Cœur" gives "coeur", "L’Éducation"
    gives "l'education"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_FOLDED))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def ligature_spellings(word: str) -> list[str]:
    """A folded word and, if it holds "oe" or "ae", the same with the ligature
    ("coeur", "cœur"): for an index that keeps "œ" as a letter of its own (SQLite's
    ``unicode61`` tokenizer), where folding the query alone cannot meet it."""
    contracted = word
    for ligature, letters in LIGATURES.items():
        contracted = contracted.replace(letters, ligature)
    return [word] if contracted == word else [word, contracted]


def fold(text: str) -> str:
    """Lowercase, accents removed, hyphens, apostrophes and punctuation turned
    into single spaces, "st"/"ste" spelled out: "Saint-Étienne", "st etienne" and
    "ST-ETIENNE" all give "saint etienne"."""
    words = [w for w in _SEPARATORS.split(fold_letters(text)) if w]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def collation_key(text: str) -> tuple[str, str, str]:
    """Sort key for names as a French reader sorts them: accents, case, hyphens
    and "St" abbreviations ignored first ("Île-de-France" among the I, "Évreux"
    before "Ezy"), then the exact spelling, so that equal folds keep one order."""
    return fold(text), fold_letters(text), text or ""


def normalize_code(text: str) -> str:
    """An INSEE or postal code as typed ("2a004", " 08105 ") in canonical form."""
    return (text or "").strip().upper()


def is_insee_code(text: str) -> bool:
    return bool(INSEE_CODE_RE.match(text or ""))


def is_overseas_departement(code: str | None) -> bool:
    """DROM (971–976) and collectivités d'outre-mer (975, 977, 978, 984–989):
    every overseas INSEE code starts with 97 or 98."""
    return bool(code) and len(code) == 3 and code[:2] in ("97", "98")


# INSEE "type de nom en clair" (TNCC): which article the name takes.
_DE_FORMS = {
    0: "de {name}",  # no article, consonant: de Paris
    1: "d'{name}",  # no article, vowel: d'Indre-et-Loire
    2: "du {name}",  # Le: du Nord
    3: "de la {name}",  # La: de la Marne
    4: "des {name}",  # Les: des Ardennes
    5: "de l'{name}",  # L': de l'Ain
    6: "des {name}",  # Aux
    7: "de las {name}",  # Las
    8: "de los {name}",  # Los
}


def with_de(name: str, liaison_type: int | None) -> str:
    """``name`` preceded by "de" with the right article, from INSEE's TNCC code."""
    if liaison_type == 0 and name[:1] in "AEIOUYÉÈÎaeiouyéèî":
        liaison_type = 1
    return _DE_FORMS.get(liaison_type or 0, _DE_FORMS[0]).format(name=name)
