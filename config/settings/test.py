"""Test settings: fast hasher, locmem cache and mail, tasks run immediately.

DATABASE_URL and SEARCH_URL still come from the environment, so the same suite
runs on SQLite locally and on PostgreSQL in CI.
"""

import tempfile
import uuid
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_TIMEOUT = 2
# Tasks run at once; the index updates of a fixture's setup run once per object at its
# end (tests/index_tasks.py).
TASKS = {"default": {"BACKEND": "tests.index_tasks.IndexOnceBackend"}}
# Local memory unless CACHE_URL names a Redis (CI runs the suite against one).
CACHES = env_caches("CACHE_URL")  # noqa: F405
# Varnish, in front of the live server on loopback (tests/serving), is the trusted proxy;
# test clients bound to other loopback addresses (127.0.0.2…) are distinct visitors.
TRUSTED_PROXIES = ["127.0.0.1"]
# Attachments on a real file system (a fresh temporary folder per test process,
# removed by tests/conftest.py), so that tests see what production writes. The folder
# is named here and created by the storage on the first file saved: the commands run
# with these settings (checks, the template database) save none and leave none behind.
PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / f"anct-test-attachments-{uuid.uuid4().hex}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/prive/non-servi/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SITE_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

# The suite's own ``flush`` (tests/management/commands/flush.py) keeps the reference
# data that the session imports once: transactional tests end with a flush.
INSTALLED_APPS = ["tests", *INSTALLED_APPS]  # noqa: F405
TEST_PRESERVED_APPS = ["territories"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # Django's SQLite backend, with a foreign-key check at the end of each test that
    # reads the reference data only when the test wrote to it (tests/sqlite_backend).
    DATABASES["default"]["ENGINE"] = "tests.sqlite_backend"  # noqa: F405
