"""Attachment checks on the server: size, and type read from the file's first
bytes (magic numbers), so that a program renamed ``.pdf`` is refused."""

import threading
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..models import Attachment
from .inputs import safe_filename


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


#: Archive limits, checked on the sizes the archive declares, before anything is
#: decompressed: an office document has a few hundred entries of XML compressed
#: about tenfold; a "zip bomb" declares gigabytes from a few kilobytes.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
#: Bytes at most decompressed to read an OpenDocument's ``mimetype`` entry.
MIMETYPE_MAX_BYTES = 100
_EOCD = b"PK\x05\x06"


def _declared_entries(uploaded) -> int | None:
    """The number of entries the end record of the archive declares (None when
    there is no such record), read from its last 64 kB only: ``zipfile`` would
    otherwise build an object per entry of a million-entry archive."""
    size = uploaded.size
    tail_size = min(size, 65535 + 22)
    uploaded.seek(size - tail_size)
    tail = uploaded.read(tail_size)
    position = tail.rfind(_EOCD)
    if position < 0 or len(tail) < position + 22:
        return None
    return int.from_bytes(tail[position + 10 : position + 12], "little")


def _bomb(infos) -> bool:
    """True when the declared sizes are those of a decompression bomb."""
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > ZIP_MAX_TOTAL_BYTES or (info.file_size > 1024 * 1024 and ratio > ZIP_MAX_RATIO):
            return True
    return False


def _sniff_zip(uploaded) -> FileType | None:
    """The office format of an archive, read from its table of contents and at
    most ``MIMETYPE_MAX_BYTES`` decompressed bytes; None for anything else,
    bombs included."""
    try:
        entries = _declared_entries(uploaded)
        if entries is None or entries > ZIP_MAX_ENTRIES:
            return None
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            infos = archive.infolist()
            if len(infos) > ZIP_MAX_ENTRIES or _bomb(infos):
                return None
            names = {info.filename for info in infos}
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(MIMETYPE_MAX_BYTES).decode("ascii", "replace").strip()
                return ODF.get(mimetype)
            if "[Content_Types].xml" in names:
                for prefix, file_type in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return file_type
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        UnicodeError,
        EOFError,
        ValueError,
        RuntimeError,
        NotImplementedError,
    ):
        return None
    finally:
        uploaded.seek(0)
    return None


def check_attachment(uploaded) -> FileType:
    """Raise a French ValidationError naming the file unless it is an accepted
    document whose content matches its extension and whose size is allowed."""
    name = uploaded.name
    max_bytes = settings.ENGINEERING_ATTACHMENT_MAX_BYTES
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


_written = threading.local()


@contextmanager
def files_written_with_rows():
    """Wrap the transaction that creates attachments: if it fails, the files
    it stored are deleted too, so a failed submission leaves neither a row nor
    a file (the database rolls back, the file system does not)."""
    stack = getattr(_written, "stack", None)
    if stack is None:
        stack = _written.stack = []
    stored: list = []
    stack.append(stored)
    try:
        yield
    except BaseException:
        for field_file in stored:
            field_file.storage.delete(field_file.name)
        stored.clear()
        raise
    finally:
        stack.pop()
        if stack:  # an enclosing block answers for these files too
            stack[-1].extend(stored)


def create_attachment(engineering_request, uploaded, **extra):
    """Store one checked upload under a random name, with the sender's name
    cleaned up for display (``inputs.safe_filename``), and remember the file
    for ``files_written_with_rows``."""
    file_type = sniff(uploaded)
    name = safe_filename(uploaded.name)
    uploaded.name = name
    attachment = Attachment(
        request=engineering_request,
        original_name=name,
        content_type=file_type.content_type if file_type else "",
        size=uploaded.size,
        **extra,
    )
    attachment.file.save(name, uploaded, save=False)
    stack = getattr(_written, "stack", None)
    if stack:
        stack[-1].append(attachment.file)
    attachment.save()
    return attachment
