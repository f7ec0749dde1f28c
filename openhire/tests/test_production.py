"""Production posture: deploy checks, security headers, request ids, quiet logs."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="p" * 20 + "-production-key-with-enough-entropy-1234",
        OPENHIRE_HTTPS="1",
        ALLOWED_HOSTS="hire.example.com",
        OPENHIRE_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_responses_carry_security_headers_and_a_request_id(api):
    response = api.get("/jobs")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_safe_client_request_id_is_echoed_and_a_hostile_one_replaced(api):
    assert api.get("/jobs", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    replaced = api.get("/jobs", HTTP_X_REQUEST_ID="bad\r\nid")["X-Request-ID"]
    assert replaced != "bad\r\nid" and len(replaced) == 32


@pytest.mark.django_db
def test_the_request_log_holds_no_token_or_body(
    client_for, recruiter, job_data, caplog
):
    caplog.set_level(logging.INFO, logger="openhire.request")
    secret_text = "SECRET-RESUME-TEXT"
    client_for(recruiter).post(
        f"/jobs?token={recruiter.token}",
        {**job_data, "description": secret_text},
        format="json",
    )
    lines = [r.getMessage() for r in caplog.records if r.name == "openhire.request"]
    assert lines, "a request line is logged"
    entry = json.loads(lines[-1])
    assert entry["path"] == "/jobs" and entry["status"] == 201
    assert entry["user_id"] == str(recruiter.id)
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert recruiter.token not in everything and secret_text not in everything


def test_trusted_mode_is_reported_by_check_deploy_and_logged_at_start_up(tmp_path):
    from accounts.checks import TRUSTED_MODE_WARNING, W001

    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="p" * 20 + "-production-key-with-enough-entropy-1234",
        OPENHIRE_HTTPS="1",
        ALLOWED_HOSTS="hire.example.com",
        OPENHIRE_VAR_DIR=str(tmp_path),
        OPENHIRE_TRUST_CLIENT_IDS="1",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert W001 in result.stdout + result.stderr
    assert TRUSTED_MODE_WARNING in result.stderr  # the start-up log line
