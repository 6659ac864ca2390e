"""The indentation of the templates, taken out of the HTML the site sends.

Templates are indented for their readers (djlint checks them); the browser gets
none of it back: a commune page carried about 8 kB of spaces and blank lines,
one tenth of its HTML. Every run of whitespace that holds a line break becomes
that line break alone. A browser lays out such a run as one space either way, so
no word is glued to the next, which ``{% spaceless %}`` (removing the space
between two tags) would do to "<strong>1</strong> <a>…</a>". The content of
``pre``, ``textarea``, ``script`` and ``style`` is kept byte for byte, and so are
non-breaking spaces: only ASCII whitespace is touched.

Why not django-minify-html: minify-html also rewrites attributes (quotes dropped,
attributes reordered) and omits tags, which saves little more once the
indentation is gone and changes what the Nu Html Checker, the HTTP cache's
byte-identical pages and the tests read. The administration is left alone:
Wagtail's own templates, not ours, and never shared by the HTTP cache.
"""

import re

from django.conf import settings

_VERBATIM = re.compile(rb"<(pre|textarea|script|style)\b.*?</\1[ \t\r\n\f]*>", re.IGNORECASE | re.DOTALL)
_INDENTED_BREAK = re.compile(rb"[ \t\r\n\f]*\n[ \t\r\n\f]*")


def strip_indentation(html: bytes) -> bytes:
    """``html`` with each whitespace run that holds a line break reduced to it,
    outside the elements whose whitespace is content."""
    parts, start = [], 0
    for verbatim in _VERBATIM.finditer(html):
        parts.append(_INDENTED_BREAK.sub(b"\n", html[start : verbatim.start()]))
        parts.append(verbatim.group(0))
        start = verbatim.end()
    parts.append(_INDENTED_BREAK.sub(b"\n", html[start:]))
    return b"".join(parts)


class HtmlWhitespaceMiddleware:
    """Strips the indentation of every HTML page before its length and ETag
    are computed (it sits below ``CommonMiddleware`` and ``ConditionalGetMiddleware``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
            or request.path.startswith(tuple(settings.HTML_WHITESPACE_KEPT_PATHS))
        ):
            return response
        response.content = strip_indentation(response.content)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
