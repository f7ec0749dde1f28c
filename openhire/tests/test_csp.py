"""The HTML pages carry a Content-Security-Policy and hold no inline script."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", re.IGNORECASE)
PAGES = ["/interview/", "/docs", "/admin/login/"]


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("path", PAGES)
def test_each_page_forbids_inline_script_and_foreign_connections(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'", "ws://testserver"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not INLINE_SCRIPT.search(response.content.decode())


def test_an_https_page_allows_its_own_secure_websocket(client):
    response = client.get("/interview/", secure=True)
    assert "wss://testserver" in directives(response)["connect-src"]


def test_the_docs_set_up_script_is_served_as_a_file(client):
    page = client.get("/docs").content.decode()
    (src,) = re.findall(r'<script src="([^"]*\?script=)"', page)
    script = client.get(src)
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


def test_the_admin_index_holds_no_inline_script(desk_client, recruiter):
    response = desk_client(recruiter).get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    assert not INLINE_SCRIPT.search(response.content.decode())


def test_the_interview_page_keeps_no_token_in_local_storage_and_uses_tickets(client):
    from django.contrib.staticfiles import finders

    with open(finders.find("interviews/interview.js")) as handle:
        script = handle.read()
    assert "localStorage.setItem" not in script
    assert "/auth/ws-ticket" in script
    assert "URLSearchParams({ ticket: ticket })" in script
