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


async def interview_drive(
    candidate,
    session_id: str,
    *,
    answers: tuple[str, ...] = ANSWERS,
    end: bool = False,
    **fields,
) -> list[dict]:
    """Take an interview through the public services as the consumer does.

    Initialises (fields override the job text and resume), answers `answers`,
    then ends early when `end`; returns every frame the client would receive.
    """
    from interviews import services

    frames: list[dict] = []

    async def step(awaitable) -> None:
        reply = await awaitable
        frames.extend(reply.frames)
        if reply.pending:
            await step(services.interview_advance(session_id=session_id))

    payload = {"job_description": JOB_TEXT, "candidate_resume": RESUME, **fields}
    await step(
        services.interview_initialize(
            session_id=session_id, candidate=candidate, payload=payload
        )
    )
    for text in answers:
        await step(
            services.interview_submit_answer(
                session_id=session_id, candidate=candidate, answer=text
            )
        )
    if end:
        await step(services.interview_end(session_id=session_id, candidate=candidate))
    return frames


def interview_take(candidate, session_id: str, **options) -> list[dict]:
    """Run `interview_drive` from a synchronous test (needs transaction=True)."""
    from asgiref.sync import async_to_sync

    return async_to_sync(interview_drive)(candidate, session_id, **options)


def interview_session_make(
    *, candidate, job=None, turns=(), finished: bool = False, **fields
):
    """Create a stored session directly (for admin and permission tests).

    `turns` are (question, answer) pairs of the first questions, in order;
    `finished` stores it analysed (ended early unless all five were answered).
    """
    from interviews import state_machine as sm
    from interviews.models import InterviewSession

    state = sm.InterviewState().apply(sm.Initialize())
    for question, answer in turns:
        state = state.apply(sm.QuestionAsked(question, at="2026-01-05T10:00:00+00:00"))
        state = state.apply(sm.Answer(answer, at="2026-01-05T10:01:00+00:00"))
    if finished:
        if state.phase != sm.ANALYSING:
            state = state.apply(sm.EndInterview())
        state = state.apply(sm.AnalysisFinished())
        fields.setdefault("analysis", {"overall_score": 7.0, "recommendation": "hire"})
    values = {
        "session_id": f"made-{InterviewSession.objects.count() + 1}",
        "job_title": job.title if job else "",
        "state": state.to_dict(),
        "interview_phase": state.phase,
        "questions_asked": state.questions_asked,
        "early_termination": state.ended_early,
        **fields,
    }
    return InterviewSession.objects.create(candidate=candidate, job=job, **values)
