"""Pure rules about who may do what (no Django, no I/O): easy to read and test.

- `signup_decision()`: what `OPENHIRE_RECRUITER_SIGNUP` (open | invite |
  approval) means for one sign-up.
- `interview_deletion_error()` / `interview_retake_error()`: a finished
  interview is a record; its candidate cannot delete or retake it (recruiters
  and the operator can archive it; a recruiter may allow a retake).
"""

from __future__ import annotations

from dataclasses import dataclass

SIGNUP_MODES = ("open", "invite", "approval")
INVITE_REQUIRED = (
    "Recruiter sign-up needs an invite from an existing recruiter or the "
    "operator: send it as `invite`."
)
RECORD_NOT_DELETABLE = (
    "A finished interview is a record: its candidate cannot delete it. "
    "The recruiter or the operator can archive it."
)
RETAKE_NOT_ALLOWED = (
    "You have already finished an interview for this job; a recruiter must "
    "allow a retake."
)


@dataclass(frozen=True)
class SignupDecision:
    """The outcome of a sign-up request under the configured mode."""

    approved: bool = True
    spends_invite: bool = False
    error: str = ""
    code: str = ""


def signup_decision(
    *, mode: str, is_recruiter: bool, has_invite: bool
) -> SignupDecision:
    """Decide a sign-up: candidates always pass; recruiters per `mode`.

    - open: approved at once;
    - invite: needs a valid invite (spent on success), then approved at once;
    - approval: created but not approved until an operator approves them;
      an invite, when given, approves at once.
    """
    if not is_recruiter or mode == "open":
        return SignupDecision()
    if has_invite:
        return SignupDecision(spends_invite=True)
    if mode == "invite":
        return SignupDecision(error=INVITE_REQUIRED, code="invite_required")
    return SignupDecision(approved=False)


def interview_deletion_error(
    *, caller_is_candidate: bool, finished: bool
) -> str | None:
    """Return why the caller may not delete this interview, or None when they may.

    The candidate may delete an unfinished interview (to start again) but not a
    finished one. The job's recruiter, and the gateway in trusted mode, may.
    """
    if caller_is_candidate and finished:
        return RECORD_NOT_DELETABLE
    return None


def interview_retake_error(
    *, finished_for_job: int, retakes_allowed: int
) -> str | None:
    """Return why a candidate may not start another interview for a job, or None."""
    if finished_for_job > retakes_allowed:
        return RETAKE_NOT_ALLOWED
    return None
