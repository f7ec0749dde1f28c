"""Trusted mode is announced loudly at start-up and reported by check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys

from accounts.checks import TRUSTED_MODE_WARNING, W001, check_trusted_mode
from openhire.testing import ROOT


def run_check(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    environment.update(
        DEBUG="0",
        SECRET_KEY="p" * 20 + "-production-key-with-enough-entropy-1234",
        OPENHIRE_HTTPS="1",
        ALLOWED_HOSTS="hire.example.com",
        OPENHIRE_VAR_DIR=str(tmp_path),
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_trusted_mode_warns_at_start_up_and_fails_check_deploy(tmp_path):
    result = run_check(tmp_path, OPENHIRE_TRUST_CLIENT_IDS="1")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert W001 in output
    # The start-up log line names what is trusted.
    assert "TRUSTED MODE" in result.stderr
    assert "recruiter_id and candidate_id" in result.stderr


def test_the_check_is_silent_when_trusted_mode_is_off(settings):
    settings.OPENHIRE_TRUST_CLIENT_IDS = False
    assert check_trusted_mode() == []
    settings.OPENHIRE_TRUST_CLIENT_IDS = True
    (warning,) = check_trusted_mode()
    assert warning.id == W001 and warning.msg == TRUSTED_MODE_WARNING
