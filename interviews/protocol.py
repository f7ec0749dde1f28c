"""Speak the interview's wire protocol (DESIGN.md §6): parse and build frames.

Pure: no Django, no I/O. The consumer hands each raw text frame to `parse`,
which returns a typed command (`Ping`, `Initialize`, `SubmitAnswer`, `End`) or a
`Refused` carrying the `error` frame to send (and the close code, when the
frame must end the connection). Every server frame is built here, stamped with
`timestamp`; nothing else writes a frame by hand::

    command = protocol.parse(raw, init_limit=max_body_bytes())
    if isinstance(command, protocol.Refused): send(command.frame)
    ...
    send(protocol.question(session_id=..., number=2, turn=turn))
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from interviews import state_machine as sm

Frame = dict[str, Any]

MAX_FRAME_BYTES = 64 * 1024
MAX_FRAMES_PER_SECOND = 20
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_BAD_REQUEST = 4400
CLOSE_DELETED = 4410
CLOSE_TOO_BIG = 1009


def app_close_code(code: int) -> int:
    """Return the 4xxx twin of a protocol close code (1009 -> 4009).

    For servers that let applications send only 1000 and 3000-4999 (daphne).
    """
    return code if code == 1000 or 3000 <= code <= 4999 else 4000 + code % 1000


# --- user-facing messages (asserted by tests) -----------------------------------

CONNECTED = "Connected to the OpenHire AI interview."
WELCOME = "Welcome to your AI interview. Send initialize_interview to begin."
INSTRUCTIONS = [
    "Send initialize_interview with job_description or job_id and your resume.",
    f"Answer each of the {sm.TOTAL_QUESTIONS} questions with submit_answer.",
    "Send end_interview to finish early; your answers so far are analysed.",
    "Send ping at any time; the server answers pong.",
]
INITIALIZED = "Interview initialised: {total} questions follow."
ANSWER_RECEIVED = "Answer received."
ANALYSIS_STARTED = "Analysing your interview..."
COMPLETED = "Interview completed. Thank you!"
ENDED_EARLY = "Interview ended early. Thank you; your answers so far were analysed."
FRAME_TOO_LARGE = (
    f"Frames are limited to {MAX_FRAME_BYTES // 1024} KB"
    " (initialize_interview: the upload limit)."
)
THROTTLED = (
    f"Too many messages: at most {MAX_FRAMES_PER_SECOND} per second."
    " This one was ignored."
)
NOT_JSON = "Frames must be JSON objects with a 'type'."
UNKNOWN_TYPE = (
    "Unknown message type {type!r}; send initialize_interview, submit_answer,"
    " end_interview or ping."
)
SESSION_DELETED = "This interview session was deleted."
INTERNAL_ERROR = "The server could not handle this message; please try again."
INIT_THROTTLED = "Too many interviews started; try again in {wait} seconds."
QUEUED = "Many interviews are running: you are number {position} in line, one moment."
SESSION_MISMATCH = (
    "session_id differs from the one this connection was opened with "
    "({session_id}); reconnect with ?session_id= to switch sessions."
)

# --- client -> server: typed commands ------------------------------------------------


@dataclass(frozen=True)
class Ping:
    """The client's `ping`."""


@dataclass(frozen=True)
class Initialize:
    """`initialize_interview`, its fields merged from `data` and the top level."""

    fields: dict[str, Any]

    @property
    def candidate_id(self) -> Any:
        return self.fields.get("candidate_id")

    @property
    def session_id(self) -> Any:
        return self.fields.get("session_id")

    @property
    def stream(self) -> bool:
        """Say whether the client asked for `question_delta` frames (`"stream": true`)."""
        return self.fields.get("stream") is True


@dataclass(frozen=True)
class SubmitAnswer:
    """`submit_answer {answer}` (the answer is validated by the state machine)."""

    answer: Any


@dataclass(frozen=True)
class End:
    """`end_interview`."""


@dataclass(frozen=True)
class Refused:
    """A frame that is answered with `frame` (an error), then `close` if set."""

    frame: Frame
    close: int | None = None


Command = Ping | Initialize | SubmitAnswer | End | Refused


def parse(raw: str | bytes, *, init_limit: int) -> Command:
    """Return the command of one client frame; a `Refused` when it is not one.

    `initialize_interview` may be up to `init_limit` bytes (a resume as a data
    URL); every other frame up to `MAX_FRAME_BYTES`. Oversized frames close the
    connection (1009) after their `error` frame; any other fault leaves it open.
    """
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    size = len(raw) if isinstance(raw, bytes) else len(text.encode("utf-8"))
    too_large = Refused(error(FRAME_TOO_LARGE, "frame_too_large"), CLOSE_TOO_BIG)
    if size > init_limit:
        return too_large
    try:
        content = json.loads(text)
    except (ValueError, RecursionError):
        content = None
    if not isinstance(content, dict) or not isinstance(content.get("type"), str):
        return Refused(error(NOT_JSON, "invalid_json"))
    kind = content["type"]
    if size > MAX_FRAME_BYTES and kind != "initialize_interview":
        return too_large
    data = content.get("data") if isinstance(content.get("data"), dict) else {}
    fields = {**content, **data}
    if kind == "ping":
        return Ping()
    if kind == "initialize_interview":
        return Initialize(fields)
    if kind == "submit_answer":
        return SubmitAnswer(fields.get("answer"))
    if kind == "end_interview":
        return End()
    return Refused(error(UNKNOWN_TYPE.format(type=kind[:40]), "unknown_type"))


@dataclass
class FrameRate:
    """Count one socket's frames: at most `MAX_FRAMES_PER_SECOND` in any second."""

    recent: deque[float] = field(default_factory=deque)

    def allows(self, now: float | None = None) -> bool:
        """Record a frame at `now` and say whether it is within the rate."""
        now = time.monotonic() if now is None else now
        while self.recent and now - self.recent[0] > 1.0:
            self.recent.popleft()
        if len(self.recent) >= MAX_FRAMES_PER_SECOND:
            return False
        self.recent.append(now)
        return True


# --- server -> client: every frame ----------------------------------------------------


def _frame(type_: str, **fields: Any) -> Frame:
    now = dt.datetime.now(dt.UTC).isoformat()
    return {"type": type_, **fields, "timestamp": now}


def error(message: str, code: str, **extra: Any) -> Frame:
    return _frame("error", message=message, code=code, **extra)


def pong() -> Frame:
    return _frame("pong")


def throttled() -> Frame:
    return error(THROTTLED, "throttled")


def init_throttled(wait: int) -> Frame:
    return error(INIT_THROTTLED.format(wait=wait), "throttled", retry_after=wait)


def session_mismatch(session_id: str) -> Frame:
    return error(SESSION_MISMATCH.format(session_id=session_id), "session_mismatch")


def session_deleted() -> Frame:
    return error(SESSION_DELETED, "session_deleted")


def internal_error() -> Frame:
    return error(INTERNAL_ERROR, "internal_error")


def greeting(session_id: str) -> list[Frame]:
    """Return `connection_success` then `welcome`, the first frames of a socket."""
    return [
        _frame("connection_success", message=CONNECTED, session_id=session_id),
        _frame(
            "welcome",
            message=WELCOME,
            session_id=session_id,
            instructions=INSTRUCTIONS,
        ),
    ]


def initialized(session_id: str) -> Frame:
    return _frame(
        "interview_initialized",
        session_id=session_id,
        message=INITIALIZED.format(total=sm.TOTAL_QUESTIONS),
        total_questions=sm.TOTAL_QUESTIONS,
    )


def question(session_id: str, state: sm.InterviewState) -> Frame:
    """Return the `question` frame of the state's asked, unanswered question."""
    turn = state.current_turn
    assert turn is not None, "no question is waiting for an answer"
    return _frame(
        "question",
        question=turn.question,
        question_number=state.question_number,
        total_questions=sm.TOTAL_QUESTIONS,
        question_type=turn.question_type,
        session_id=session_id,
    )


def status(session_id: str, position: int) -> Frame:
    """Tell a waiting client its place in the line for the model (additive frame)."""
    return _frame(
        "status",
        message=QUEUED.format(position=position),
        position=position,
        session_id=session_id,
    )


def question_delta(session_id: str, question_number: int, delta: str) -> Frame:
    """Carry a piece of the question as the model writes it (`"stream": true` only)."""
    return _frame(
        "question_delta",
        delta=delta,
        question_number=question_number,
        session_id=session_id,
    )


def answer_received(session_id: str) -> Frame:
    return _frame("answer_received", message=ANSWER_RECEIVED, session_id=session_id)


def analysis_started(session_id: str) -> Frame:
    return _frame("analysis_started", message=ANALYSIS_STARTED, session_id=session_id)


def completed(session_id: str, analysis: dict | None, *, ended_early: bool) -> Frame:
    return _frame(
        "interview_completed",
        analysis=analysis,
        session_id=session_id,
        message=ENDED_EARLY if ended_early else COMPLETED,
    )
