"""The interview page in a real browser: five questions, results, and a dropped socket."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from openhire.tests.browser import skip_without_browser

pytestmark = [pytest.mark.browser, skip_without_browser]

TOTAL = 5
RESUME = (
    "Jordan Lee\nBackend developer with 5 years of Python and Django. Built REST "
    "APIs on PostgreSQL, cached with Redis, shipped with Docker."
)
ANSWERS = [
    "Thanks! I am a backend developer who enjoys building reliable APIs.",
    "At my last job I built a Django REST API on PostgreSQL serving 2 million "
    "requests a day; I added Redis caching and cut latency by 40 percent.",
    "I measured it with request tracing, then rewrote the slowest queries with "
    "select_related and an index, and load-tested before release.",
    "I would first reproduce the outage, roll back the deploy, then read the logs "
    "and metrics, fix the root cause and write a postmortem with the team.",
    "I would add an alert on error rate and a canary deploy so the next regression "
    "is caught within minutes, and document the runbook.",
]


@pytest.fixture
def open_job(live_daphne) -> dict:
    suffix = uuid.uuid4().hex[:8]
    recruiter = live_daphne.ok(
        "POST",
        "/users",
        {"email": f"r-{suffix}@acme.test", "role": "recruiter", "name": "Rita"},
    )
    return live_daphne.ok(
        "POST",
        "/jobs",
        {
            "title": f"Backend Engineer {suffix}",
            "description": "Build APIs with Python, Django and PostgreSQL. "
            "3+ years of experience.",
            "salary": "$100k-$120k",
            "skills": ["Python", "Django", "PostgreSQL", "Redis"],
            "job_type": "full-time",
            "company_name": "Acme",
            "end_date": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        },
        token=recruiter["token"],
    )


def sign_up(page) -> None:
    page.click("#signup-box summary")
    page.fill("#signup-name", "Jordan Lee")
    page.fill("#signup-email", f"jordan-{uuid.uuid4().hex[:8]}@example.test")
    page.click("#signup")
    page.wait_for_function("() => document.getElementById('token').value.length > 20")


def answer(page, number: int) -> None:
    page.wait_for_selector(f"#transcript li.question[data-number='{number}']")
    page.wait_for_function("() => !document.getElementById('answer').disabled")
    assert page.inner_text("#progress-text") == f"Question {number} of {TOTAL}"
    page.fill("#answer", ANSWERS[number - 1])
    page.click("#send")


def assert_results_shown(page) -> None:
    page.wait_for_selector("#results:not([hidden])", timeout=20_000)
    assert page.inner_text("#recommendation") in (
        "Strong hire",
        "Hire",
        "Maybe",
        "No hire",
    )
    scores = page.locator("#scores tbody tr")
    assert scores.count() == 5
    overall = page.locator("#scores tr[data-score='overall_score'] td").inner_text()
    assert 0.0 <= float(overall) <= 10.0
    assert page.locator("#strengths li").count() >= 1
    assert page.inner_text("#progress-text") == "Interview complete"


def session_results(server, page) -> dict:
    session_id = page.evaluate("window.openhireInterview.sessionId")
    token = page.input_value("#token")
    return server.ok("GET", f"/ai-interview/results/{session_id}", token=token)


def test_a_candidate_takes_the_interview_on_the_page(live_daphne, page, open_job):
    page.goto("/interview/")
    sign_up(page)
    page.select_option("#job", open_job["id"])
    page.fill("#resume", RESUME)
    page.click("#start")
    for number in range(1, TOTAL + 1):
        answer(page, number)
    assert_results_shown(page)

    results = session_results(live_daphne, page)
    answers = [
        m["content"]
        for m in results["interview_data"]["conversation_history"]
        if m["role"] == "candidate"
    ]
    assert answers == ANSWERS
    assert (
        page.inner_text("#recommendation").lower().replace(" ", "_")
        == (results["analysis"]["recommendation"])
    )


def test_a_dropped_socket_reconnects_and_resumes_the_same_session(
    live_daphne, page, open_job
):
    page.goto(f"/interview/?job={open_job['job_link'].rsplit('/', 1)[-1]}")
    page.wait_for_function(
        "() => document.getElementById('job-fixed').textContent.startsWith('Job: ')"
    )
    assert open_job["title"] in page.inner_text("#job-fixed")
    sign_up(page)
    page.fill("#resume", RESUME)
    page.click("#start")
    answer(page, 1)
    answer(page, 2)
    page.wait_for_selector("#transcript li.question[data-number='3']")
    session_id = page.evaluate("window.openhireInterview.sessionId")
    assert session_id

    # The connection drops (the page did not ask for it): the page must reconnect.
    page.evaluate("window.openhireInterview.socket.close()")
    page.wait_for_function("() => window.openhireInterview.connections === 2")
    page.wait_for_function(
        "() => window.openhireInterview.socket"
        " && window.openhireInterview.socket.readyState === WebSocket.OPEN"
    )
    assert page.evaluate("window.openhireInterview.sessionId") == session_id
    assert page.locator("#transcript li.question").count() == 3  # not asked twice

    for number in range(3, TOTAL + 1):
        answer(page, number)
    assert_results_shown(page)

    results = session_results(live_daphne, page)
    assert results["session_id"] == session_id
    assert results["interview_data"]["questions_asked"] == TOTAL
    answers = [
        m["content"]
        for m in results["interview_data"]["conversation_history"]
        if m["role"] == "candidate"
    ]
    assert answers == ANSWERS


def test_a_socket_dropped_with_an_answer_in_flight_loses_nothing(
    live_daphne, page, open_job
):
    page.goto("/interview/")
    sign_up(page)
    page.select_option("#job", open_job["id"])
    page.fill("#resume", RESUME)
    page.click("#start")
    answer(page, 1)
    page.wait_for_selector("#transcript li.question[data-number='2']")
    page.wait_for_function("() => !document.getElementById('answer').disabled")
    page.fill("#answer", ANSWERS[1])
    # Send the answer and drop the socket at once: whether or not the server got it,
    # after the reconnect the interview goes on with question 2 or 3, never lost.
    page.evaluate(
        "document.getElementById('send').click();"
        " window.openhireInterview.socket.close();"
    )
    page.wait_for_function("() => window.openhireInterview.connections === 2")
    page.wait_for_function("() => !document.getElementById('answer').disabled")
    asked = page.locator("#transcript li.question").count()
    if asked == 2:  # the answer did not arrive: the page gives it back to resend
        assert page.input_value("#answer") == ANSWERS[1]
        page.click("#send")
    for number in range(3, TOTAL + 1):
        answer(page, number)
    assert_results_shown(page)
    answers = [
        m["content"]
        for m in session_results(live_daphne, page)["interview_data"][
            "conversation_history"
        ]
        if m["role"] == "candidate"
    ]
    assert answers == ANSWERS


def test_the_page_refuses_to_start_without_a_resume(live_daphne, page, open_job):
    page.goto("/interview/")
    sign_up(page)
    page.select_option("#job", open_job["id"])
    page.click("#start")
    assert page.inner_text("#setup-error") == "Paste your resume or choose a file."
    assert page.locator("#interview").is_hidden()


def test_a_bad_token_is_reported_and_nothing_starts(live_daphne, page, open_job):
    page.goto("/interview/")
    page.fill("#token", "not-a-real-token")
    page.select_option("#job", open_job["id"])
    page.fill("#resume", RESUME)
    page.click("#start")
    page.wait_for_function(
        "() => document.getElementById('setup-error').textContent !== ''"
    )
    assert page.inner_text("#setup-error").startswith("Your token was not accepted")
    assert page.locator("#interview").is_hidden()
    # The page stops: no reconnecting with a token the server refused.
    attempts = page.evaluate("window.openhireInterview.connections")
    page.wait_for_timeout(1500)
    assert page.evaluate("window.openhireInterview.connections") == attempts
    assert page.evaluate("window.openhireInterview.socket") is None


def test_the_page_opens_sockets_with_tickets_and_stores_no_token(
    live_daphne, page, open_job
):
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto("/interview/")
    sign_up(page)
    page.select_option("#job", open_job["id"])
    page.fill("#resume", RESUME)
    page.click("#start")
    answer(page, 1)
    page.wait_for_selector("#transcript li.question[data-number='2']")
    token = page.input_value("#token")
    assert sockets and all("ticket=" in url and "token=" not in url for url in sockets)
    assert token not in " ".join(sockets)
    assert page.evaluate("JSON.stringify(window.localStorage)") == "{}"
    assert violations == []
