"""POST /chat and POST /test-chat."""

from __future__ import annotations

import json

import pytest

from ai.offline.chat import GOODBYE
from ai.testing import OpenAIStub, StubReply
from chat.conversation import (
    BAD_CONTENT,
    BAD_TYPE,
    EMPTY_INPUT,
    MAX_HISTORY,
    MAX_TOTAL_CHARS,
    TOO_LONG,
    TOO_MANY_MESSAGES,
)
from chat.serializers import BAD_BODY

pytestmark = pytest.mark.django_db


def chat(client, body, path="/chat"):
    return client.post(path, body, format="json")


def test_chat_answers_and_returns_the_extended_history(api):
    history = [{"type": "ai", "content": "Hello! How can I help?"}]
    response = chat(api, {"user_input": "How do I post a job?", "messages": history})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"response", "sentiment", "messages"}
    assert "POST /jobs" in body["response"]
    assert body["sentiment"] == "continue"
    assert body["messages"] == [
        *history,
        {"type": "human", "content": "How do I post a job?"},
        {"type": "ai", "content": body["response"]},
    ]


def test_the_current_message_already_in_the_history_is_not_duplicated(api):
    history = [
        {"type": "ai", "content": "Hi!"},
        {"type": "human", "content": "How do I get a token?"},
    ]
    body = chat(
        api, {"user_input": "How do I get a token?", "messages": history}
    ).json()
    assert [m["type"] for m in body["messages"]] == ["ai", "human", "ai"]
    assert body["messages"][1]["content"] == "How do I get a token?"


def test_user_and_assistant_aliases_come_back_canonical(api):
    history = [
        {"type": "user", "content": "hi"},
        {"type": "assistant", "content": "Hello!"},
    ]
    body = chat(api, {"user_input": "thanks", "messages": history}).json()
    assert [m["type"] for m in body["messages"]] == ["human", "ai", "human", "ai"]


def test_messages_may_be_left_out(api):
    response = chat(api, {"user_input": "hi"})
    assert response.status_code == 200
    assert len(response.json()["messages"]) == 2


def test_a_goodbye_ends_the_conversation(api):
    body = chat(api, {"user_input": "Thanks, bye!", "messages": []}).json()
    assert body["sentiment"] == "end"
    assert GOODBYE in body["response"]


def test_a_signed_in_user_can_chat_too(client_for, candidate):
    response = chat(client_for(candidate), {"user_input": "hi", "messages": []})
    assert response.status_code == 200


def test_a_bad_token_is_refused(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert chat(api, {"user_input": "hi"}).status_code == 401


@pytest.mark.parametrize(
    ("body", "detail", "code"),
    [
        ({"user_input": "", "messages": []}, EMPTY_INPUT, "empty_input"),
        ({"user_input": "   ", "messages": []}, EMPTY_INPUT, "empty_input"),
        ({"messages": []}, EMPTY_INPUT, "empty_input"),
        ({"user_input": 5}, EMPTY_INPUT, "empty_input"),
        (
            {"user_input": "hi", "messages": [{"type": "bot", "content": "x"}]},
            BAD_TYPE.format(value="bot"),
            "invalid_message",
        ),
        (
            {"user_input": "hi", "messages": [{"type": "human", "content": 3}]},
            BAD_CONTENT,
            "invalid_message",
        ),
        (
            {"user_input": "hi", "messages": [{"type": "human", "content": None}]},
            BAD_CONTENT,
            "invalid_message",
        ),
        ({"user_input": "hi", "messages": "hello"}, None, "invalid_messages"),
        (["hi"], BAD_BODY, "invalid"),
    ],
)
def test_bad_input_gets_a_400_saying_what_is_wrong(api, body, detail, code):
    response = chat(api, body)
    assert response.status_code == 400
    data = response.json()
    assert data["code"] == code
    if detail is not None:
        assert data["detail"] == detail


def test_a_hundred_history_entries_pass_and_a_hundred_and_one_get_a_400(api):
    entry = {"type": "human", "content": "hello"}
    assert (
        chat(api, {"user_input": "hi", "messages": [entry] * MAX_HISTORY}).status_code
        == 200
    )
    response = chat(api, {"user_input": "hi", "messages": [entry] * (MAX_HISTORY + 1)})
    assert response.status_code == 400
    assert response.json() == {
        "detail": TOO_MANY_MESSAGES,
        "code": "too_many_messages",
        "errors": {"messages": [TOO_MANY_MESSAGES]},
    }


def test_a_conversation_over_32000_characters_gets_a_400(api):
    fits = [{"type": "human", "content": "x" * (MAX_TOTAL_CHARS - 2)}]
    assert chat(api, {"user_input": "hi", "messages": fits}).status_code == 200
    too_long = [{"type": "human", "content": "x" * (MAX_TOTAL_CHARS - 1)}]
    response = chat(api, {"user_input": "hi", "messages": too_long})
    assert response.status_code == 400
    assert response.json()["detail"] == TOO_LONG


def test_malformed_json_gets_a_400(api):
    response = api.post("/chat", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) >= {"detail", "code"}


def test_chat_is_throttled_per_caller_with_retry_after(
    api, client_for, candidate, settings
):
    settings.OPENHIRE_THROTTLE_CHAT = "2/minute"
    for _ in range(2):
        assert chat(api, {"user_input": "hi"}).status_code == 200
    response = chat(api, {"user_input": "hi"})
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    # Another caller has a budget of their own.
    assert chat(client_for(candidate), {"user_input": "hi"}).status_code == 200


def test_the_throttle_counts_each_ip_separately(client, settings):
    settings.OPENHIRE_THROTTLE_CHAT = "1/minute"
    body = json.dumps({"user_input": "hi"})

    def post(ip):
        return client.post(
            "/chat", body, content_type="application/json", REMOTE_ADDR=ip
        )

    assert post("10.0.0.1").status_code == 200
    assert post("10.0.0.1").status_code == 429
    assert post("10.0.0.2").status_code == 200


# --- test-chat ----------------------------------------------------------------------


@pytest.fixture
def test_endpoints(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    settings.DEBUG = False
    return settings


def test_test_chat_prefixes_the_response(api, test_endpoints):
    response = chat(
        api, {"user_input": "How do I post a job?", "messages": []}, "/test-chat"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["response"].startswith("[TEST] ")
    assert "POST /jobs" in body["response"]
    assert body["messages"][-1] == {"type": "ai", "content": body["response"]}


def test_test_chat_validates_like_chat(api, test_endpoints):
    response = chat(api, {"user_input": ""}, "/test-chat")
    assert response.status_code == 400
    assert response.json()["detail"] == EMPTY_INPUT


def test_test_chat_is_on_with_debug(api, settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = False
    settings.DEBUG = True
    assert chat(api, {"user_input": "hi"}, "/test-chat").status_code == 200


def test_test_chat_is_a_404_when_test_endpoints_are_off(api, settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = False
    settings.DEBUG = False
    response = chat(api, {"user_input": "hi"}, "/test-chat")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# --- with a configured model ----------------------------------------------------------


def test_chat_uses_the_configured_model_and_falls_back_when_it_is_down(api, settings):
    reply = json.dumps({"response": "From the model.", "sentiment": "continue"})
    with OpenAIStub([StubReply(content=reply)]) as stub:
        settings.OPENHIRE_LLM = "openai:chat-api-stub"
        settings.OPENHIRE_LLM_BASE_URL = stub.url
        settings.OPENAI_API_KEY = "sk-chat-test"
        settings.OPENHIRE_LLM_TIMEOUT_S = 2
        body = chat(api, {"user_input": "hi there"}).json()
        assert body["response"] == "From the model."
        sent = stub.requests[0]["body"]["messages"][-1]["content"]
        assert "<<<BEGIN MESSAGE>>>\nhi there\n<<<END MESSAGE>>>" in sent
    # The stub is gone: the same engine now falls back to the offline answer.
    body = chat(api, {"user_input": "How do I post a job?"}).json()
    assert "POST /jobs" in body["response"]


# --- documentation ----------------------------------------------------------------------


def test_the_openapi_schema_describes_the_chat_bodies(api):
    schema = api.get("/openapi.json").json()
    operation = schema["paths"]["/chat"]["post"]
    assert "requestBody" in operation
    assert "200" in operation["responses"] and "400" in operation["responses"]
    components = schema["components"]["schemas"]
    response_schema = json.dumps(components)
    assert "sentiment" in response_schema and "user_input" in response_schema


def test_the_root_listing_shows_the_chat_routes(api):
    paths = {(e["method"], e["path"]) for e in api.get("/").json()["endpoints"]}
    assert ("POST", "/chat") in paths
    assert ("WS", "/ws/test-chat") in paths
    assert ("WS", "/test/ws/test-chat") in paths


@pytest.mark.parametrize("kind", [{}, [], {"type": "human"}])
def test_a_message_type_that_is_not_text_is_a_400_not_a_crash(api, kind):
    # Found by the OpenAPI fuzz test: an object as a type was used as a dict key.
    response = chat(
        api, {"user_input": "hi", "messages": [{"type": kind, "content": "x"}]}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_message"
