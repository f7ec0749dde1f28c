"""The interview state machine, table-driven; no database."""

from __future__ import annotations

import json

import pytest

from interviews import state_machine as sm
from interviews.state_machine import (
    AnalysisFinished,
    Answer,
    EndInterview,
    Expire,
    IllegalMove,
    Initialize,
    InterviewState,
    QuestionAsked,
)


def asked(state: InterviewState) -> InterviewState:
    return state.apply(QuestionAsked(f"Question {state.question_number}?"))


def state_at(phase: str, *, ended_early: bool = False) -> InterviewState:
    """Walk a new interview legally until it reaches `phase` (question asked)."""
    state = InterviewState()
    if phase == sm.WAITING:
        return state
    if phase == sm.EXPIRED:
        return state.apply(Expire())
    state = asked(state.apply(Initialize()))
    if phase == sm.ENDED_EARLY:
        ended_early = True
    if ended_early and phase in (sm.ANALYSING, sm.ENDED_EARLY):
        state = state.apply(Answer("An answer.")).apply(EndInterview())
        return state.apply(AnalysisFinished()) if phase == sm.ENDED_EARLY else state
    while state.phase != phase:
        if state.phase == sm.ANALYSING:
            state = state.apply(AnalysisFinished())
            continue
        state = state.apply(Answer(f"Answer {state.question_number}."))
        if state.needs_question:
            state = asked(state)
    return state


def test_a_full_interview_asks_the_five_questions_in_order():
    state = InterviewState().apply(Initialize())
    seen = []
    for number in range(1, 6):
        assert state.needs_question and state.question_number == number
        state = asked(state)
        seen.append(state.current_turn.question_type)
        state = state.apply(Answer(f"My answer {number}"))
    assert seen == list(sm.QUESTION_PHASES)
    assert state.phase == sm.ANALYSING and not state.ended_early
    state = state.apply(AnalysisFinished())
    assert state.phase == sm.COMPLETED and state.is_finished
    assert [t.answer for t in state.turns] == [f"My answer {n}" for n in range(1, 6)]
    assert state.progress_percentage == 100


def test_ending_early_keeps_what_was_answered_and_finishes_as_ended_early():
    state = state_at(sm.FOLLOW_UP).apply(EndInterview())
    assert state.phase == sm.ANALYSING and state.ended_early
    assert len(state.answered_turns) == 2
    assert state.apply(AnalysisFinished()).phase == sm.ENDED_EARLY


@pytest.mark.parametrize(
    ("phase", "event", "message", "code"),
    [
        (sm.WAITING, Answer("hi"), sm.NOT_INITIALIZED, "not_initialized"),
        (sm.WAITING, EndInterview(), sm.NOT_INITIALIZED, "not_initialized"),
        (sm.WAITING, QuestionAsked("q"), sm.NOT_INITIALIZED, "not_initialized"),
        (sm.WAITING, AnalysisFinished(), sm.NOT_ANALYSING, "not_analysing"),
        (sm.GREETING, Initialize(), sm.ALREADY_INITIALIZED, "already_initialized"),
        (sm.SCENARIO, Initialize(), sm.ALREADY_INITIALIZED, "already_initialized"),
        (sm.SCENARIO, AnalysisFinished(), sm.NOT_ANALYSING, "not_analysing"),
        (sm.ANALYSING, Answer("six"), sm.ANALYSIS_IN_PROGRESS, "analysis_in_progress"),
        (sm.ANALYSING, Initialize(), sm.ALREADY_INITIALIZED, "already_initialized"),
        (sm.ANALYSING, EndInterview(), sm.ANALYSIS_IN_PROGRESS, "analysis_in_progress"),
        (sm.ANALYSING, Expire(), sm.ANALYSIS_IN_PROGRESS, "analysis_in_progress"),
        (sm.COMPLETED, Answer("six"), sm.INTERVIEW_FINISHED, "interview_finished"),
        (sm.COMPLETED, Initialize(), sm.INTERVIEW_FINISHED, "interview_finished"),
        (sm.COMPLETED, EndInterview(), sm.INTERVIEW_FINISHED, "interview_finished"),
        (sm.COMPLETED, Expire(), sm.INTERVIEW_FINISHED, "interview_finished"),
        (sm.EXPIRED, Answer("late"), sm.SESSION_EXPIRED, "session_expired"),
        (sm.EXPIRED, Initialize(), sm.SESSION_EXPIRED, "session_expired"),
        (sm.EXPIRED, Expire(), sm.SESSION_EXPIRED, "session_expired"),
    ],
)
def test_it_refuses_illegal_events_with_a_user_facing_message(
    phase, event, message, code
):
    state = state_at(phase)
    assert state.phase == phase
    with pytest.raises(IllegalMove) as caught:
        state.apply(event)
    assert (caught.value.message, caught.value.code) == (message, code)


def test_it_rejects_a_sixth_answer():
    state = state_at(sm.COMPLETED)
    with pytest.raises(IllegalMove) as caught:
        state.apply(Answer("one more thing"))
    assert caught.value.message == sm.INTERVIEW_FINISHED


def test_it_rejects_an_answer_before_the_question_is_asked():
    state = InterviewState().apply(Initialize())
    with pytest.raises(IllegalMove) as caught:
        state.apply(Answer("too soon"))
    assert caught.value.code == "question_not_asked"


def test_it_refuses_to_ask_the_same_question_twice():
    state = asked(InterviewState().apply(Initialize()))
    with pytest.raises(IllegalMove) as caught:
        state.apply(QuestionAsked("again?"))
    assert caught.value.message == sm.QUESTION_ALREADY_ASKED


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", sm.EMPTY_ANSWER),
        ("   \n ", sm.EMPTY_ANSWER),
        (None, sm.EMPTY_ANSWER),
        (42, sm.EMPTY_ANSWER),
        ("x" * (sm.MAX_ANSWER_CHARS + 1), sm.ANSWER_TOO_LONG),
    ],
)
def test_it_rejects_empty_non_text_and_oversized_answers(answer, message):
    state = asked(InterviewState().apply(Initialize()))
    with pytest.raises(IllegalMove) as caught:
        state.apply(Answer(answer))
    assert caught.value.message == message
    assert state.current_turn.answer == ""


def test_an_answer_of_exactly_the_limit_is_accepted():
    state = asked(InterviewState().apply(Initialize()))
    state = state.apply(Answer("y" * sm.MAX_ANSWER_CHARS))
    assert len(state.turns[0].answer) == sm.MAX_ANSWER_CHARS


@pytest.mark.parametrize("phase", [sm.WAITING, *sm.QUESTION_PHASES])
def test_an_idle_interview_can_expire_before_it_finishes(phase):
    assert state_at(phase).apply(Expire()).phase == sm.EXPIRED


def test_every_table_entry_leads_to_a_known_phase():
    for (phase, event_type), target in sm.TRANSITIONS.items():
        assert phase in sm.PHASES and target in sm.PHASES
        assert event_type in (
            Initialize,
            QuestionAsked,
            Answer,
            EndInterview,
            AnalysisFinished,
            Expire,
        )


@pytest.mark.parametrize("phase", sm.PHASES)
def test_the_state_survives_a_round_trip_through_json(phase):
    state = state_at(phase)
    assert InterviewState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


def test_an_ended_early_state_survives_a_round_trip():
    state = state_at(sm.ENDED_EARLY, ended_early=True)
    assert InterviewState.from_dict(state.to_dict()) == state


def test_an_empty_stored_state_is_a_new_interview():
    assert InterviewState.from_dict({}) == InterviewState()
    assert InterviewState.from_dict(None).phase == sm.WAITING


@pytest.mark.parametrize(
    "data",
    [
        {"phase": "dancing", "turns": []},
        {"turns": []},
        {"phase": sm.GREETING, "turns": [{"answer": "no question"}]},
        {"phase": sm.GREETING, "turns": [{"question_type": "g", "question": "q"}] * 6},
    ],
)
def test_it_refuses_a_corrupt_stored_state(data):
    with pytest.raises(IllegalMove) as caught:
        InterviewState.from_dict(data)
    assert caught.value.message == sm.UNKNOWN_PHASE


def test_progress_counts_answered_questions():
    assert state_at(sm.WAITING).progress_percentage == 0
    assert state_at(sm.FOLLOW_UP).progress_percentage == 40
    assert state_at(sm.FOLLOW_UP).questions_asked == 3
    assert state_at(sm.EXPIRED).is_active is False
    assert state_at(sm.SCENARIO).is_active is True
