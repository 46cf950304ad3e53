"""KI-Portal settings, read from the environment.

Every value has a safe default. Without DJANGO_DEBUG the portal runs in production
mode and needs at least DJANGO_SECRET_KEY, KI_FIELD_ENCRYPTION_KEY,
DJANGO_ALLOWED_HOSTS and DATABASE_URL; a local run (`make run`, the test suite) sets
DJANGO_DEBUG=true and then runs on SQLite with the repository's keys, which production
refuses.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    """An empty variable counts as unset, as `VAR= make run` intends."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    normalised = value.strip().lower()
    if normalised in {"1", "true", "yes", "on"}:
        return True
    if normalised in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Debug mode shows tracebacks and settings to anyone and goes with the repository's public
# keys: only when DJANGO_DEBUG asks for it, never because a variable was forgotten.
DEBUG = env_bool("DJANGO_DEBUG", False)

# The default key is only good for a local run; production refuses it.
DEFAULT_SECRET_KEY = "local-development-key-never-use-in-production"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEFAULT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production mode refuses the default key.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "accounts.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "parler",
    "django_prose_editor",
    "django_tasks",
    "portal.apps.TaskResultsConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Counts failed logins and locks a user name or an address out for a while.
    "axes",
    # The editors' history with undo (portal/history.py).
    "reversion",
    # The portal's own layers, bottom first (docs/architecture.md): an app imports only
    # the apps listed before it.
    "portal",
    "accounts",
    "languages",
    "centre",
    "fields",
    "news",
    "organisations",
    "networks",
    "counselling",
    "ki_portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.content_security_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    "portal.middleware.UndecryptableDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The admin in German, whatever the browser's Accept-Language says.
    "accounts.middleware.admin_in_german",
    "django.middleware.common.CommonMiddleware",
    "portal.middleware.unusable_query_refused",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.RequestBodyLimitMiddleware",
    # Marks request.user as verified by a second factor (accounts.second_factor).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends a staff session after its idle or absolute limit (SESSION_* below).
    "accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ki_portal.urls"
WSGI_APPLICATION = "ki_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.languages",
                "centre.context_processors.centre",
            ],
        },
    },
]

# SQLite is the embedded default for a first look; PostgreSQL (psycopg 3 with
# its connection pool) is the production and test database.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # While the database is down a visitor waits a few seconds at most and then gets the 503
    # page (portal.middleware.DatabaseUnavailableMiddleware); once it is back, the next
    # request is served again. A host that does not answer is given up after 3 s (psycopg's
    # own default is 130 s); `?connect_timeout=` in DATABASE_URL overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    # No JIT compilation: the admin's translation counts (portal/translations.py) are one
    # query with many small subqueries, which PostgreSQL estimated expensive enough to
    # compile, taking seconds for a few dozen rows (milliseconds without); the portal's
    # other queries are short too, where compiling never pays off.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
    # A connection is tested with an empty query before a request gets it, so one that a
    # restarted server closed is replaced instead of failing the request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env_bool("DJANGO_DB_POOL", True):
        # psycopg_pool, one per server process. A sync worker uses one connection at a time
        # (`max_size` leaves room for threaded workers), so after a restart at most one stale
        # connection per process is replaced. A request waits `timeout` seconds for a
        # connection, then gets the 503 page. A failed connection is retried with doubling
        # pauses (1, 2, 4 s …) for `reconnect_timeout` seconds, then the next request starts
        # a fresh attempt at once; with psycopg's default of 5 minutes the pauses would keep
        # the portal down for minutes after the database is back.
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": 4,
            "timeout": 3,
            "reconnect_timeout": 2,
        }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction that reads before it writes (every form service does) fails at once
    # with "database is locked" when another one writes; taking the write lock at its
    # start makes concurrent writers wait their turn instead.
    # Write-ahead logging lets pages read while a form is stored, and a writer that finds
    # the lock taken waits up to five seconds for it instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL;", timeout=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 hashes every new password; a PBKDF2 hash of an older one is replaced by an Argon2
# hash at its owner's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {
        # A word everybody guesses first (season, month, "Willkommen", the town) plus digits.
        # KI_PASSWORD_EXTRA_WORDS adds local ones, e.g. the town and its districts.
        "NAME": "accounts.passwords.PredictablePasswordValidator",
        "OPTIONS": {"extra_words": env_list("KI_PASSWORD_EXTRA_WORDS", [])},
    },
]

# Logins (django-axes): after LOGIN_FAILURE_LIMIT failures within the cool-off, a user name
# is refused from every address and an address is refused for every user name, until
# LOGIN_COOLOFF_MINUTES have passed since the last failure. Never a permanent lock: the
# portal's administrator lifts one early with `manage.py axes_reset_username <name>`.
LOGIN_FAILURE_LIMIT = env_int("KI_LOGIN_FAILURE_LIMIT", 5)
LOGIN_COOLOFF_MINUTES = env_int("KI_LOGIN_COOLOFF_MINUTES", 15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The address as the portal reads it everywhere (KI_CLIENT_ADDRESS_HEADER below).
AXES_CLIENT_IP_CALLABLE = "accounts.logins.login_address"
AXES_LOCKOUT_CALLABLE = "accounts.logins.locked_out"
# Every failure is kept in the failure log, every login in the access log, both for
# LOGIN_RECORDS_KEEP_DAYS (run_daily_jobs); accounts/admin.py shows them read-only.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_ENABLE_ADMIN = False
LOGIN_RECORDS_KEEP_DAYS = env_int("KI_LOGIN_RECORDS_KEEP_DAYS", 90)
# What axes stores of a failed login's form: never these values (the password never).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token", "csrfmiddlewaretoken"]
# axes' own log lines hide user name and address; accounts.logins logs both.
AXES_VERBOSE = False

# The cache holds the form rate limits and the footer's data (centre profile, main
# location). In production it lives in Redis, so that every process and server counts the
# same limits and sees a change at once; a local run keeps it in the process's memory.
REDIS_URL = env_str("KI_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache that answers as an empty cache while Redis is down.
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Another application may share the Redis database.
            "KEY_PREFIX": "ki-portal",
            # Passed to redis-py's connection pool: a Redis that hangs costs a cache call
            # at most a quarter of a second before portal.cache gives up on it.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ki-portal",
        }
    }

# Internationalisation. German is the source language of every string.
LANGUAGE_CODE = "de"
# The languages NRW's largest groups of people with a migration history read most easily.
LANGUAGES = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("tr", _("Türkisch")),
    ("ar", _("Arabisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
    ("pl", _("Polnisch")),
    ("ro", _("Rumänisch")),
    ("bg", _("Bulgarisch")),
    ("fa", _("Persisch")),
]
# The project's catalogues (makemessages), then German for strings of Django and the
# admin's libraries that their own catalogues lack (edited by hand, not by makemessages).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_libraries"]
TIME_ZONE = "Europe/Berlin"
FORMAT_MODULE_PATH = ["ki_portal.formats"]
USE_I18N = True
USE_TZ = True

PARLER_DEFAULT_LANGUAGE_CODE = LANGUAGE_CODE
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": [LANGUAGE_CODE], "hide_untranslated": False},
}

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded documents are never served directly: a view sends them with
# Content-Disposition and only while their field of work is published.
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
DOCUMENT_MAX_BYTES = env_int("KI_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
VIDEO_MAX_BYTES = env_int("KI_VIDEO_MAX_BYTES", 200 * 1024 * 1024)
FILE_UPLOAD_PERMISSIONS = 0o640
# How large a request's body may be (portal.middleware.RequestBodyLimitMiddleware, 413
# beyond): public forms send text only, so 1 MiB, as nginx's client_max_body_size; a staff
# member's request to the admin carries an upload and the rest of its form.
REQUEST_MAX_BYTES = 1024 * 1024
STAFF_REQUEST_MAX_BYTES = max(DOCUMENT_MAX_BYTES, VIDEO_MAX_BYTES) + 10 * 1024 * 1024
# Django's bounds on the form fields of a body (files not counted), answered with the 400
# page: their size (2.5 MiB) and their number; Django's defaults, named because the bounds
# above rely on them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
REQUEST_TOO_LARGE_VIEW = "ki_portal.views.request_too_large"

# The request header in which the reverse proxy passes the visitor's address, as Django
# names it (e.g. "HTTP_X_FORWARDED_FOR"); empty means the socket's peer address. Form rate
# limits count per address, so behind a proxy this must be set.
CLIENT_ADDRESS_HEADER = env_str("KI_CLIENT_ADDRESS_HEADER", "")

# Counselling requests (contact detail, name, message, notes) and the outbox are encrypted
# with Fernet keys kept apart from SECRET_KEY (portal/encryption.py): KI_FIELD_ENCRYPTION_KEY
# holds one key, or several separated by commas while rotating (the first encrypts, all
# decrypt). A value none of them decrypts is an error, never shown as ciphertext; a missing
# or malformed key stops the start. Without the key a database backup cannot be read, so
# the key is backed up too, but never next to the backup.
DEFAULT_FIELD_ENCRYPTION_KEY = "a2ktcG9ydGFsIGxvY2FsIGRldmVsb3BtZW50IG9ubHk="
FIELD_ENCRYPTION_KEY = env_list("KI_FIELD_ENCRYPTION_KEY", [DEFAULT_FIELD_ENCRYPTION_KEY])
if not DEBUG and DEFAULT_FIELD_ENCRYPTION_KEY in FIELD_ENCRYPTION_KEY:
    raise ImproperlyConfigured(
        "Set KI_FIELD_ENCRYPTION_KEY: production mode refuses the local encryption key."
    )
if SECRET_KEY in FIELD_ENCRYPTION_KEY:
    raise ImproperlyConfigured("KI_FIELD_ENCRYPTION_KEY must differ from DJANGO_SECRET_KEY.")
# Personal data of a closed counselling request is erased this many days after closing,
# of a request nobody has worked on for the longer period after its last change.
COUNSELLING_KEEP_CLOSED_DAYS = env_int("KI_COUNSELLING_KEEP_CLOSED_DAYS", 90)
COUNSELLING_KEEP_UNTOUCHED_DAYS = env_int("KI_COUNSELLING_KEEP_UNTOUCHED_DAYS", 180)
# The name and e-mail address of a barrier report nobody answered are erased this many days
# after it came in: long enough for a late answer and for the enforcement procedure a
# missing answer may start (BITV NRW), as long as an answered report is kept after the
# answer. The description and the page stay: the barrier still needs fixing.
BARRIER_UNANSWERED_KEEP_DAYS = env_int("KI_BARRIER_UNANSWERED_KEEP_DAYS", 365)
# A directory entry hidden because nobody confirmed it for 13 months is deleted with all
# its data this many days after it was hidden; until then its representative may still
# confirm it and bring it back.
ORGANISATION_HIDDEN_KEEP_DAYS = env_int("KI_ORGANISATION_HIDDEN_KEEP_DAYS", 183)
# The editors' history (portal.history) forgets an entry this many days after it was
# deleted, and keeps older versions than HISTORY_KEEP_DAYS only as each entry's latest
# (run_daily_jobs).
HISTORY_DELETED_KEEP_DAYS = env_int("KI_HISTORY_DELETED_KEEP_DAYS", 90)
HISTORY_KEEP_DAYS = env_int("KI_HISTORY_KEEP_DAYS", 730)
# A registration or change request waiting longer than this many days for review is shown
# as overdue on the admin's start page (ki_portal.dashboard).
ORGANISATION_REVIEW_DAYS = env_int("KI_ORGANISATION_REVIEW_DAYS", 14)
# How long the web server's logs are kept, as the privacy page states; the operator's
# logrotate enforces it (deploy/README.md).
SERVER_LOG_DAYS = env_int("KI_SERVER_LOG_DAYS", 14)
# Within how many working days the counselling team answers a request, as the pages promise.
COUNSELLING_ANSWER_DAYS = env_int("KI_COUNSELLING_ANSWER_DAYS", 2)
# Where the quick-exit control of the counselling pages leads: a neutral page.
QUICK_EXIT_URL = env_str("KI_QUICK_EXIT_URL", "https://www.wikipedia.org/")

# Staff log in on the portal's own pages, with a second factor where accounts.second_factor
# requires one; the admin's login page leads there.
LOGIN_URL = "accounts:login"
# The issuer an authenticator app shows next to the account.
OTP_TOTP_ISSUER = env_str("KI_OTP_ISSUER", "KI-Portal")

CRISPY_ALLOWED_TEMPLATE_PACKS = ["kern"]
CRISPY_TEMPLATE_PACK = "kern"

# Mail: console locally, SMTP in production.
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
# A mail server that accepts the connection and then says nothing must not hold a worker
# (or, with the immediate task backend, a request) for ever: a timeout is an attempt that
# failed, and the outbox tries again later.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "ki-portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The portal's public address, for links in mails sent outside a request (daily commands).
SITE_URL = env_str("KI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Sent and failed mails are deleted from the outbox this many days after their last attempt.
MAIL_KEEP_DAYS = env_int("KI_MAIL_KEEP_DAYS", 14)

# Background work (mail delivery). "immediate" runs a task at once in the process that
# queues it: no worker needed, so `make run` stays one command, but a refused mail waits
# for the daily jobs. "database" stores tasks for the worker (`manage.py db_worker`), which
# also retries refused mails with back-off: production uses it.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASK_BACKEND = env_str("KI_TASK_BACKEND", "immediate")
if TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"KI_TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASK_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}

# No cookie for anonymous visitors except CSRF where a form needs it; both
# cookies stay on this site and out of reach of scripts.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# A browser session cookie, not Django's year: closing the browser leaves no trace of a
# visit to a form (a shared or a partner's computer). A form kept open across a restart
# of the browser gets the friendly CSRF page and a fresh copy.
CSRF_COOKIE_AGE = None
# A failed check answers with the portal's own page: plain words and a way back to the form.
CSRF_FAILURE_VIEW = "ki_portal.views.csrf_failure"
# While the database is down: the 503 page, in the request's section (portal.middleware).
DATABASE_UNAVAILABLE_VIEW = "ki_portal.views.database_unavailable"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Staff sessions end when the browser closes, after STAFF_SESSION_IDLE_MINUTES without a
# request, and STAFF_SESSION_MAX_HOURS after the login at the latest
# (accounts.middleware.StaffSessionMiddleware). The stored session lives as long as the
# longest one may, so that the middleware can still say why it ended; clearsessions in the
# daily jobs deletes it afterwards.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STAFF_SESSION_IDLE_MINUTES = env_int("KI_STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_MAX_HOURS = env_int("KI_STAFF_SESSION_MAX_HOURS", 10)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_HOURS * 60 * 60

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    # The portal usually lives on a subdomain of the city's domain, whose other
    # subdomains other departments run: including them or preloading is the operator's call.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A self-service link in a log would let whoever reads it change or delete an entry.
    "filters": {"redact_link_tokens": {"()": "organisations.logs.RedactLinkTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_link_tokens"]}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
}
