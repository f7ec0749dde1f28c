"""The pure rules of a chat conversation."""

from __future__ import annotations

import pytest

from ai.types import ChatMessage
from chat.conversation import (
    BAD_CONTENT,
    BAD_MESSAGE,
    BAD_MESSAGES,
    EMPTY_INPUT,
    MAX_HISTORY,
    MAX_TOTAL_CHARS,
    TOO_LONG,
    TOO_MANY_MESSAGES,
    ConversationError,
    check_size,
    extended,
    message_type,
    parse_history,
    parse_user_input,
    without_echo,
)


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("system", "system"),
        ("human", "human"),
        ("ai", "ai"),
        ("user", "human"),
        ("assistant", "ai"),
        (" Assistant ", "ai"),
    ],
)
def test_message_types_and_their_aliases_are_accepted(given, canonical):
    assert message_type(given) == canonical


# {} and [] were a TypeError (a 500), found by the OpenAPI fuzz test.
@pytest.mark.parametrize("given", ["bot", "", None, 3, "tool", {}, {"a": 1}, []])
def test_other_message_types_are_rejected(given):
    with pytest.raises(ConversationError) as error:
        message_type(given)
    assert error.value.code == "invalid_message"


def test_history_entries_become_typed_messages():
    history = parse_history(
        [{"type": "user", "content": "hi", "id": 7}, {"type": "ai", "content": ""}]
    )
    assert history == [ChatMessage("human", "hi"), ChatMessage("ai", "")]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("not a list", BAD_MESSAGES),
        ([["human", "hi"]], BAD_MESSAGE),
        ([{"content": "hi"}], BAD_MESSAGE),
        ([{"type": "human", "content": 5}], BAD_CONTENT),
        ([{"type": "human"}], BAD_CONTENT),
    ],
)
def test_malformed_history_is_rejected_with_a_clear_message(raw, message):
    with pytest.raises(ConversationError) as error:
        parse_history(raw)
    assert error.value.message == message


def test_a_missing_history_is_an_empty_one():
    assert parse_history(None) == []


def test_a_hundred_messages_pass_and_a_hundred_and_one_do_not():
    entry = {"type": "human", "content": "x"}
    assert len(parse_history([entry] * MAX_HISTORY)) == MAX_HISTORY
    with pytest.raises(ConversationError) as error:
        parse_history([entry] * (MAX_HISTORY + 1))
    assert (error.value.message, error.value.code) == (
        TOO_MANY_MESSAGES,
        "too_many_messages",
    )


def test_the_size_limit_counts_the_history_and_the_new_message():
    history = [ChatMessage("human", "x" * (MAX_TOTAL_CHARS - 10))]
    check_size(user_input="y" * 10, history=history)
    with pytest.raises(ConversationError) as error:
        check_size(user_input="y" * 11, history=history)
    assert error.value.message == TOO_LONG


@pytest.mark.parametrize("raw", ["", "   \n", None, 42, ["hi"]])
def test_an_empty_or_non_text_user_input_is_rejected(raw):
    with pytest.raises(ConversationError) as error:
        parse_user_input(raw)
    assert (error.value.message, error.value.field) == (EMPTY_INPUT, "user_input")


def test_the_current_message_repeated_at_the_end_of_the_history_is_dropped():
    history = [
        ChatMessage("ai", "Hello"),
        ChatMessage("human", "How do I post a job? "),
    ]
    assert without_echo(history, "How do I post a job?") == history[:1]


def test_an_earlier_identical_message_or_an_ai_echo_is_kept():
    history = [ChatMessage("human", "hi"), ChatMessage("ai", "hi")]
    assert without_echo(history, "hi") == history


def test_extended_appends_the_new_human_and_ai_turns():
    assert extended([ChatMessage("system", "s")], user_input="q", response="a") == [
        {"type": "system", "content": "s"},
        {"type": "human", "content": "q"},
        {"type": "ai", "content": "a"},
    ]
