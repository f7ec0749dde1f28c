"""Human sign-off rules (pure): when a decision needs a human's written reason.

A rejection of a candidate whom an AI scored low must say, in a human's words,
why: the AI's score alone never rejects anyone. "Scored low" means the resume
review's score, or any finished interview's overall score, is below
`OPENHIRE_REJECT_REASON_BELOW_SCORE` (0-10; 0 switches the rule off).
"""

from __future__ import annotations

from collections.abc import Iterable

from resumes.stages import REJECTED

MSG_REASON_REQUIRED = (
    "An AI scored this candidate {score} of 10, below {threshold}: a rejection "
    "needs a reason in your own words (send `reason`)."
)


def lowest_ai_score(scores: Iterable[float | None]) -> float | None:
    """Return the lowest AI score given, or None when there is none."""
    present = [float(score) for score in scores if score is not None]
    return min(present, default=None)


def reason_required_error(
    *, target: str, ai_scores: Iterable[float | None], threshold: float, reason: str
) -> str | None:
    """Return why this move needs a human reason it lacks, or None when it is fine."""
    if target != REJECTED or reason.strip() or threshold <= 0:
        return None
    lowest = lowest_ai_score(ai_scores)
    if lowest is None or lowest >= threshold:
        return None
    shown = f"{lowest:g}"
    return MSG_REASON_REQUIRED.format(score=shown, threshold=f"{threshold:g}")
