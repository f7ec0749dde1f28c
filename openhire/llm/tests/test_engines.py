"""The registry builds the engine that `OPENHIRE_LLM` names, from the settings."""

from __future__ import annotations

import json

import pytest

from openhire import llm
from openhire.llm.chat_model import ChatModelEngine
from openhire.llm.engines import get_engine, parse_engine_spec
from openhire.llm.testing import OpenAIStub, StubReply


def test_the_default_engine_is_offline(settings):
    settings.OPENHIRE_LLM = "offline"
    assert llm.engine_name() == "offline"


def test_openai_model_builds_the_chat_model_engine_from_the_settings(settings):
    settings.OPENHIRE_LLM = "openai:registry-test-model"
    settings.OPENHIRE_LLM_BASE_URL = "http://127.0.0.1:9/v1"
    settings.OPENAI_API_KEY = "sk-registry"
    settings.OPENHIRE_LLM_TIMEOUT_S = 7.5
    engine = get_engine()
    assert isinstance(engine, ChatModelEngine)
    assert engine.name == "openai:registry-test-model"
    assert (engine.base_url, engine.timeout_s) == ("http://127.0.0.1:9/v1", 7.5)


@pytest.mark.parametrize("spec", ["gpt-4o", "openai", "openai:", "anthropic:claude"])
def test_unknown_or_incomplete_engine_names_are_rejected(spec):
    with pytest.raises(ValueError, match="OPENHIRE_LLM"):
        parse_engine_spec(spec)


def test_the_domain_functions_reach_the_configured_server(settings):
    answer = json.dumps({"question": "Why Acme?"})
    with OpenAIStub([StubReply(content=answer)]) as stub:
        settings.OPENHIRE_LLM = "openai:registry-e2e"
        settings.OPENHIRE_LLM_BASE_URL = stub.url
        settings.OPENAI_API_KEY = ""
        settings.OPENHIRE_LLM_TIMEOUT_S = 2
        question = llm.next_question(
            context=llm.InterviewContext(llm.JobSpec("Dev", "Python"), "I code."),
            question_type="greeting",
            history=[],
        )
    assert question.text == "Why Acme?"
    assert question.meta.engine == "openai:registry-e2e"
    assert stub.requests[0]["headers"]["authorization"] == "Bearer no-key-needed"


def test_the_root_listing_and_health_never_show_the_api_key(client, settings, db):
    settings.OPENAI_API_KEY = "sk-listing-secret-42"
    settings.OPENHIRE_LLM = "openai:listing-test"
    settings.OPENHIRE_LLM_BASE_URL = "http://127.0.0.1:9/v1"
    for path in ("/", "/health", "/openapi.json"):
        assert "sk-listing-secret-42" not in client.get(path).content.decode()
