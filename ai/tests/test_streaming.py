"""Reading the question's text out of a JSON answer while it streams in."""

from __future__ import annotations

import json

import pytest

from ai.streaming import FieldStream

QUESTION = 'Say "why" \\ in 3 lines:\nemoji 😀, accents é, tab\there.'


def pieces(text: str, size: int) -> list[str]:
    return [text[start : start + size] for start in range(0, len(text), size)]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 64])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_pieces_add_up_to_the_field_however_the_answer_is_cut(size, ascii_only):
    answer = json.dumps(
        {"note": "x", "question": QUESTION, "after": "y"}, ensure_ascii=ascii_only
    )
    stream = FieldStream("question")
    out = [stream.feed(piece) for piece in pieces(answer, size)]
    assert "".join(out) == QUESTION
    assert stream.done


def test_nothing_is_sent_before_the_field_starts_or_after_it_ends():
    stream = FieldStream("question")
    assert stream.feed('{"other": "question", "ques') == ""
    assert stream.feed('tion" : "Hi') == "Hi"
    assert stream.feed('!"} trailing "question": "no"') == "!"
    assert stream.feed("more") == ""


def test_an_answer_that_is_not_json_streams_nothing():
    stream = FieldStream("question")
    assert stream.feed("Sure! Here is my question: what is Django?") == ""
    assert not stream.done
