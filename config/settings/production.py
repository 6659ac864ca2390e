"""Production: DEBUG off, refuses to start without SECRET_KEY, ALLOWED_HOSTS and SITE_BASE_URL.

Every setting that ``manage.py check --deploy`` looks at is set here, so the
deployment check is clean by configuration.
"""

from config.env import env, env_bool, env_int, env_list, require

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = require(
    "SECRET_KEY", "définissez une clé secrète longue et aléatoire (variable d'environnement SECRET_KEY)."
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    require(
        "ALLOWED_HOSTS", "listez les noms de domaine servis, séparés par des virgules (ex. : anct.gouv.fr)."
    )
SITE_BASE_URL = require(
    "SITE_BASE_URL",
    "l'adresse publique du site, source de tous les liens absolus (ex. : https://anct.gouv.fr).",
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Varnish on the same machine (make serve), and the TLS terminator in front of it when it
# connects from elsewhere: TRUSTED_PROXIES=127.0.0.1,::1,10.0.0.5 (core/client_address.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ("127.0.0.1", "::1"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", tuple(f"https://{h}" for h in ALLOWED_HOSTS))

# Behind a TLS terminator these stay on; `make serve` (plain HTTP on loopback) turns
# SECURE_SSL_REDIRECT and SECURE_COOKIES off and says so.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail lets its own preview be framed by the admin

# Static files: hashed names (cached for a year) pre-compressed in gzip and brotli by
# `collectstatic`, served by WhiteNoise from the app server and kept by the HTTP cache.
# A file missing from the manifest falls back to its plain name instead of a 500.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,  # noqa: F405
    "staticfiles": {"BACKEND": "core.static_storage.ForgivingCompressedManifestStorage"},
}
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
