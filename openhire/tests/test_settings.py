"""Settings come from the environment; junk values stop start-up with a clear sentence."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from openhire.env import env_bool, env_int, env_rate

ROOT = Path(__file__).resolve().parents[2]


def test_env_helpers_reject_junk(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="out of range"):
        env_int("X_INT", 1, minimum=1)
    monkeypatch.setenv("X_RATE", "lots")
    with pytest.raises(ImproperlyConfigured, match="X_RATE"):
        env_rate("X_RATE", "1/minute")
    monkeypatch.setenv("X_BOOL", "yes")
    assert env_bool("X_BOOL") is True


def load_settings(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    environment.update(OPENHIRE_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import openhire.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "0", "SECRET_KEY": "change-me"}, "SECRET_KEY"),
        ({"DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
        ({"OPENHIRE_LLM": "magic"}, "OPENHIRE_LLM"),
        ({"OPENHIRE_MAX_UPLOAD_MB": "lots"}, "OPENHIRE_MAX_UPLOAD_MB"),
        ({"PORT": "99999"}, "PORT"),
        ({"OPENHIRE_CORS_ORIGINS": "example.com"}, "OPENHIRE_CORS_ORIGINS"),
        ({"OPENHIRE_DOC_MAX_MEMORY_MB": "16"}, "OPENHIRE_DOC_MAX_MEMORY_MB"),
        ({"OPENHIRE_DOC_MAX_CPU_S": "soon"}, "OPENHIRE_DOC_MAX_CPU_S"),
        ({"OPENHIRE_JSON_MAX_DEPTH": "0"}, "OPENHIRE_JSON_MAX_DEPTH"),
        ({"OPENHIRE_THROTTLE_WRITES": "many"}, "OPENHIRE_THROTTLE_WRITES"),
        ({"OPENHIRE_RECRUITER_SIGNUP": "anyone"}, "OPENHIRE_RECRUITER_SIGNUP"),
        ({"OPENHIRE_TOKEN_TTL_DAYS": "-1"}, "OPENHIRE_TOKEN_TTL_DAYS"),
        ({"OPENHIRE_NUM_PROXIES": "all"}, "OPENHIRE_NUM_PROXIES"),
        ({"OPENHIRE_MAX_SOCKETS_PER_USER": "many"}, "OPENHIRE_MAX_SOCKETS_PER_USER"),
    ],
)
def test_junk_configuration_fails_at_start_up_naming_the_variable(
    tmp_path, env, message
):
    result = load_settings(tmp_path, **env)
    assert result.returncode != 0
    assert message in result.stderr and "ImproperlyConfigured" in result.stderr


def test_without_a_secret_key_one_is_generated_once_and_kept(tmp_path):
    assert load_settings(tmp_path, DEBUG="0").returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert load_settings(tmp_path, DEBUG="0").returncode == 0
    assert (tmp_path / "secret_key").read_text() == key


def test_the_default_database_is_sqlite_and_database_url_switches(tmp_path):
    assert load_settings(tmp_path).stdout.strip() == "django.db.backends.sqlite3"
    pg = load_settings(tmp_path, DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert pg.stdout.strip() == "django.db.backends.postgresql"
