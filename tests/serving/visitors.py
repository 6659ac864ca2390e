"""A visitor on its own loopback address (127.0.0.x): a real other client for Varnish and
the site, not a header. Keeps its cookies and reads the CSRF token of the forms it opens."""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    def __init__(self, base_url: str, address: str, headers: dict | None = None):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.address = address
        self.headers = headers or {}
        self.cookies: dict[str, str] = {}
        self.token = ""

    def request(self, method, path, body=None, headers=None):
        """(status, headers, text) of one request; redirects are not followed."""
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=60, source_address=(self.address, 0)
        )
        sent = {"Accept-Encoding": "identity", **self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if found := TOKEN.search(text):
            self.token = found.group(1)
        return response.status, response.headers, text

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data: dict, headers=None):
        """A form post with this visitor's CSRF token, as a browser sends it."""
        origin = f"http://{self.host}:{self.port}"
        body = urlencode({"csrfmiddlewaretoken": self.token, **data}, doseq=True)
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": origin + path,
                "Origin": origin,
                **(headers or {}),
            },
        )
