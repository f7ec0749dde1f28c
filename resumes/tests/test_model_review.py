"""A review by a real model engine (the local OpenAI-compatible stub) while the
database connection pool stays free for other requests."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from django.db import connection, connections

import ai as llm
from ai.testing import OpenAIStub, StubReply

pytestmark = pytest.mark.django_db(transaction=True)

REVIEW = {
    "score": 8,
    "summary": "Strong Django experience.",
    "pros": ["Django in production."],
    "cons": ["No Kubernetes."],
    "matched": [],
    "missing": [],
}


def test_a_review_holds_no_database_connection_while_the_model_thinks(
    client_for, candidate, job, settings
):
    open_during_call: list[bool] = []
    areview_resume = llm.areview_resume
    # The view's database steps run in this (the request's) thread; the model is
    # awaited on an event loop in another, so look at this thread's connection.
    request_db = connections["default"]

    async def review(**arguments):
        open_during_call.append(request_db.connection is not None)
        return await areview_resume(**arguments)

    with OpenAIStub([StubReply(content=json.dumps(REVIEW))]) as stub:
        settings.OPENHIRE_LLM = "openai:review-stub"
        settings.OPENHIRE_LLM_BASE_URL = stub.url
        with mock.patch.object(
            llm, "areview_resume", autospec=True, side_effect=review
        ):
            response = client_for(candidate).post(
                "/review-resume",
                {"resume": "Backend engineer: Python, Django.", "job_id": str(job.id)},
                format="json",
            )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["score"] == 8 and body["resumeReview"] == "Strong Django experience."
    # An in-memory SQLite test database ignores close() (it would be lost).
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    assert open_during_call == [in_memory]
    assert len(stub.requests) == 1
    # ...and the application was still recorded afterwards.
    assert candidate.applications.count() == 1
