"""AI endpoints are throttled per caller and per IP, with Retry-After on the 429."""

from __future__ import annotations

import pytest

from openhire.throttling import ai_throttle_wait, client_ip

pytestmark = pytest.mark.django_db

CHAT = {"user_input": "How do I post a job?", "messages": []}


def review_body(job) -> dict:
    return {"resume": "Python and Django engineer, 5 years.", "job_id": str(job.id)}


AI_ENDPOINTS = {
    "/review-resume": ("OPENHIRE_THROTTLE_AI", review_body),
    "/chat": ("OPENHIRE_THROTTLE_CHAT", lambda job: CHAT),
}


def assert_throttled(response) -> None:
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert set(response.json()) == {"detail", "code"}
    assert 0 < int(response["Retry-After"]) <= 60


@pytest.mark.parametrize("path", AI_ENDPOINTS)
def test_an_ai_endpoint_answers_429_with_retry_after_past_a_callers_budget(
    path, client_for, candidate, stranger, job, settings
):
    setting, body = AI_ENDPOINTS[path]
    setattr(settings, setting, "2/minute")
    client = client_for(candidate)
    codes = [client.post(path, body(job), format="json").status_code for _ in range(2)]
    assert codes == [200, 200]
    assert_throttled(client.post(path, body(job), format="json"))
    # Another user, from the same address, has a budget of their own.
    assert client_for(stranger).post(path, body(job), format="json").status_code == 200


@pytest.mark.parametrize("path", AI_ENDPOINTS)
def test_anonymous_callers_are_counted_per_ip(path, client, job, settings):
    setting, body = AI_ENDPOINTS[path]
    setattr(settings, setting, "1/minute")

    def post(ip: str):
        return client.post(
            path, body(job), content_type="application/json", REMOTE_ADDR=ip
        )

    assert post("10.0.0.1").status_code == 200
    assert_throttled(post("10.0.0.1"))
    assert post("10.0.0.2").status_code == 200


@pytest.mark.parametrize("path", AI_ENDPOINTS)
def test_one_address_cannot_multiply_its_budget_with_many_users(
    path, client_for, candidate, stranger, recruiter, job, settings
):
    settings.OPENHIRE_THROTTLE_AI_IP = "2/minute"
    callers = [client_for(user) for user in (candidate, stranger, recruiter)]
    codes = [c.post(path, AI_ENDPOINTS[path][1](job), format="json") for c in callers]
    assert [r.status_code for r in codes[:2]] == [200, 200]
    assert_throttled(codes[2])


def test_the_chat_and_review_budgets_are_separate(api, job, settings):
    settings.OPENHIRE_THROTTLE_CHAT = "1/minute"
    settings.OPENHIRE_THROTTLE_AI = "1/minute"
    assert api.post("/chat", CHAT, format="json").status_code == 200
    assert (
        api.post("/review-resume", review_body(job), format="json").status_code == 200
    )
    assert api.post("/chat", CHAT, format="json").status_code == 429


def test_the_socket_throttle_counts_per_user_then_per_ip(settings):
    settings.OPENHIRE_THROTTLE_INTERVIEW = "2/minute"
    settings.OPENHIRE_THROTTLE_AI_IP = "3/minute"
    ip = "192.0.2.7"
    assert ai_throttle_wait(scope="interview", user_id="u1", ip=ip) is None
    assert ai_throttle_wait(scope="interview", user_id="u1", ip=ip) is None
    wait = ai_throttle_wait(scope="interview", user_id="u1", ip=ip)
    assert wait is not None and 0 < wait <= 60
    # u2 has its own per-user budget, but the address has used its three.
    assert ai_throttle_wait(scope="interview", user_id="u2", ip=ip) is not None
    assert ai_throttle_wait(scope="interview", user_id="u2", ip="192.0.2.8") is None


def test_the_socket_client_ip_honours_the_configured_proxies(settings):
    scope = {
        "client": ("10.0.0.9", 5000),
        "headers": [(b"x-forwarded-for", b"203.0.113.5, 10.0.0.1")],
    }
    settings.OPENHIRE_NUM_PROXIES = 0
    assert client_ip(scope) == "10.0.0.9"  # no proxy: the header is not trusted
    settings.OPENHIRE_NUM_PROXIES = 1
    assert client_ip(scope) == "10.0.0.1"
    settings.OPENHIRE_NUM_PROXIES = 2
    assert client_ip(scope) == "203.0.113.5"


@pytest.mark.django_db(transaction=True)
async def test_starting_interviews_is_throttled_with_an_error_frame(
    candidate, job, settings
):
    from interviews.tests.factories import expect, initialize_frame, open_socket

    settings.OPENHIRE_THROTTLE_INTERVIEW = "1/minute"
    first = await open_socket(f"session_id=1000000000001&token={candidate.token}")
    await first.send_json_to(initialize_frame())
    await expect(first, "interview_initialized", "question")
    await first.disconnect()

    second = await open_socket(f"session_id=1000000000002&token={candidate.token}")
    await second.send_json_to(initialize_frame())
    (error,) = await expect(second, "error")
    assert error["code"] == "throttled"
    assert 0 < error["retry_after"] <= 60
    assert str(error["retry_after"]) in error["message"]
    await second.send_json_to({"type": "ping"})
    await expect(second, "pong")  # the socket stays open
    await second.disconnect()


def _anonymous_chat(client, *, forwarded: str | None, peer: str = "10.0.0.1"):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(
        "/chat", CHAT, content_type="application/json", REMOTE_ADDR=peer, **extra
    )


def test_rotating_x_forwarded_for_is_throttled_like_no_header(client, settings):
    settings.OPENHIRE_THROTTLE_CHAT = "2/minute"
    assert settings.OPENHIRE_NUM_PROXIES == 0  # the default: never believe it
    codes = [
        _anonymous_chat(client, forwarded=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]
    assert_throttled(_anonymous_chat(client, forwarded=None))


def test_one_configured_proxy_makes_the_rightmost_forwarded_address_the_client(
    client, settings
):
    settings.OPENHIRE_NUM_PROXIES = 1
    settings.OPENHIRE_THROTTLE_CHAT = "1/minute"
    # The proxy appends what it saw; what the client wrote to the left is ignored.
    assert _anonymous_chat(client, forwarded="1.1.1.1, 203.0.113.7").status_code == 200
    assert_throttled(_anonymous_chat(client, forwarded="2.2.2.2, 203.0.113.7"))
    assert _anonymous_chat(client, forwarded="203.0.113.8").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "header", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.9"),
        (1, "", "10.0.0.9"),
        (1, " , ,", "10.0.0.9"),
        (3, "203.0.113.5, 10.0.0.1", "203.0.113.5"),  # shorter than the proxy count
        (1, "x" * 10_000, "x" * 64),  # a huge header cannot bloat a cache key
    ],
)
def test_the_client_address_rule_handles_hostile_headers(
    proxies, header, expected, settings
):
    from openhire.throttling import client_address

    settings.OPENHIRE_NUM_PROXIES = proxies
    assert client_address(peer="10.0.0.9", forwarded_for=header) == expected


def test_sign_up_is_throttled_per_address_whatever_the_forwarded_header(
    client, settings
):
    settings.OPENHIRE_THROTTLE_SIGNUP = "2/minute"

    def signup(n: int):
        return client.post(
            "/users",
            {"email": f"u{n}@example.test", "role": "candidate"},
            content_type="application/json",
            REMOTE_ADDR="10.0.0.3",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )

    assert [signup(n).status_code for n in range(2)] == [201, 201]
    assert_throttled(signup(3))


def test_throttles_count_in_the_shared_cache_not_in_process_memory(settings):
    from django.core.cache import caches

    backend = caches["throttle"]
    if settings.REDIS_URL:
        assert "redis" in type(backend).__module__
    else:
        assert type(backend).__name__ == "DatabaseCache"
    ai_throttle_wait(scope="chat", user_id="u9", ip="192.0.2.9")
    assert backend.get("throttle_chat_user:u9")
