"""Uploads are checked on a bounded number of bytes: an archive is judged by
the sizes it declares, and at most a few bytes of it are decompressed. A
10 MB zip bomb is refused without the process's memory growing."""

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from engineering.models import EngineeringRequest

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db
CHUNK = 1024 * 1024


def deflated_zeros(megabytes: int) -> bytes:
    """Raw deflate of ``megabytes`` MiB of zeros, built from one flushed chunk
    repeated (a full flush makes every chunk compress to the same bytes), so
    that building a bomb takes milliseconds, not the minutes of inflating it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(bytes(CHUNK)) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(bytes(CHUNK)) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(bytes(CHUNK)) + compressor.flush(zlib.Z_FINISH)
    return first + repeated * (megabytes - 2) + last


def zip_archive(entries: dict[str, tuple]) -> bytes:
    """A zip written by hand: ``name -> (deflated data, declared size[, crc])``.
    A bomb's CRC is not computed (that would mean inflating it): no checker
    must read far enough to notice."""
    body, directory = b"", b""
    for name, (data, size, *crc) in entries.items():
        crc = crc[0] if crc else 0
        encoded = name.encode()
        header = struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0
        )
        directory += (
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                len(body),
            )
            + encoded
        )
        body += header + encoded + data
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), len(body), 0
    )
    return body + directory + end


def bomb() -> bytes:
    """About 10 MB declaring 9 GiB: an OpenDocument whose ``mimetype`` entry
    (the one the former check read entirely) inflates to 1 GiB, and eight more."""
    gigabyte = deflated_zeros(1024)
    entries = {"mimetype": (gigabyte, 1024 * CHUNK)}
    entries.update({f"content{i}.xml": (gigabyte, 1024 * CHUNK) for i in range(8)})
    return zip_archive(entries)


def test_a_10_mb_zip_bomb_is_refused_with_bounded_memory(tmp_path):
    path = tmp_path / "bombe.odt"
    path.write_bytes(bomb())
    assert 9_000_000 < path.stat().st_size < 10_000_000
    script = f"""
import json, resource, django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from engineering.protocol.uploads import check_attachment
upload = SimpleUploadedFile("bombe.odt", open({str(path)!r}, "rb").read())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    check_attachment(upload)
    refused = False
except ValidationError:
    refused = True
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"refused": refused, "grown_kb": after - before}}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["refused"]
    assert figures["grown_kb"] < 100 * 1024, figures


def test_the_form_refuses_a_bomb_in_french(client, territories):
    upload = SimpleUploadedFile("bombe.odt", zip_archive({"mimetype": (deflated_zeros(200), 200 * CHUNK)}))
    response = client.post(URL, {**form_data(), "attachments": [upload]})
    assert "« bombe.odt » n&#x27;est pas un document accepté" in response.content.decode()
    assert not EngineeringRequest.objects.exists()


def test_an_archive_declaring_too_many_entries_is_refused_before_it_is_listed(client, territories):
    entries = {f"word/part{i}.xml": (zlib.compress(b"<x/>")[2:-4], 4) for i in range(2001)}
    entries["[Content_Types].xml"] = (zlib.compress(b"<Types/>")[2:-4], 8)
    upload = SimpleUploadedFile("rapport.docx", zip_archive(entries))
    response = client.post(URL, {**form_data(), "attachments": [upload]})
    assert "n&#x27;est pas un document accepté" in response.content.decode()


def test_a_real_opendocument_is_still_accepted(client, territories):
    mimetype = b"application/vnd.oasis.opendocument.text"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress(mimetype) + compressor.flush()
    upload = SimpleUploadedFile(
        "note.odt", zip_archive({"mimetype": (data, len(mimetype), zlib.crc32(mimetype))})
    )
    assert client.post(URL, {**form_data(), "attachments": [upload]}).status_code == 302
