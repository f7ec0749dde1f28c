"""When a decision needs a human's written reason (the pure rule)."""

from __future__ import annotations

from hiring.signoff import MSG_REASON_REQUIRED, reason_required_error


def _error(target="rejected", scores=(3,), threshold=5.0, reason=""):
    return reason_required_error(
        target=target, ai_scores=scores, threshold=threshold, reason=reason
    )


def test_rejecting_a_low_scored_candidate_without_a_reason_is_refused():
    assert _error() == MSG_REASON_REQUIRED.format(score="3", threshold="5")


def test_the_lowest_of_the_review_and_interview_scores_counts():
    assert _error(scores=(8, 4.5, None)) == MSG_REASON_REQUIRED.format(
        score="4.5", threshold="5"
    )


def test_a_reason_a_score_at_the_threshold_no_score_or_another_move_pass():
    assert _error(reason="No work permit.") is None
    assert _error(reason="   ") is not None  # blank is no reason
    assert _error(scores=(5,)) is None
    assert _error(scores=(None,)) is None
    assert _error(target="interview") is None


def test_a_threshold_of_zero_switches_the_rule_off():
    assert _error(scores=(0,), threshold=0) is None
