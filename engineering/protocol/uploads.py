"""Attachment checks on the server: size, and type read from the file's first
bytes (magic numbers), so that a program renamed ``.pdf`` is refused."""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..conf import setting


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileType("PDF", "application/pdf", ("pdf",))
PNG = FileType("PNG", "image/png", ("png",))
JPEG = FileType("JPEG", "image/jpeg", ("jpg", "jpeg"))
OOXML = {
    "word/": FileType(
        "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",)
    ),
    "xl/": FileType("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)),
    "ppt/": FileType(
        "PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ("pptx",)
    ),
}
ODF = {
    "application/vnd.oasis.opendocument.text": FileType(
        "OpenDocument texte", "application/vnd.oasis.opendocument.text", ("odt",)
    ),
    "application/vnd.oasis.opendocument.spreadsheet": FileType(
        "OpenDocument tableur", "application/vnd.oasis.opendocument.spreadsheet", ("ods",)
    ),
    "application/vnd.oasis.opendocument.presentation": FileType(
        "OpenDocument présentation", "application/vnd.oasis.opendocument.presentation", ("odp",)
    ),
}
ACCEPTED_EXTENSIONS = ("pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx", "odt", "ods", "odp")


def sniff(uploaded) -> FileType | None:
    """The type of an uploaded file according to its content, or None."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(uploaded)
    return None


def _sniff_zip(uploaded) -> FileType | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return ODF.get(mimetype)
            if "[Content_Types].xml" in names:
                for prefix, file_type in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return file_type
    except (zipfile.BadZipFile, OSError, UnicodeError):
        return None
    finally:
        uploaded.seek(0)
    return None


def check_attachment(uploaded) -> FileType:
    """Raise a French ValidationError naming the file unless it is an accepted
    document whose content matches its extension and whose size is allowed."""
    name = uploaded.name
    max_bytes = setting("ENGINEERING_ATTACHMENT_MAX_BYTES")
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("« %(name)s » est trop lourd (%(size)s) : %(max)s au maximum par fichier.")
            % {"name": name, "size": filesizeformat(uploaded.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    file_type = sniff(uploaded)
    if file_type is None or extension not in file_type.extensions:
        raise ValidationError(
            _(
                "« %(name)s » n'est pas un document accepté : son contenu ne correspond pas à "
                "un fichier PDF, une image PNG ou JPEG ou un document bureautique (Word, Excel, "
                "PowerPoint, OpenDocument) portant la bonne extension."
            )
            % {"name": name},
            code="bad_type",
        )
    return file_type
