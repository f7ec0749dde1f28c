import pytest
from django.test import override_settings

from openhire.errors import BAD_REQUEST, BODY_TOO_LARGE, NOT_FOUND

pytestmark = pytest.mark.django_db


def test_the_root_lists_every_route_from_the_url_configuration(api):
    body = api.get("/").json()
    assert body["status"] == "running" and body["version"]
    routes = {(e["method"], e["path"]) for e in body["endpoints"]}
    for expected in [
        ("POST", "/users"),
        ("GET", "/users/{user_id}"),
        ("GET", "/jobs"),
        ("POST", "/jobs"),
        ("PATCH", "/jobs/{job_id}"),
        ("DELETE", "/jobs/{job_id}"),
        ("GET", "/j/{short_code}"),
        ("GET", "/health"),
        ("GET", "/openapi.json"),
    ]:
        assert expected in routes
    assert all(e["summary"] and e["example"] for e in body["endpoints"])


def test_the_root_listing_follows_the_url_configuration(api, settings):
    # The listing is generated, not hand-kept: every resolvable HTTP route appears.
    from django.urls import get_resolver

    from openhire.routes import _walk

    listed = {e["path"] for e in api.get("/").json()["endpoints"]}
    for route, _callback, _name in _walk(get_resolver().url_patterns):
        if not route.startswith(("admin/", "static/", "media/")):
            assert "/" + route.replace("<str:", "{").replace(">", "}") in listed


def test_health_reports_each_dependency(api):
    body = api.get("/health").json()
    assert body["status"] == "healthy"
    assert body["checks"] == {"database": "ok", "channel_layer": "ok"}


def test_health_is_503_when_the_channel_layer_is_down(api, settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    try:
        response = api.get("/health")
    finally:
        channel_layers.backends.clear()
    assert response.status_code == 503
    assert response.json()["status"] == "unhealthy"
    assert response.json()["checks"]["channel_layer"].startswith("error")


def test_unknown_urls_and_wrong_methods_answer_json(api):
    response = api.get("/no/such/path")
    assert response.status_code == 404
    assert response.json() == {"detail": NOT_FOUND, "code": "not_found"}
    response = api.patch("/jobs")
    assert (
        response.status_code == 405 and response.json()["code"] == "method_not_allowed"
    )


def test_malformed_json_is_a_400(api, recruiter, client_for):
    response = client_for(recruiter).post(
        "/jobs", "{not json", content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "parse_error"


@override_settings(DEBUG=False)
def test_an_unexpected_error_is_a_json_500_without_a_traceback(client, monkeypatch):
    from jobs import views

    def boom(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "job_list", boom)
    client.raise_request_exception = False
    response = client.get("/jobs")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "secret internals" not in response.content.decode()


def test_the_openapi_schema_describes_every_endpoint(api):
    response = api.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/users",
        "/users/{user_id}",
        "/jobs",
        "/jobs/{job_id}",
        "/j/{short_code}",
        "/health",
    ]:
        assert path in paths
    job_list = paths["/jobs"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    assert job_list["type"] == "array"
    assert "requestBody" in paths["/jobs"]["post"]


def test_swagger_ui_is_served_with_local_assets(api):
    page = api.get("/docs")
    html = page.content.decode()
    assert page.status_code == 200 and "swagger-ui" in html
    assert "cdn" not in html.lower() and "/static/drf_spectacular_sidecar/" in html
    asset = api.get(
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"
    )
    assert asset.status_code == 200


def test_cors_allows_the_configured_origins_preflight(api):
    response = api.options(
        "/jobs",
        HTTP_ORIGIN="http://localhost:3000",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="DELETE",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type,authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://localhost:3000"
    refused = api.options(
        "/jobs",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "Access-Control-Allow-Origin" not in refused


# --- found by the OpenAPI fuzz test (openhire/tests/test_openapi_fuzz.py) -------------


def test_public_pages_ignore_a_stale_token(api):
    # They used to answer 401 to any unknown token, which the schema did not say.
    api.credentials(HTTP_AUTHORIZATION="Token not-a-token-we-issued")
    for path in ("/", "/health", "/openapi.json", "/docs", "/ai-interview/health"):
        assert api.get(path).status_code == 200, path
    assert api.get("/jobs").status_code == 401  # endpoints that read identity do


def test_an_oversized_body_is_a_json_413_on_every_endpoint(
    client_for, recruiter, settings
):
    # Django refused it with an HTML 400 page outside /review-resume.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = client_for(recruiter)
    for path in ("/jobs", "/chat", "/users"):
        response = client.post(path, {"title": "x" * 5000}, format="json")
        assert response.status_code == 413, path
        assert response.json() == {"detail": BODY_TOO_LARGE, "code": "too_large"}


def test_a_request_django_refuses_before_any_view_is_a_json_400(client):
    response = client.get("/jobs", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json() == {"detail": BAD_REQUEST, "code": "bad_request"}


def test_every_operation_documents_only_errors_it_can_answer(api):
    paths = api.get("/openapi.json").json()["paths"]
    responses = {
        (method.upper(), path): set(operation["responses"])
        for path, operations in paths.items()
        for method, operation in operations.items()
    }
    assert responses[("GET", "/")] == {"200"}
    assert responses[("GET", "/health")] == {"200", "503"}
    assert responses[("GET", "/ai-interview/health")] == {"200"}
    assert responses[("GET", "/jobs")] == {"200", "400", "401"}
    assert "409" not in responses[("GET", "/jobs/{job_id}")]
    assert "429" in responses[("POST", "/review-resume")]
    assert "429" in responses[("POST", "/chat")]
    for (method, path), codes in responses.items():
        if path not in ("/", "/health", "/ai-interview/health"):
            assert "401" in codes, (method, path)  # a bad token is refused
        if method in ("POST", "PUT", "PATCH"):
            assert {"413", "415"} <= codes, (method, path)
    error = {"$ref": "#/components/schemas/Error"}
    for path, operations in paths.items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                if code.startswith("4"):
                    body = response["content"]["application/json"]["schema"]
                    assert body == error, (method, path, code)
