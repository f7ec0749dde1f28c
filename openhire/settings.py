"""Django settings for OpenHire, read from the environment only (DESIGN.md §3).

Defaults are the embedded mode: SQLite under `var/`, the in-memory channel layer
and the offline AI engine. `DATABASE_URL` and `REDIS_URL` switch to PostgreSQL and
Redis. Junk values stop the server at start-up with a sentence naming the variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ai.engines import (
    DEFAULT_MAX_CONCURRENCY,
    check_vocabulary_dirs,
    parse_engine_spec,
)
from ai.engines import configure as configure_ai_engines
from openhire.env import env_bool, env_float, env_int, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("OPENHIRE_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

# --- secret key ---------------------------------------------------------------
# Placeholders that must never run in production (the .env.example value and
# Django's own insecure prefix).
INSECURE_SECRET_KEYS = {"change-me", "changeme", "secret", "dev"}


def _secret_key() -> str:
    """Return SECRET_KEY, or one generated once and kept in var/secret_key."""
    configured = env_str("SECRET_KEY")
    if configured:
        insecure = (
            configured in INSECURE_SECRET_KEYS
            or configured.startswith("django-insecure")
            or len(configured) < 32
        )
        if insecure and not DEBUG:
            raise ImproperlyConfigured(
                "SECRET_KEY is a placeholder or shorter than 32 characters; production "
                "(DEBUG=0) refuses to start with it. Set a long random SECRET_KEY, or "
                "unset it to have one generated in var/secret_key."
            )
        return configured
    key_file = VAR_DIR / "secret_key"
    try:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text().strip()
    except OSError as exc:
        raise ImproperlyConfigured(
            f"SECRET_KEY is not set and {key_file} cannot be created ({exc.strerror}); "
            "set SECRET_KEY."
        ) from None
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"]
)

# --- apps ---------------------------------------------------------------------
PROJECT_APPS = [
    "openhire",
    "accounts",
    "jobs",
    "webhooks",
    "resumes",
    "interviews",
    "chat",
    "hiring",
    "fairness",
]

INSTALLED_APPS = [
    "daphne",
    "accounts.admin_config.OpenHireAdminConfig",  # django.contrib.admin (issue 6)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "django_tasks",
    "django_tasks_db",
    *PROJECT_APPS,
]

MIDDLEWARE = [
    "openhire.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "openhire.csp.CSPMiddleware",
    "openhire.middleware.StaticFilesMiddleware",  # WhiteNoise, async capable
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "openhire.urls"
ASGI_APPLICATION = "openhire.asgi.application"
# Who the WebSocket caller is (accounts owns identity; the project names it only).
OPENHIRE_WS_AUTH_MIDDLEWARE = "accounts.ws_auth.TokenAuthMiddleware"
WSGI_APPLICATION = None
AUTH_USER_MODEL = "accounts.User"
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------
SQLITE_OPTIONS = {
    # WAL lets readers work while one writer commits; IMMEDIATE transactions and
    # a busy timeout make concurrent writers wait instead of failing "locked".
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def _database() -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "openhire.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
            "TEST": {"NAME": None},
        }
    try:
        config = dj_database_url.parse(url)
    except Exception:  # dj-database-url raises several types for junk URLs
        raise ImproperlyConfigured(
            "DATABASE_URL is not a database URL; use sqlite:////abs/path.db or "
            "postgres://user@host:5432/name."
        ) from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # A connection pool per worker process: ASGI requests would otherwise open
        # a new connection each (persistent connections do not suit async servers).
        pool_max = env_int("OPENHIRE_DB_POOL_MAX", 10, minimum=0, maximum=500)
        options = config.setdefault("OPTIONS", {})
        if pool_max:
            options["pool"] = {"min_size": 1, "max_size": pool_max, "timeout": 10}
        config["CONN_MAX_AGE"] = 0
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL names {config['ENGINE']}; OpenHire supports SQLite and PostgreSQL."
        )
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- channels and cache ---------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "REDIS_URL must start with redis://, rediss:// or unix://."
        )
    # redis-py 8 caps a pool at 100 connections and fails beyond (a burst of
    # sockets joining their session groups needs more), and its 5 s default read
    # timeout equals channels-redis' 5 s blocking receive: under load the receive
    # times out and the socket dies with 1011. Both are raised here.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": 30,
                        "max_connections": env_int(
                            "OPENHIRE_REDIS_MAX_CONNECTIONS",
                            2000,
                            minimum=10,
                            maximum=100000,
                        ),
                    }
                ],
                "capacity": 1500,
                "expiry": 30,
            },
        }
    }
    _SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "openhire",
    }
    CACHES = {"default": _SHARED_CACHE}
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # Throttle counts and WebSocket tickets must be shared by every worker: the
    # database cache (`manage.py createcachetable`, run by `make migrate`).
    _SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "openhire_cache",
        "KEY_PREFIX": "openhire",
        # Socket counts are incremented in place; a write keeps them this long.
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# `throttle`: rate-limit counts, WebSocket tickets and socket counts (shared).
CACHES["throttle"] = _SHARED_CACHE

# --- HTTP, CORS, static -----------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list(
    "OPENHIRE_CORS_ORIGINS", ["http://localhost:3000", "http://127.0.0.1:3000"]
)
for _origin in CORS_ALLOWED_ORIGINS:
    if not _origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"OPENHIRE_CORS_ORIGINS has {_origin!r}; each origin is scheme://host[:port]."
        )
CORS_EXPOSE_HEADERS = ["Link", "X-Total-Count", "Retry-After", "X-Request-ID"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
WHITENOISE_USE_FINDERS = True  # serve app static files without collectstatic
try:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
except OSError:
    pass  # read-only deployments run collectstatic into a writable STATIC_ROOT
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

OPENHIRE_MAX_UPLOAD_MB = env_int("OPENHIRE_MAX_UPLOAD_MB", 10, minimum=1, maximum=100)

# Hiring decisions (issue 18): a rejection of a candidate an AI scored below this
# (0-10; 0 = off) needs a human reason.
OPENHIRE_REJECT_REASON_BELOW_SCORE = env_float(
    "OPENHIRE_REJECT_REASON_BELOW_SCORE", 5.0, minimum=0.0
)
# Adverse-impact report: groups with fewer people than this are suppressed.
OPENHIRE_IMPACT_MIN_GROUP = env_int(
    "OPENHIRE_IMPACT_MIN_GROUP", 5, minimum=1, maximum=1000
)
# Non-file request data may carry a base64 data: URL of the largest resume (resumes);
# A larger body is refused with 413 before it is read (openhire.middleware.BodySizeLimit).
DATA_UPLOAD_MAX_MEMORY_SIZE = OPENHIRE_MAX_UPLOAD_MB * 1024 * 1024 * 4 // 3 + 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# A request body whose next chunk takes longer than this is answered 408 (both servers).
OPENHIRE_BODY_TIMEOUT_S = env_float("OPENHIRE_BODY_TIMEOUT_S", 30.0, minimum=0.1)

# --- untrusted input (README "Untrusted input"; resumes/intake.py applies them) ---
# Resumes (PDF, DOCX) are parsed in a pool of worker processes (resumes/sandbox.py),
# each document within these limits; past one it is a 422 document_too_complex.
OPENHIRE_DOC_WORKERS = env_int("OPENHIRE_DOC_WORKERS", 2, minimum=1, maximum=64)
OPENHIRE_DOC_MAX_MEMORY_MB = env_int(
    "OPENHIRE_DOC_MAX_MEMORY_MB", 512, minimum=128, maximum=65536
)
OPENHIRE_DOC_MAX_CPU_S = env_int("OPENHIRE_DOC_MAX_CPU_S", 10, minimum=1, maximum=600)
OPENHIRE_DOC_TIMEOUT_S = env_float("OPENHIRE_DOC_TIMEOUT_S", 15.0, minimum=0.5)
OPENHIRE_DOC_MAX_PAGES = env_int("OPENHIRE_DOC_MAX_PAGES", 50, minimum=1, maximum=10000)
OPENHIRE_DOC_MAX_CHARS = env_int(
    "OPENHIRE_DOC_MAX_CHARS", 200_000, minimum=1000, maximum=50_000_000
)
OPENHIRE_DOC_MAX_PARAGRAPHS = env_int(
    "OPENHIRE_DOC_MAX_PARAGRAPHS", 20_000, minimum=100, maximum=10_000_000
)
# JSON bodies (and interview frames) nested deeper than this are a 400 / error frame.
OPENHIRE_JSON_MAX_DEPTH = env_int(
    "OPENHIRE_JSON_MAX_DEPTH", 64, minimum=8, maximum=1000
)

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- production posture ---------------------------------------------------------
# Behind TLS (directly or via a proxy that sets X-Forwarded-Proto), OPENHIRE_HTTPS=1
# turns on secure cookies, HSTS and the HTTP->HTTPS redirect.
OPENHIRE_HTTPS = env_bool("OPENHIRE_HTTPS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = OPENHIRE_HTTPS
CSRF_COOKIE_SECURE = OPENHIRE_HTTPS
SECURE_SSL_REDIRECT = OPENHIRE_HTTPS
SECURE_REDIRECT_EXEMPT = [r"^health$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = (
    env_int("OPENHIRE_HSTS_SECONDS", 31_536_000, minimum=0) if OPENHIRE_HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = OPENHIRE_HTTPS
SECURE_HSTS_PRELOAD = OPENHIRE_HTTPS
if OPENHIRE_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("OPENHIRE_CSRF_TRUSTED_ORIGINS", [])
# Content-Security-Policy (django-csp; openhire/csp.py adds the WebSocket origin).
# No inline script anywhere; inline styles stay allowed for the admin's widgets.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- identity -------------------------------------------------------------------
OPENHIRE_TRUST_CLIENT_IDS = env_bool("OPENHIRE_TRUST_CLIENT_IDS", False)
# API tokens expire this many days after creation (fixed, not sliding); 0 = never.
OPENHIRE_TOKEN_TTL_DAYS = env_int(
    "OPENHIRE_TOKEN_TTL_DAYS", 30, minimum=0, maximum=3650
)
# Recruiter sign-up: open | invite | approval (the default when DEBUG=0).
OPENHIRE_RECRUITER_SIGNUP = env_str("OPENHIRE_RECRUITER_SIGNUP") or (
    "open" if DEBUG else "approval"
)
if OPENHIRE_RECRUITER_SIGNUP not in ("open", "invite", "approval"):
    raise ImproperlyConfigured(
        f"OPENHIRE_RECRUITER_SIGNUP is {OPENHIRE_RECRUITER_SIGNUP!r}; use open, "
        "invite or approval."
    )
# Live WebSockets one user / one client address may hold at once (0 = no cap).
OPENHIRE_MAX_SOCKETS_PER_USER = env_int(
    "OPENHIRE_MAX_SOCKETS_PER_USER", 5, minimum=0, maximum=100_000
)
OPENHIRE_MAX_SOCKETS_PER_ADDRESS = env_int(
    "OPENHIRE_MAX_SOCKETS_PER_ADDRESS", 50, minimum=0, maximum=100_000
)
# Failed admin logins allowed per account and per address (then 429-style refusal).
OPENHIRE_THROTTLE_ADMIN_LOGIN = env_rate("OPENHIRE_THROTTLE_ADMIN_LOGIN", "5/minute")
OPENHIRE_THROTTLE_ADMIN_LOGIN_IP = env_rate(
    "OPENHIRE_THROTTLE_ADMIN_LOGIN_IP", "20/minute"
)
# `manage.py purge_data` deletes interviews, applications and their files older
# than this many days (0 = keep forever).
OPENHIRE_RETENTION_DAYS = env_int("OPENHIRE_RETENTION_DAYS", 0, minimum=0)
OPENHIRE_ENABLE_TEST_ENDPOINTS = (
    env_bool("OPENHIRE_ENABLE_TEST_ENDPOINTS", False) or DEBUG
)
PORT = env_int("PORT", 8000, minimum=1, maximum=65535)

# --- REST framework -----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.identity.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "openhire.jsonload.JSONParser",  # with the depth cap (OPENHIRE_JSON_MAX_DEPTH)
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "openhire.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # Every rate is read by openhire/throttling.py, which also decides the
    # client address (OPENHIRE_NUM_PROXIES); DRF's own NUM_PROXIES stays unused.
}
# 0: never believe X-Forwarded-For; N: the N-th address from its right.
OPENHIRE_NUM_PROXIES = env_int("OPENHIRE_NUM_PROXIES", 0, minimum=0, maximum=10)
OPENHIRE_THROTTLE_SIGNUP = env_rate("OPENHIRE_THROTTLE_SIGNUP", "60/minute")

SPECTACULAR_SETTINGS = {
    "TITLE": "OpenHire API",
    "DESCRIPTION": "Open-source hiring backend: jobs, resume review, AI interviews.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # /openapi.json and /docs are public: a stale token is no reason to refuse them.
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "JobStatusEnum": "jobs.models.JobStatus.choices",
        "ApplicationStatusEnum": "resumes.models.ApplicationStatus.choices",
        "ApplicationStageEnum": "resumes.models.STAGE_CHOICES",
        "HealthStatusEnum": ["healthy", "unhealthy"],
        "WebhookEventEnum": "webhooks.models.WebhookEvent.choices",
        "DeliveryStatusEnum": "webhooks.models.DeliveryStatus.choices",
        "RescreenStatusEnum": "resumes.models.RescreenStatus.choices",
    },
}

# --- AI engine ----------------------------------------------------------------------
OPENHIRE_LLM = env_str("OPENHIRE_LLM", "offline") or "offline"
try:
    parse_engine_spec(OPENHIRE_LLM)
except ValueError as exc:
    raise ImproperlyConfigured(str(exc)) from None
OPENHIRE_LLM_BASE_URL = env_str("OPENHIRE_LLM_BASE_URL")
OPENAI_API_KEY = env_str("OPENAI_API_KEY")
OPENHIRE_LLM_TIMEOUT_S = env_float("OPENHIRE_LLM_TIMEOUT_S", 30.0, minimum=0.1)
# Model calls in flight per process and provider; later calls queue (FIFO). At
# most 1000: the OpenAI client's connection pool holds no more.
OPENHIRE_LLM_MAX_CONCURRENCY = env_int(
    "OPENHIRE_LLM_MAX_CONCURRENCY", DEFAULT_MAX_CONCURRENCY, minimum=1, maximum=1000
)
# A model engine needs a key, or a base URL for a server that needs none.
if (
    OPENHIRE_LLM.startswith("openai:")
    and not OPENAI_API_KEY
    and not OPENHIRE_LLM_BASE_URL
):
    raise ImproperlyConfigured(
        f"OPENHIRE_LLM={OPENHIRE_LLM} needs OPENAI_API_KEY, or OPENHIRE_LLM_BASE_URL "
        "for an OpenAI-compatible server that needs no key (e.g. Ollama)."
    )
# `ai/` knows no Django: it reads these settings (overrides included) through
# the lazy settings object, on each call.
from django.conf import settings as _live_settings  # noqa: E402

configure_ai_engines(_live_settings)
# Directories of extra field vocabularies (JSON, like ai/offline/vocabularies/),
# separated by commas; a broken file fails here, at start-up.
OPENHIRE_VOCABULARY_DIRS = env_list("OPENHIRE_VOCABULARY_DIRS", [])
try:
    check_vocabulary_dirs(OPENHIRE_VOCABULARY_DIRS)
except ValueError as exc:
    raise ImproperlyConfigured(str(exc)) from None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("OPENHIRE_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own request logger repeats what openhire.request already says.
        "django.request": {"level": "ERROR"},
        # httpx logs request URLs at INFO; a base URL may carry credentials. The
        # openai SDK 3.x sends through httpx2 (its own logger names).
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
        "httpx2": {"level": "WARNING"},
        "httpcore2": {"level": "WARNING"},
        "openai": {"level": "WARNING"},
    },
}

# --- AI throttles (openhire/throttling.py) -------------------------------------------
# Per caller (per user, or per IP when anonymous) for each endpoint that spends
# model calls, plus one per-IP budget for each of them.
OPENHIRE_THROTTLE_AI = env_rate("OPENHIRE_THROTTLE_AI", "30/minute")  # /review-resume
OPENHIRE_THROTTLE_CHAT = env_rate("OPENHIRE_THROTTLE_CHAT", "30/minute")  # /chat
OPENHIRE_THROTTLE_INTERVIEW = env_rate("OPENHIRE_THROTTLE_INTERVIEW", "10/minute")
OPENHIRE_THROTTLE_AI_IP = env_rate("OPENHIRE_THROTTLE_AI_IP", "120/minute")
# Job writes (POST /jobs, PUT/PATCH/DELETE /jobs/{id}), per user or per IP.
OPENHIRE_THROTTLE_WRITES = env_rate("OPENHIRE_THROTTLE_WRITES", "120/minute")

# --- interviews ---------------------------------------------------------------------
# Unfinished interviews idle this long expire (lazily, and by `expire_interviews`).
OPENHIRE_INTERVIEW_IDLE_MINUTES = env_int(
    "OPENHIRE_INTERVIEW_IDLE_MINUTES", 30, minimum=1, maximum=7 * 24 * 60
)

# --- background tasks (README "Background work") ---------------------------------------
# Django's Tasks API (the django-tasks backport). `immediate` runs each task in the
# process that enqueued it, once the transaction commits: the embedded default,
# nothing else to start. `database` stores tasks in the database for `make worker`
# (`manage.py db_worker`) processes: the scaled-out setup.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
OPENHIRE_TASKS = env_str("OPENHIRE_TASKS", "immediate") or "immediate"
if OPENHIRE_TASKS not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"OPENHIRE_TASKS is {OPENHIRE_TASKS!r}; use " + " or ".join(TASK_BACKENDS) + "."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[OPENHIRE_TASKS]}}

# --- webhooks ----------------------------------------------------------------------
# Test/dev only: lets endpoints be http:// and resolve to private or loopback
# addresses (a local receiver). Off, such URLs are refused (SSRF).
OPENHIRE_WEBHOOKS_ALLOW_PRIVATE = env_bool("OPENHIRE_WEBHOOKS_ALLOW_PRIVATE", False)
# Seconds to connect to, and then to hear back from, a receiver.
OPENHIRE_WEBHOOK_TIMEOUT_S = env_float("OPENHIRE_WEBHOOK_TIMEOUT_S", 10.0, minimum=0.1)

# --- batch rescreen ----------------------------------------------------------------
# A rescreen with no progress for this long counts as stalled (its worker died):
# POST /jobs/{id}/rescreen then resumes it with the applications still unscored.
OPENHIRE_RESCREEN_STALL_S = env_int(
    "OPENHIRE_RESCREEN_STALL_S", 300, minimum=1, maximum=7 * 24 * 3600
)
