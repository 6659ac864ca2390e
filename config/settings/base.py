"""Settings shared by every environment. No secret and no DEBUG here: see ``dev``,
``test`` and ``production``, and ``config.env`` for the variables read."""

from pathlib import Path

import dj_database_url

from config.env import env, env_cache, env_int
from config.search_backends import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "accounts",
    "media_assets",
    "home",
    "catalogue",
    "programmes",
    "pactes",
    "training",
    "news",
    "search",
    "territories",
    "finder",
    "engineering",
    "alerts",
    "api",
    "demo",
    # Wagtail
    "wagtailautocomplete",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # State design system
    "dsfr",
    "widget_tweaks",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    # First, so that it sees the cookies and Vary the others set on the way out.
    "home.http_cache.CachePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "home.security.SecurityHeadersMiddleware",
    # Before anything reads the body (sessions, CSRF): an oversized upload gets a 413.
    "home.request_limits.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "api.middleware.OpenDataHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]
# Admin forms keep Django's widget markup; public forms (home.forms.PublicForm) render with DSFR.
FORM_RENDERER = "home.forms.AdminFormRenderer"

# Database: a SQLite file unless DATABASE_URL says otherwise (PostgreSQL in CI and production).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent form submissions: take the write lock at BEGIN and let readers go on
    # (WAL), instead of failing with "database is locked" under load.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French everywhere a person reads.
LANGUAGE_CODE = "fr-fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Request attachments: a private folder outside MEDIA_ROOT, never served by the web
# server; only the staff view that checks access reads it (engineering.staff.views).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
ATTACHMENTS_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/prive/non-servi/"},
}
# The largest body a client may send (home/request_limits.py): the request form's
# 5 attachments of 10 MB and its fields fit; beyond, a 413 page before any byte is read.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 60 * 1024 * 1024)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "attachments": ATTACHMENTS_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Agence nationale de la cohésion des territoires"
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "media_assets.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_assets.CustomDocument"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_MODERATION_ENABLED = True
# No Gravatar: the admin would send a hash of each editor's e-mail to a third party
# (and the admin's Content-Security-Policy allows no foreign image).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call to releases.wagtail.org from editors' browsers: upgrades come with deployments.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Failed logins are counted per account and per address (accounts.forms).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.ThrottledLoginForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILSEARCH_BACKENDS = search_backends(env("SEARCH_URL"), env("SEARCH_INDEX_PREFIX", "anct"))

# Background work (mail, index updates) goes through django-tasks, which Wagtail uses too.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Facts of the legal pages (filled by the site setup, ``home.legal``): who publishes
# the site, who directs the publication, who hosts it, who answers for personal
# data. Unknown until the deployment says: "à vérifier".
SITE_PUBLISHER = env("SITE_PUBLISHER", "Agence nationale de la cohésion des territoires (ANCT)")
SITE_PUBLISHER_ADDRESS = env("SITE_PUBLISHER_ADDRESS", "à vérifier")
SITE_PUBLICATION_DIRECTOR = env("SITE_PUBLICATION_DIRECTOR", "à vérifier")
SITE_HOST = env("SITE_HOST", "à vérifier")
SITE_DPO_CONTACT = env("SITE_DPO_CONTACT", "à vérifier")
SITE_ACCESSIBILITY_CONTACT = env("SITE_ACCESSIBILITY_CONTACT", "à vérifier")

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Seconds a mail server may take to answer before the send fails and is retried
# later (engineering.protocol.outbox); without it a silent server hangs forever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "ne-pas-repondre@anct.gouv.fr")

# CACHE_URL=redis://… in production (shared by the app servers); local memory otherwise.
CACHES = {"default": env_cache("CACHE_URL")}

# HTTP cache in front of the app servers (Varnish, tools/serve/): anonymous pages say how
# long it may keep them (home/http_cache.py), and publishing purges them
# (home/frontend_cache.py). FRONTEND_CACHE_URL empty: nothing to purge.
HTTP_CACHE_SECONDS = env_int("HTTP_CACHE_SECONDS", 600)
HTTP_CACHE_PRIVATE_PATHS = ("/admin/", "/recherche/", "/ingenierie/", "/alertes/", "/django-admin/")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "home.frontend_cache.VarnishBanBackend", "LOCATION": env("FRONTEND_CACHE_URL")}}
    if env("FRONTEND_CACHE_URL")
    else {}
)

# Alerts for a territory or a page (alerts/).
# Days a subscription waits for the confirmation of its address before it is deleted.
ALERTS_CONFIRMATION_DAYS = env_int("ALERTS_CONFIRMATION_DAYS", 7)
# Days between two digests of a weekly subscription.
ALERTS_DIGEST_DAYS = env_int("ALERTS_DIGEST_DAYS", 7)
# Subscriptions handled per run of the sender (task or cron): a run stays short.
ALERTS_PER_RUN = env_int("ALERTS_PER_RUN", 100)
# Subscription form: valid subscriptions per window per client and per address, and
# every attempt per client (far looser: typos are never penalised).
ALERTS_RATE_LIMIT_PER_IP = env_int("ALERTS_RATE_LIMIT_PER_IP", 10)
ALERTS_RATE_LIMIT_PER_EMAIL = env_int("ALERTS_RATE_LIMIT_PER_EMAIL", 3)
ALERTS_ATTEMPT_LIMIT_PER_IP = env_int("ALERTS_ATTEMPT_LIMIT_PER_IP", 60)
ALERTS_RATE_LIMIT_WINDOW_SECONDS = env_int("ALERTS_RATE_LIMIT_WINDOW_SECONDS", 600)
# Days an alert e-mail stays in the outbox once sent (it holds the address).
ALERTS_SENT_MAIL_RETENTION_DAYS = env_int("ALERTS_SENT_MAIL_RETENTION_DAYS", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Task and page-action chatter would drown the commands' own summaries.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
