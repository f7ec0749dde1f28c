"""The registry builds the engine that `OPENHIRE_LLM` names, from the settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ai as llm
from ai.chat_model import ChatModelEngine
from ai.engines import get_engine, parse_engine_spec
from ai.testing import OpenAIStub, StubReply

ROOT = Path(__file__).resolve().parents[2]


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


def test_the_model_call_cap_comes_from_the_settings(settings):
    settings.OPENHIRE_LLM = "openai:cap-test-model"
    settings.OPENHIRE_LLM_BASE_URL = "http://127.0.0.1:9/v1"
    settings.OPENHIRE_LLM_MAX_CONCURRENCY = 7
    assert llm.model_load() == {
        "in_flight": 0,
        "queued": 0,
        "max_concurrency": 7,
        "circuit": "closed",
    }
    settings.OPENHIRE_LLM = "offline"
    assert llm.model_load()["in_flight"] == 0


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


def start_up(tmp_path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPENHIRE_", "OPENAI_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(OPENHIRE_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", "import openhire.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_start_up_refuses_a_model_engine_without_a_key_or_base_url(tmp_path):
    result = start_up(tmp_path, OPENHIRE_LLM="openai:gpt-4o-mini")
    assert result.returncode != 0
    assert "needs OPENAI_API_KEY, or OPENHIRE_LLM_BASE_URL" in result.stderr


@pytest.mark.parametrize(
    "extra",
    [
        {"OPENAI_API_KEY": "sk-startup-secret"},
        {"OPENHIRE_LLM_BASE_URL": "http://127.0.0.1:11434/v1"},
    ],
)
def test_start_up_accepts_a_key_or_a_base_url(tmp_path, extra):
    result = start_up(tmp_path, OPENHIRE_LLM="openai:gpt-4o-mini", **extra)
    assert result.returncode == 0, result.stderr
    assert "sk-startup-secret" not in result.stdout + result.stderr


@pytest.mark.parametrize("value", ["many", "0", "5000"])
def test_start_up_refuses_a_junk_model_call_cap(tmp_path, value):
    result = start_up(tmp_path, OPENHIRE_LLM_MAX_CONCURRENCY=value)
    assert result.returncode != 0
    assert "OPENHIRE_LLM_MAX_CONCURRENCY" in result.stderr
