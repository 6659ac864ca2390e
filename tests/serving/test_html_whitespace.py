"""Pages leave without their template indentation, and nothing a reader sees
changes: words keep the space between them, preformatted text, form values,
scripts and non-breaking spaces stay as written, and the ETag is that of the
bytes sent. The administration keeps Wagtail's markup as it is."""

import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.html_whitespace import strip_indentation

ASCII_SPACE = re.compile(rb"[ \t\r\n\f]+")
VERBATIM = re.compile(rb"<(pre|textarea|script|style)\b.*?</\1>", re.DOTALL)

PIECES = st.sampled_from(
    ["<p>", "</p>", "<strong>", "</strong>", "mot", "é", " ", "\n", "\t", "    ", "\r\n", "\u00a0", "\u202f"]
    + ["<pre>", "</pre>", "<textarea>", "</textarea>", "<script>", "</script>", "<style>", "</style>"]
)


def laid_out(html: bytes) -> bytes:
    """What a browser lays out outside verbatim elements: whitespace runs as one space."""
    return ASCII_SPACE.sub(b" ", html)


@given(st.lists(PIECES, max_size=60).map("".join))
def test_what_the_browser_lays_out_is_unchanged(text):
    html = text.encode()
    stripped = strip_indentation(html)
    assert laid_out(stripped) == laid_out(html)
    assert [m.group(0) for m in VERBATIM.finditer(stripped)] == [m.group(0) for m in VERBATIM.finditer(html)]
    assert stripped.count("\u00a0".encode()) == html.count("\u00a0".encode())


def test_indentation_goes_and_inline_spaces_stay():
    html = b"<ul>\n    <li>\n      <strong>1</strong> <a href='#'>lien</a>\n    </li>\n\n\n  </ul>"
    assert strip_indentation(html) == b"<ul>\n<li>\n<strong>1</strong> <a href='#'>lien</a>\n</li>\n</ul>"
    code = b"<pre>\n    indent\xc3\xa9\n</pre>\n  <textarea name=t>\n  garde\n</textarea>"
    assert (
        strip_indentation(code)
        == b"<pre>\n    indent\xc3\xa9\n</pre>\n<textarea name=t>\n  garde\n</textarea>"
    )


@pytest.mark.django_db
def test_a_commune_page_is_sent_without_indentation_and_with_the_etag_of_its_bytes(
    client, home_page, real_territories
):
    response = client.get("/communes/08105/")
    body = response.content
    assert response.status_code == 200 and b"Charleville-M" in body
    assert not re.search(rb"\n[ \t]", VERBATIM.sub(b"", body))
    assert response["ETag"] == f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'


@pytest.mark.django_db
def test_the_admin_keeps_its_markup(client, home_page):
    body = client.get("/admin/login/").content
    assert re.search(rb"\n[ \t]+<", body)
