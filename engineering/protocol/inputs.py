"""Malformed values from the outside, turned into form errors before they reach
the database or the file system: a 20-digit id would overflow the integer
column inside ``pk__in`` (a 500 on SQLite and PostgreSQL), a 200-character
accented file name exceeds the file system's 255-byte limit."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Largest value of a 64-bit signed primary key; above it a lookup overflows.
MAX_ID = 2**63 - 1
#: Characters kept of an uploaded file's name (its extension included).
MAX_FILENAME_CHARS = 120
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


def is_valid_id(value) -> bool:
    """True for a decimal integer a primary-key column can hold."""
    text = str(value).strip()
    return 0 < len(text) <= 19 and text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows whose submitted ids are checked as numbers
    first: out of range or not a number is the usual "not one of the choices"
    error, in French, instead of an overflow in the ``IN (...)`` query."""

    def _check_values(self, value):
        for pk in value:
            if not is_valid_id(pk):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:40]},
                )
        return super()._check_values(value)

    default_error_messages = {
        "invalid_choice": _("« %(value)s » ne fait pas partie des choix proposés."),
        "invalid_list": _("Choisissez dans la liste proposée."),
    }


def safe_filename(name: str, max_chars: int = MAX_FILENAME_CHARS) -> str:
    """The name a person gave their file, fit to show and to download again:
    Unicode-normalised (NFC), without folder parts or control characters, at
    most ``max_chars`` characters with its extension kept. The stored file
    itself gets a random name (``engineering.models.attachment``)."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("", name).strip().lstrip(".").strip()
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension[:10]
    room = max_chars - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(" .") or "document"
    return f"{stem}.{extension}" if extension else stem
