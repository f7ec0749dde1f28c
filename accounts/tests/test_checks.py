"""Trusted mode is announced loudly at start-up and reported by check --deploy."""

from __future__ import annotations

from accounts.checks import TRUSTED_MODE_WARNING, W001, check_trusted_mode
from openhire.testing import check_deploy


def test_trusted_mode_warns_at_start_up_and_fails_check_deploy(tmp_path):
    result = check_deploy(tmp_path, OPENHIRE_TRUST_CLIENT_IDS="1")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert W001 in output
    # The start-up log line names what is trusted.
    assert "TRUSTED MODE" in result.stderr and TRUSTED_MODE_WARNING in result.stderr
    assert "recruiter_id and candidate_id" in result.stderr


def test_the_check_is_silent_when_trusted_mode_is_off(settings):
    settings.OPENHIRE_TRUST_CLIENT_IDS = False
    assert check_trusted_mode() == []
    settings.OPENHIRE_TRUST_CLIENT_IDS = True
    (warning,) = check_trusted_mode()
    assert warning.id == W001 and warning.msg == TRUSTED_MODE_WARNING
