"""GET /interview/: the built-in interview page, served with its own assets (no CDN)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_page_is_served_with_local_assets_only(client):
    response = client.get("/interview/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "OpenHire AI interview" in page
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert "/static/interviews/interview.js" in sources
    assert "/static/interviews/interview.css" in sources
    assert not [url for url in sources if "//" in url]  # nothing from another host


def test_the_pages_script_and_stylesheet_are_served(client):
    for path in ("/static/interviews/interview.js", "/static/interviews/interview.css"):
        response = client.get(path)
        assert response.status_code == 200
        assert b"".join(response.streaming_content)


def test_a_job_code_in_the_query_fixes_the_job_and_is_escaped(client):
    page = client.get("/interview/", {"job": 'Ab3dE6_x"><script>'}).content.decode()
    assert 'data-job-code="Ab3dE6_x&quot;&gt;&lt;script&gt;"' in page


def test_the_page_is_listed_on_the_root_route(client):
    routes = client.get("/").json()["endpoints"]
    page = [r for r in routes if r["path"] == "/interview/"]
    assert page and page[0]["method"] == "GET"
    assert page[0]["summary"].startswith("The interview page")
