"""The private storage (``STORAGES["private"]``, ``PRIVATE_MEDIA_ROOT``): files that are
not for everyone, outside ``MEDIA_ROOT``, which a web server may serve as it is.

A file there has no public address: only a view that checks who asks reads it (Wagtail's
document view, which enforces collection privacy; the staff views of engineering
requests). ``tests/test_private_files.py`` lists every file field of the project and fails
when one that is not declared public can land under ``MEDIA_ROOT``.
"""

from django.core.files.storage import storages


def private_storage():
    return storages["private"]
