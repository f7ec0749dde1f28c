"""Production posture: deploy checks, security headers, request ids, quiet logs."""

import json
import logging

import pytest

from openhire.testing import check_deploy


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path):
    result = check_deploy(tmp_path)
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
