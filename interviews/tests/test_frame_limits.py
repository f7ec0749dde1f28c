"""Frame limits under the real servers, started with `make run`'s and `make serve`'s flags.

An `initialize_interview` may carry a resume PDF up to the upload limit as a
base64 data URL, as the FT page sends it (src/components/InterviewSession.tsx);
every other frame is held to 64 KB; anything over its limit gets an `error`
frame `frame_too_large` before the 1009 close.
"""

from __future__ import annotations

import base64
import io
import json
import os
import random
import subprocess
import sys
import urllib.request
import uuid

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from interviews import protocol
from interviews.tests.factories import JOB_TEXT
from openhire.testing import ROOT, server_start, server_stop

UPLOAD_MB = 1  # small limits keep the frames small; the flags scale with it


def photo_resume_pdf(image_bytes: int) -> bytes:
    """Return a real resume PDF with a noisy photo of about `image_bytes`."""
    from fpdf import FPDF
    from PIL import Image

    side = int((image_bytes / 3) ** 0.5)
    noise = random.Random(7).randbytes(side * side * 3)
    photo = io.BytesIO()
    Image.frombytes("RGB", (side, side), noise).save(photo, format="PNG")
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.image(io.BytesIO(photo.getvalue()), x=10, y=10, w=40)
    pdf.set_y(60)
    for line in ("Dana Example", "Migrated the billing service to PostgreSQL."):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def resume_url() -> str:
    pdf = photo_resume_pdf(900 * 1024)
    return "data:application/pdf;base64," + base64.b64encode(pdf).decode()


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> dict[str, str]:
    """Return the environment of a freshly migrated SQLite database."""
    var_dir = tmp_path_factory.mktemp("frames")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{var_dir / 'frames.sqlite3'}",
        "OPENHIRE_VAR_DIR": str(var_dir),
        "OPENHIRE_TRUST_CLIENT_IDS": "1",
        "OPENHIRE_MAX_UPLOAD_MB": str(UPLOAD_MB),
        "OPENHIRE_LLM": "offline",
        "DEBUG": "0",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py", "migrate", "--noinput"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True, capture_output=True)
    return env


@pytest.fixture(scope="module", params=["daphne", "uvicorn"])
def server(request, database):
    started = server_start(env=database, kind=request.param)
    started.kind = request.param
    yield started
    server_stop(started)


def candidate_id(server) -> str:
    body = json.dumps(
        {"email": f"{uuid.uuid4().hex[:8]}@ex.test", "role": "candidate", "name": "C"}
    ).encode()
    request = urllib.request.Request(
        server.url + "/users",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["id"]


def received(ws) -> dict:
    frame = json.loads(ws.recv(timeout=30))
    assert "timestamp" in frame, frame
    return frame


def closed_code(ws) -> int:
    with pytest.raises(ConnectionClosed) as caught:
        while True:
            ws.recv(timeout=30)
    return caught.value.rcvd.code


def test_a_resume_pdf_inside_the_init_frame_is_read_under_each_server(
    server, resume_url
):
    frame = {
        "type": "initialize_interview",
        "data": {
            "session_id": None,
            "candidate_id": candidate_id(server),
            "job_description": JOB_TEXT,
            "candidate_resume": resume_url,
        },
    }
    assert len(json.dumps(frame)) > 1024 * 1024  # over daphne's default limit
    url = server.url.replace("http", "ws") + "/ws/ai-interview"
    with connect(url, origin="http://127.0.0.1", max_size=None) as ws:
        hello = received(ws)
        received(ws)  # welcome
        frame["data"]["session_id"] = hello["session_id"]
        ws.send(json.dumps(frame))
        assert received(ws)["type"] == "interview_initialized"
        assert received(ws)["type"] == "question"


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "ping", "padding": "x" * (protocol.MAX_FRAME_BYTES + 1)},
        {"type": "initialize_interview", "resume": "x" * int(1.6 * 1024 * 1024)},
    ],
    ids=["a ping over 64 KB", "an init over the upload limit"],
)
def test_a_frame_over_its_limit_is_told_why_before_the_1009_close(server, frame):
    url = server.url.replace("http", "ws") + "/ws/ai-interview"
    with connect(url, origin="http://127.0.0.1", max_size=None) as ws:
        received(ws), received(ws)  # connection_success, welcome
        ws.send(json.dumps(frame))
        error = received(ws)
        assert error["type"] == "error" and error["code"] == "frame_too_large"
        # uvicorn sends 1009; daphne lets an app send only 3000-4999: its twin 4009.
        assert (
            closed_code(ws)
            == {
                "uvicorn": protocol.CLOSE_TOO_BIG,
                "daphne": protocol.app_close_code(protocol.CLOSE_TOO_BIG),
            }[server.kind]
        )
