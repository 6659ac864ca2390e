"""Tunable values of the engineering-request workflow.

Each value is read from a Django setting of the same name when one is defined,
else from the environment variable of the same name, else the default below. The
project's settings modules stay untouched: deployments tune these through the
environment (the load bench raises the rate limits that way).
"""

import os

from django.conf import settings

DEFAULTS = {
    # Days an unconfirmed request waits for its email confirmation before expiring.
    "ENGINEERING_CONFIRMATION_DAYS": 7,
    # Days the requester's reply link to a "more information needed" step stays valid.
    "ENGINEERING_INFO_REPLY_DAYS": 30,
    # Days after closure before the requester's personal data is anonymised.
    "ENGINEERING_RETENTION_DAYS": 365 * 3,
    # Public form throttling: accepted (valid) submissions per window, per IP
    # address and per email; and every attempt, invalid ones included, per IP
    # address (abuse protection, far looser, so that typos are never penalised).
    "ENGINEERING_RATE_LIMIT_PER_IP": 5,
    "ENGINEERING_RATE_LIMIT_PER_EMAIL": 3,
    "ENGINEERING_ATTEMPT_LIMIT_PER_IP": 60,
    "ENGINEERING_RATE_LIMIT_WINDOW_SECONDS": 600,
    # Public status page: failed lookups per window and per IP address.
    "ENGINEERING_STATUS_RATE_LIMIT_PER_IP": 10,
    # Attachments: size of one file, number of files.
    "ENGINEERING_ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "ENGINEERING_ATTACHMENT_MAX_FILES": 5,
    # Email retries: attempts before a notification is given up.
    "ENGINEERING_MAIL_MAX_ATTEMPTS": 6,
}


def setting(name: str) -> int:
    """The value of ``name``: Django setting, else environment, else default.
    Read through ``django.conf.settings`` and ``os.environ`` only: an app never
    imports the project package."""
    if hasattr(settings, name):
        return getattr(settings, name)
    value = os.environ.get(name, "").strip()
    return int(value) if value else DEFAULTS[name]
