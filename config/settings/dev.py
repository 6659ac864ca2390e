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

# `make run` is a demonstration: its legal pages name clearly marked demo values, never
# a real person or address (production sets the real ones, see base.py).
DEMO_MARK = "[démonstration]"
SITE_PUBLISHER_ADDRESS = env("SITE_PUBLISHER_ADDRESS", f"{DEMO_MARK} adresse postale de l’éditeur")
SITE_PUBLICATION_DIRECTOR = env(
    "SITE_PUBLICATION_DIRECTOR", f"{DEMO_MARK} nom et fonction du directeur de la publication"
)
SITE_HOST = env("SITE_HOST", f"{DEMO_MARK} hébergé sur le poste de développement qui lance make run")
SITE_DPO_CONTACT = env("SITE_DPO_CONTACT", f"{DEMO_MARK} dpd@exemple.invalid")
SITE_ACCESSIBILITY_CONTACT = env("SITE_ACCESSIBILITY_CONTACT", f"{DEMO_MARK} accessibilite@exemple.invalid")
