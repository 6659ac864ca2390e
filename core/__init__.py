"""The platform pieces every floor of the site uses, apart from the home page.

An app of its own because they are not content: the client address behind the
trusted proxies, security headers, request-size limits, the HTTP cache policy and
its purges (Varnish), the shared cache that outlives a Redis outage, the public
address of the site, the content version that keys the fragment cache, static
file storage, the one sync-and-report helper of idempotent loads, and the
project's makemessages. ``home/`` keeps the home page, editorial pages,
navigation, footer and the site setup; it builds on this floor, as every app does.
"""
