"""The pipeline's table: every (stage, target, mover) answered as documented."""

from __future__ import annotations

import pytest

from resumes import stages as st

FORWARD = {
    st.APPLIED: {st.SCREENED, st.INTERVIEW, st.OFFER, st.HIRED},
    st.SCREENED: {st.INTERVIEW, st.OFFER, st.HIRED},
    st.INTERVIEW: {st.OFFER, st.HIRED},
    st.OFFER: {st.HIRED},
}


@pytest.mark.parametrize("current", st.STAGES)
@pytest.mark.parametrize("target", st.STAGES)
def test_a_recruiter_moves_forward_or_out_but_never_back_or_from_a_final_stage(
    current, target
):
    legal = current not in st.FINAL and (
        target in FORWARD.get(current, set()) or target in (st.REJECTED, st.WITHDRAWN)
    )
    refused = st.move_error(current, target, mover=st.RECRUITER)
    assert (refused is None) == legal
    if refused is not None:
        assert refused.code == "illegal_stage_move"
        assert refused.allowed == st.MOVES[current]


@pytest.mark.parametrize("current", st.STAGES)
@pytest.mark.parametrize("target", st.STAGES)
def test_a_candidate_may_only_withdraw_and_only_before_a_final_stage(current, target):
    refused = st.move_error(current, target, mover=st.CANDIDATE)
    legal = target == st.WITHDRAWN and current not in st.FINAL
    assert (refused is None) == legal
    if target != st.WITHDRAWN:
        assert refused.message == st.MSG_RECRUITER_OR_WITHDRAW


def test_an_illegal_move_names_the_allowed_next_stages():
    refused = st.move_error(st.OFFER, st.SCREENED, mover=st.RECRUITER)
    assert refused.message == (
        "An application at stage “offer” cannot move to “screened”; "
        "allowed next stages: hired, rejected, withdrawn."
    )


def test_a_final_stage_says_it_is_final():
    refused = st.move_error(st.HIRED, st.REJECTED, mover=st.RECRUITER)
    assert refused.allowed == ()
    assert "none (“hired” is final)" in refused.message


def test_every_status_names_a_stage_and_every_stage_a_status_of_its_own():
    assert set(st.STATUS_STAGE.values()) == set(st.STAGES)
    for stage, status in st.STAGE_STATUS.items():
        assert st.STATUS_STAGE[status] == stage


def test_a_status_of_the_current_stage_is_kept_and_another_stage_writes_its_own():
    assert (
        st.status_after(current_status="interviewed", target_stage=st.INTERVIEW)
        == "interviewed"
    )
    assert st.status_after(current_status="applied", target_stage=st.INTERVIEW) == (
        "interview_scheduled"
    )


def test_the_furthest_stage_ignores_rejection_and_withdrawal():
    assert st.furthest([st.APPLIED, st.INTERVIEW, st.REJECTED]) == st.INTERVIEW
    assert st.furthest([st.WITHDRAWN]) == st.APPLIED
    assert st.furthest([st.APPLIED, st.OFFER, st.SCREENED]) == st.OFFER
