"""Helpers for interview tests: sockets, frames and a finished interview."""

from __future__ import annotations

from channels.testing import WebsocketCommunicator

from openhire.asgi import application

RESUME = (
    "Cara Candidate\n"
    "Backend engineer at Globex Corporation, 2019-2024.\n"
    "Migrated the billing service from MySQL to PostgreSQL with zero downtime.\n"
    "Led a team of four building REST APIs in Python and Django.\n"
)
JOB_TEXT = (
    "Senior Backend Engineer. Build our hiring APIs with Python, Django and "
    "PostgreSQL; run them on Kubernetes."
)
ANSWERS = (
    "I am a backend engineer with six years of Python and Django; I led a team of "
    "four and I want to build hiring products with a strong team.",
    "First I profiled the queries, then we ran both databases in parallel for two "
    "weeks because billing errors were not acceptable; latency dropped by 40%.",
    "The hardest part was keeping data in sync. I designed a nightly reconciliation "
    "job and learned to agree rollback criteria with stakeholders.",
    "First I would reproduce the failure and read the logs and metrics, then talk to "
    "the product manager about the risk and ship behind a feature flag.",
    "The trade-off is speed against safety; I would monitor the error rate and roll "
    "back if it stays above 1% for an hour, and keep the team informed.",
)
TIMEOUT = 5


def socket(
    query: str = "", origin: bytes = b"http://testserver"
) -> WebsocketCommunicator:
    """Return a communicator for /ws/ai-interview?<query> through the real ASGI stack."""
    path = "/ws/ai-interview" + (f"?{query}" if query else "")
    return WebsocketCommunicator(application, path, headers=[(b"origin", origin)])


async def receive(communicator: WebsocketCommunicator) -> dict:
    frame = await communicator.receive_json_from(timeout=TIMEOUT)
    assert "timestamp" in frame or frame["type"] == "pong", frame
    return frame


async def expect(communicator: WebsocketCommunicator, *types: str) -> list[dict]:
    """Receive one frame per type, asserting their order; return them."""
    frames = [await receive(communicator) for _ in types]
    assert [f["type"] for f in frames] == list(types), frames
    return frames


async def open_socket(query: str) -> WebsocketCommunicator:
    """Connect and read connection_success and welcome."""
    communicator = socket(query)
    connected, _ = await communicator.connect(timeout=TIMEOUT)
    assert connected
    await expect(communicator, "connection_success", "welcome")
    return communicator


def initialize_frame(**fields) -> dict:
    data = {"job_description": JOB_TEXT, "candidate_resume": RESUME, **fields}
    return {"type": "initialize_interview", "data": data}
