"""Local development: DEBUG on, a throwaway secret, mail printed to the console."""

from config.env import env, env_int, env_list

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-5c1f0e0a8d2b4e7f9a3c6d1b2e4f7a9c")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ("127.0.0.1", "localhost", "[::1]"))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# Wagtail's own tasks run at once; mail is queued in the database and sent by
# `manage.py db_worker --backend mail` (started by `make run`), never inside a request.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
