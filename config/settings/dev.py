"""Local development: DEBUG on, a throwaway secret, mail printed to the console."""

from config.env import env, env_list

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-5c1f0e0a8d2b4e7f9a3c6d1b2e4f7a9c")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ("127.0.0.1", "localhost", "[::1]"))
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
