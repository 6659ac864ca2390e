"""Settings shared by every environment. No secret and no DEBUG here: see ``dev``,
``test`` and ``production``, and ``config.env`` for the variables read."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from config.env import env, env_caches, env_int, env_list
from config.search_backends import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "accounts",
    "media_assets",
    "core",
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
    # Failed admin logins, per account and client address
    "axes",
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
    # Before anything reads the client's address or the scheme: from the trusted proxies.
    "core.client_address.ClientAddressMiddleware",
    # An ETag on the finished response, and a 304 to a browser or HTTP cache that already
    # holds it. After the cache policy on the way out, so that a page marked no-store (a
    # form, a visitor's own page) gets no ETag.
    "django.middleware.http.ConditionalGetMiddleware",
    # Next, so that it sees the cookies and Vary the others set on the way out.
    "core.http_cache.CachePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    # Before anything reads the body (sessions, CSRF): an oversized upload gets a 413.
    "core.request_limits.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Below CommonMiddleware and ConditionalGetMiddleware: the length and the ETag are
    # those of the page without its template indentation (core/html_whitespace.py).
    "core.html_whitespace.HtmlWhitespaceMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "api.middleware.OpenDataHeadersMiddleware",
    # Last, as django-axes asks: turns a lockout into the login page's 429.
    "axes.middleware.AxesMiddleware",
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
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginAttemptsBackend",  # django-axes first: a locked login is not checked
    "django.contrib.auth.backends.ModelBackend",
]
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
# Files that are not for everyone (request attachments, signed conventions, Wagtail
# documents, whose collections may be private): a folder outside MEDIA_ROOT, never served
# by the web server; only views that check who asks read it (media_assets/storage.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/prive/non-servi/"},
}
# The largest body a client may send (core/request_limits.py): the request form's
# 5 attachments of 10 MB and its fields fit; beyond, a 413 page before any byte is read.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 60 * 1024 * 1024)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Agence nationale de la cohésion des territoires"
# The public address, source of every absolute link (core/public_url.py); `make run` and
# `make serve` set it to the address they serve; required in production.
SITE_BASE_URL = env("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "media_assets.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_assets.CustomDocument"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_MODERATION_ENABLED = True
# Page addresses in plain ASCII ("/actualites/ete-2026/", not "/actualit%C3%A9s/…"):
# the admin and Page.full_clean transliterate accents when they make a slug from a title.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: the admin would send a hash of each editor's e-mail to a third party
# (and the admin's Content-Security-Policy allows no foreign image).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call to releases.wagtail.org from editors' browsers: upgrades come with deployments.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Failed logins: django-axes locks an account for one client address, django-ratelimit
# slows down an address failing on many accounts (accounts.forms).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.ThrottledLoginForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Documents through Wagtail's view, which enforces collection privacy (never a raw file URL:
# their files are in the private storage, media_assets.models.CustomDocument).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILSEARCH_BACKENDS = search_backends(env("SEARCH_URL"), env("SEARCH_INDEX_PREFIX", "anct"))

# Background work (mail, index updates) goes through django-tasks, which Wagtail uses too.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Facts of the legal pages (written by the site setup from home/data/site_setup.yaml):
# who publishes the site (name and postal address), who directs the publication, who
# hosts it (name, address, telephone), whom to write to about personal data and about
# accessibility. Production requires each (``manage.py check --deploy`` fails while one
# is empty: home/checks.py); elsewhere an empty one reads "à vérifier".
SITE_PUBLISHER = env("SITE_PUBLISHER", "Agence nationale de la cohésion des territoires (ANCT)")
SITE_PUBLISHER_ADDRESS = env("SITE_PUBLISHER_ADDRESS")
SITE_PUBLICATION_DIRECTOR = env("SITE_PUBLICATION_DIRECTOR")
SITE_HOST = env("SITE_HOST")
SITE_DPO_CONTACT = env("SITE_DPO_CONTACT")
SITE_ACCESSIBILITY_CONTACT = env("SITE_ACCESSIBILITY_CONTACT")

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Seconds a mail server may take to answer before the send fails and is retried
# later (engineering.protocol.outbox); without it a silent server hangs forever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "ne-pas-repondre@anct.gouv.fr")
# Mail sent outside the request workflow (the admin's password reset) goes to the outbox
# too: written in the database, sent by the task worker with retries.
QUEUED_EMAIL_BACKEND = "engineering.protocol.outbox.OutboxEmailBackend"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.forms.QueuedPasswordResetForm"

# Engineering requests (engineering/): delays, limits and retries of the protocol, each
# tunable through the environment variable of the same name (listed in the README).
# Days an unconfirmed request waits for its email confirmation before expiring.
ENGINEERING_CONFIRMATION_DAYS = env_int("ENGINEERING_CONFIRMATION_DAYS", 7)
# Days the requester's reply link to a "more information needed" step stays valid.
ENGINEERING_INFO_REPLY_DAYS = env_int("ENGINEERING_INFO_REPLY_DAYS", 30)
# Days after closure before the requester's personal data is anonymised.
ENGINEERING_RETENTION_DAYS = env_int("ENGINEERING_RETENTION_DAYS", 365 * 3)
# Public form: accepted (valid) submissions per window, per IP address and per email;
# every attempt, invalid ones included, per IP address (abuse protection, far looser,
# so that typos are never penalised); failed status-page lookups per IP address.
ENGINEERING_RATE_LIMIT_PER_IP = env_int("ENGINEERING_RATE_LIMIT_PER_IP", 5)
ENGINEERING_RATE_LIMIT_PER_EMAIL = env_int("ENGINEERING_RATE_LIMIT_PER_EMAIL", 3)
ENGINEERING_ATTEMPT_LIMIT_PER_IP = env_int("ENGINEERING_ATTEMPT_LIMIT_PER_IP", 60)
ENGINEERING_RATE_LIMIT_WINDOW_SECONDS = env_int("ENGINEERING_RATE_LIMIT_WINDOW_SECONDS", 600)
ENGINEERING_STATUS_RATE_LIMIT_PER_IP = env_int("ENGINEERING_STATUS_RATE_LIMIT_PER_IP", 10)
# Attachments: size of one file, number of files.
ENGINEERING_ATTACHMENT_MAX_BYTES = env_int("ENGINEERING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
ENGINEERING_ATTACHMENT_MAX_FILES = env_int("ENGINEERING_ATTACHMENT_MAX_FILES", 5)
# Email retries: attempts before a notification is given up.
ENGINEERING_MAIL_MAX_ATTEMPTS = env_int("ENGINEERING_MAIL_MAX_ATTEMPTS", 6)

# CACHE_URL=redis://… in production (shared by the app servers); local memory otherwise.
# Without Redis the site still answers (core/cache_fallback.py).
CACHES = env_caches("CACHE_URL")

# Who is asking (core/client_address.py): the proxies whose X-Forwarded-For and
# X-Forwarded-Proto are believed, as addresses or networks. Empty: the site is reached
# directly (make run). Production: Varnish, and the TLS terminator in front of it.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# The scheme the visitor used, said by the trusted proxy only: core.client_address drops
# X-Forwarded-Proto from anyone else.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# One rate limiter for the site: django-ratelimit, counting in the "limits" cache, per
# client address (REMOTE_ADDR as core.client_address wrote it) or per e-mail.
RATELIMIT_USE_CACHE = "limits"
RATELIMIT_FAIL_OPEN = False
# Admin login: django-axes locks an account for one client address after 5 failures, for
# 15 minutes; never for everyone (anyone could lock an editor out), never a whole address
# (an office behind one address); accounts.forms adds a limit per address over accounts.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURES_PER_ACCOUNT", 5)
AXES_COOLOFF_TIME = timedelta(seconds=env_int("LOGIN_THROTTLE_SECONDS", 900))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not personal data we keep
AXES_VERBOSE = False
# Failed logins allowed from one address whatever the accounts, per cool-off period.
LOGIN_FAILURES_PER_IP = env_int("LOGIN_FAILURES_PER_IP", 20)
# Password reset e-mails per hour, from one client address and to one address.
PASSWORD_RESETS_PER_IP = env_int("PASSWORD_RESETS_PER_IP", 5)
PASSWORD_RESETS_PER_EMAIL = env_int("PASSWORD_RESETS_PER_EMAIL", 3)

# HTTP cache in front of the app servers (Varnish, tools/serve/): anonymous pages say how
# long it may keep them (core/http_cache.py), and publishing purges them
# (core/frontend_cache.py). FRONTEND_CACHE_URL empty: nothing to purge.
HTTP_CACHE_SECONDS = env_int("HTTP_CACHE_SECONDS", 600)
HTTP_CACHE_PRIVATE_PATHS = ("/admin/", "/recherche/", "/ingenierie/", "/alertes/", "/django-admin/")
# Pages sent with their template indentation (core/html_whitespace.py): the administration.
HTML_WHITESPACE_KEPT_PATHS = ("/admin/", "/django-admin/")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "core.frontend_cache.VarnishBanBackend", "LOCATION": env("FRONTEND_CACHE_URL")}}
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
        "axes": {"level": "WARNING"},
    },
}
