"""POST one signed webhook body to an address `addresses.url_check` approved.

The connection goes to the checked IP address, while TLS still verifies the
certificate for the URL's host name (SNI and hostname check) and the `Host`
header names it: the receiver sees an ordinary request, and a DNS answer that
changed since the check is never used. Redirects are not followed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import urllib3

from webhooks.addresses import Target

RESPONSE_EXCERPT_BYTES = 1024
USER_AGENT = "OpenHire-Webhooks/1"


@dataclass(frozen=True)
class SendResult:
    """What one attempt got back: a status code and excerpt, or an error."""

    status_code: int | None
    response_excerpt: str
    error: str
    duration_ms: float

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _pool(target: Target, address: str, timeout_s: float) -> urllib3.HTTPConnectionPool:
    timeout = urllib3.Timeout(connect=timeout_s, read=timeout_s)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
    return urllib3.HTTPConnectionPool(
        address, target.port, timeout=timeout, retries=False, maxsize=1
    )


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


def webhook_post(
    target: Target, *, body: bytes, headers: dict[str, str], timeout_s: float
) -> SendResult:
    """POST `body` to the first checked address of `target`; never raise."""
    started = time.monotonic()
    all_headers = {
        "Host": _host_header(target),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **headers,
    }
    pool = _pool(target, target.addresses[0], timeout_s)
    try:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers=all_headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        excerpt = response.read(RESPONSE_EXCERPT_BYTES, decode_content=False)
        response.release_conn()
        return SendResult(
            response.status,
            excerpt.decode("utf-8", "replace"),
            "",
            (time.monotonic() - started) * 1000,
        )
    except urllib3.exceptions.HTTPError as exc:
        return SendResult(
            None, "", _error_text(exc), (time.monotonic() - started) * 1000
        )
    finally:
        pool.close()


def _error_text(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    return f"{type(exc).__name__}: {reason}"[:500]
