"""The signature recipe README documents, checked with exactly that code."""

import hashlib
import hmac
import time

from webhooks.signing import signature_header, signature_verify


def verify_as_readme_says(secret: str, header: str, body: bytes) -> bool:
    """The receiver's recipe from README "Webhooks", copied verbatim."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    timestamp = parts["t"]
    if abs(time.time() - int(timestamp)) > 300:
        return False
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def test_a_signature_verifies_with_the_documented_recipe():
    body = b'{"type":"review.completed"}'
    header = signature_header("whsec_abc", body)
    assert verify_as_readme_says("whsec_abc", header, body)
    assert signature_verify("whsec_abc", header, body)


def test_a_changed_body_or_wrong_secret_fails_verification():
    header = signature_header("whsec_abc", b"{}")
    assert not verify_as_readme_says("whsec_abc", header, b"{ }")
    assert not verify_as_readme_says("whsec_other", header, b"{}")


def test_an_old_timestamp_is_refused_as_a_replay():
    old = int(time.time()) - 3600
    header = signature_header("whsec_abc", b"{}", timestamp=old)
    assert not signature_verify("whsec_abc", header, b"{}")
    assert not verify_as_readme_says("whsec_abc", header, b"{}")


def test_the_dev_only_private_setting_is_reported_by_the_deploy_check(settings):
    from webhooks.checks import W002, check_webhooks_allow_private

    assert check_webhooks_allow_private() == []
    settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE = True
    assert [message.id for message in check_webhooks_allow_private()] == [W002]
