"""The hiring pipeline as one table: stages, legal moves, and the legacy status.

An application moves `applied → screened → interview → offer → hired`; a
recruiter may skip ahead (a referral goes straight to `interview`) but never
back, and may reject from any stage that is not final. The candidate may only
withdraw. `hired`, `rejected` and `withdrawn` are final. Pure: no Django.

Stage and status. `stage` is the truth; `status` is the older, finer spelling
of it that the original clients send and read (both stay on the wire). Each
status names one stage (`STATUS_STAGE`); each stage has the status a move to it
writes (`STAGE_STATUS`). `PATCH {status}` is a move to the status's stage under
the same rules and the same ledger; a status of the current stage (the
`interview` stage's `interview_scheduled` → `interviewed`) changes only the
status and is not a move.

Use: `move_error(current, target, mover)` returns None or a `MoveRefused`.
"""

from __future__ import annotations

from dataclasses import dataclass

APPLIED = "applied"
SCREENED = "screened"
INTERVIEW = "interview"
OFFER = "offer"
HIRED = "hired"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"

STAGES = (APPLIED, SCREENED, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN)
PIPELINE = (APPLIED, SCREENED, INTERVIEW, OFFER, HIRED)  # the order of progress
FINAL = frozenset({HIRED, REJECTED, WITHDRAWN})

RECRUITER = "recruiter"
CANDIDATE = "candidate"

# stage -> the stages a recruiter may move it to. The one table of legal moves.
MOVES: dict[str, tuple[str, ...]] = {
    APPLIED: (SCREENED, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN),
    SCREENED: (INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN),
    INTERVIEW: (OFFER, HIRED, REJECTED, WITHDRAWN),
    OFFER: (HIRED, REJECTED, WITHDRAWN),
    HIRED: (),
    REJECTED: (),
    WITHDRAWN: (),
}
# The candidate's only move: withdrawing, from any stage that is not final.
CANDIDATE_MOVES = frozenset({WITHDRAWN})

# status -> the stage it names (the original clients' vocabulary).
STATUS_STAGE: dict[str, str] = {
    "applied": APPLIED,
    "reviewing": SCREENED,
    "interview_scheduled": INTERVIEW,
    "interviewed": INTERVIEW,
    "offer": OFFER,
    "hired": HIRED,
    "rejected": REJECTED,
    "withdrawn": WITHDRAWN,
}
# stage -> the status a move to it writes.
STAGE_STATUS: dict[str, str] = {
    APPLIED: "applied",
    SCREENED: "reviewing",
    INTERVIEW: "interview_scheduled",
    OFFER: "offer",
    HIRED: "hired",
    REJECTED: "rejected",
    WITHDRAWN: "withdrawn",
}

MSG_ILLEGAL_MOVE = (
    "An application at stage “{current}” cannot move to “{target}”; "
    "allowed next stages: {allowed}."
)
MSG_FINAL = "none (“{current}” is final)"
MSG_RECRUITER_OR_WITHDRAW = (
    "Only the job's recruiter can change an application's status; a candidate "
    "can only withdraw their own application (stage “withdrawn”)."
)


@dataclass(frozen=True)
class MoveRefused:
    """Why a move is refused: a message, a code, and the stages that are allowed."""

    message: str
    code: str
    allowed: tuple[str, ...]


def allowed_moves(current: str, *, mover: str = RECRUITER) -> tuple[str, ...]:
    """Return the stages `mover` may move an application at `current` to."""
    moves = MOVES[current]
    if mover == CANDIDATE:
        return tuple(stage for stage in moves if stage in CANDIDATE_MOVES)
    return moves


def move_error(current: str, target: str, *, mover: str) -> MoveRefused | None:
    """Return why `mover` may not move `current` → `target`, or None when they may."""
    if mover == CANDIDATE and target not in CANDIDATE_MOVES:
        return MoveRefused(MSG_RECRUITER_OR_WITHDRAW, "not_owner", ())
    allowed = allowed_moves(current, mover=mover)
    if target in allowed:
        return None
    named = ", ".join(allowed) if allowed else MSG_FINAL.format(current=current)
    message = MSG_ILLEGAL_MOVE.format(current=current, target=target, allowed=named)
    return MoveRefused(message, "illegal_stage_move", allowed)


def stage_of_status(status: str) -> str:
    """Return the stage a legacy status names."""
    return STATUS_STAGE[status]


def status_after(*, current_status: str, target_stage: str) -> str:
    """Return the status to store at `target_stage` (the current one if it fits)."""
    if STATUS_STAGE.get(current_status) == target_stage:
        return current_status
    return STAGE_STATUS[target_stage]


def furthest(stages: object) -> str:
    """Return the furthest pipeline stage among the stages an application has held.

    `rejected` and `withdrawn` are not progress: an application rejected at
    interview has reached `interview`.
    """
    held = [stage for stage in stages if stage in PIPELINE]
    return max(held, key=PIPELINE.index, default=APPLIED)
