"""Kept only for ``public/throttling.py``, which the rate-limit rework replaces.

The engineering settings are declared in ``config/settings`` (each with its
environment variable) and every other module reads ``django.conf.settings``;
delete this module once the throttling module no longer imports it.
"""

from django.conf import settings


def setting(name: str) -> int:
    return getattr(settings, name)
