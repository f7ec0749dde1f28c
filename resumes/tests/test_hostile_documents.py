"""Hostile documents, built at test time: refused within their limits, or read safely."""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes import extraction
from resumes.extraction import ExtractionError, ExtractionLimits, extract_text
from resumes.models import Application
from resumes.sandbox import DocumentSandbox, SandboxLimits
from resumes.tests import documents

# Limits lowered so that a bomb is refused in about a second.
FAST = SandboxLimits(memory_mb=256, cpu_seconds=2, wall_seconds=10)
LIMITS = ExtractionLimits()
# The form-expansion check off, so that a bomb reaches pdfium and the sandbox's limits.
UNCHECKED = ExtractionLimits(max_form_draws=10**15)


@pytest.fixture(scope="module")
def pool():
    sandbox = DocumentSandbox(workers=2)
    yield sandbox
    sandbox.close()


def refused(pool, data: bytes, limits: SandboxLimits = FAST) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        pool.extract(data, limits=UNCHECKED, sandbox=limits)
    return caught.value


# --- visible text only -----------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "tricks"),
    [
        (documents.make_hidden_text_pdf, ["white", "tiny", "invisible", "off_page"]),
        (documents.make_hidden_text_docx, ["white", "invisible"]),
    ],
    ids=["pdf", "docx"],
)
def test_text_a_reader_cannot_see_is_dropped_and_reported(make, tricks):
    extracted = extract_text(make())
    for words in documents.VISIBLE_LINES:
        assert words in extracted.text
    assert "Contact alex at example dot com" in extracted.text  # white on dark
    for trick in tricks:
        words = documents.HIDDEN_WORDS[trick]
        assert words not in extracted.text
        assert words in extracted.hidden_text
    assert extracted.hidden_chars == sum(
        len(documents.HIDDEN_WORDS[trick].replace(" ", "")) for trick in tricks
    )


def test_an_ordinary_resume_has_nothing_hidden():
    for data in (documents.make_pdf(), documents.make_docx()):
        extracted = extract_text(data)
        assert extracted.hidden_chars == 0 and extracted.hidden_text == ""


def test_only_web_links_are_kept():
    pdf = documents.make_pdf(link=("Portfolio", "javascript:alert(document.cookie)"))
    docx = documents.make_docx(link=("Portfolio", "javascript:alert(1)"))
    assert extract_text(pdf).links == ()
    assert extract_text(docx).links == ()
    assert not extraction.is_web_link("data:text/html,<script>")
    assert extraction.is_web_link("https://github.com/amorgan")


# --- DOCX shapes that used to be quadratic ---------------------------------------


def test_a_header_shared_by_thousands_of_sections_is_read_once(pool):
    data = documents.make_shared_header_docx(sections=3000, header_lines=200)
    started = time.monotonic()
    extracted = pool.extract(data, limits=LIMITS, sandbox=SandboxLimits())
    assert time.monotonic() - started < SandboxLimits().wall_seconds
    assert extracted.text.count("Header line 7 Python Django") == 1
    assert "Section 2999: built Django services." in extracted.text


def test_a_cell_merged_down_thousands_of_rows_is_read_once():
    extracted = extract_text(documents.make_vmerge_table_docx(rows=3000))
    assert extracted.text.count("Experience") == 1
    assert "Year 2999" in extracted.text


def test_a_docx_past_the_paragraph_cap_is_too_complex():
    data = documents.make_docx(before=[f"Line {i} Python" for i in range(120)])
    with pytest.raises(ExtractionError) as caught:
        extract_text(data, limits=ExtractionLimits(max_paragraphs=100))
    assert caught.value.code == "document_too_complex"


@pytest.mark.parametrize(
    "make",
    [
        lambda lines: documents.make_pdf(lines),
        lambda lines: documents.make_docx(before=lines),
    ],
    ids=["pdf", "docx"],
)
def test_a_document_past_the_text_cap_is_too_complex(make):
    lines = ["Python Django PostgreSQL engineer " * 3] * 40
    with pytest.raises(ExtractionError) as caught:
        extract_text(make(lines), limits=ExtractionLimits(max_chars=1000))
    assert caught.value.code == "document_too_complex"


def test_giant_plain_text_is_too_complex():
    with pytest.raises(ExtractionError) as caught:
        extraction.extract_plain("Python " * 50_000, limits=ExtractionLimits())
    assert caught.value.code == "document_too_complex"


# --- the sandbox -------------------------------------------------------------------


def test_a_nested_xobject_bomb_is_refused_before_pdfium_expands_it(pool, caplog):
    bomb = documents.make_xobject_bomb(depth=10, fanout=10)  # 10**10 text objects
    with pytest.raises(ExtractionError) as caught:
        pool.extract(bomb, limits=LIMITS, sandbox=SandboxLimits())
    assert caught.value.code == "document_too_complex"
    assert '"reason": "limit"' in caplog.text  # the count refused it, not a crash


@pytest.mark.parametrize("drawn_as", [b"/X", b"/#58"], ids=["plain", "escaped"])
def test_form_draws_are_counted_however_the_name_is_spelled(drawn_as):
    # 111 110 draws: past the cap, yet small enough to survive if it were missed.
    bomb = documents.make_xobject_bomb(depth=5, fanout=10, drawn_as=drawn_as)
    with pytest.raises(ExtractionError) as caught:
        extract_text(bomb, limits=ExtractionLimits(max_chars=10**9))
    assert caught.value.code == "document_too_complex"


def test_a_few_nested_forms_are_an_ordinary_pdf():
    extracted = extract_text(documents.make_xobject_bomb(depth=2, fanout=3))
    assert "Python Django PostgreSQL engineer" in extracted.text


def test_a_bomb_that_reaches_pdfium_is_stopped_by_the_sandbox(pool, caplog):
    bomb = documents.make_xobject_bomb(depth=7, fanout=10)
    assert len(bomb) < 4000
    started = time.monotonic()
    error = refused(pool, bomb)
    assert error.code == "document_too_complex"
    assert error.message == extraction.MSG_TOO_COMPLEX
    assert time.monotonic() - started < FAST.wall_seconds
    assert "Python Django" not in caplog.text  # logged without its contents
    assert "document_refused" in caplog.text
    extracted = pool.extract(documents.make_pdf(), limits=LIMITS, sandbox=FAST)
    assert extracted.text.splitlines() == documents.RESUME_LINES


def test_a_worker_past_the_wall_clock_is_killed_and_replaced(pool):
    slow = SandboxLimits(memory_mb=4096, cpu_seconds=60, wall_seconds=0.5)
    bomb = documents.make_xobject_bomb(depth=6, fanout=10)
    assert refused(pool, bomb, slow).code == "document_too_complex"
    extracted = pool.extract(documents.make_docx(), limits=LIMITS, sandbox=FAST)
    assert extracted.format == "docx"


def test_ordinary_documents_are_read_while_a_bomb_is_parsed(pool):
    outcome: dict[str, object] = {}

    def parse_bomb() -> None:
        try:
            pool.extract(
                documents.make_xobject_bomb(depth=7),
                limits=UNCHECKED,
                sandbox=SandboxLimits(memory_mb=4096, cpu_seconds=60, wall_seconds=4),
            )
        except ExtractionError as error:
            outcome["bomb"] = (error.code, time.monotonic())

    pool.extract(documents.make_pdf(), limits=LIMITS, sandbox=FAST)  # warm workers
    thread = threading.Thread(target=parse_bomb)
    thread.start()
    time.sleep(0.3)
    extracted = pool.extract(documents.make_pdf(pages=2), limits=LIMITS, sandbox=FAST)
    read_at = time.monotonic()
    thread.join()
    assert extracted.pages == 2
    code, refused_at = outcome["bomb"]
    assert code == "document_too_complex" and read_at < refused_at


def test_a_caller_waits_for_a_free_worker_only_so_long():
    small = DocumentSandbox(workers=1)
    slow = SandboxLimits(memory_mb=4096, cpu_seconds=60, wall_seconds=3)
    thread = threading.Thread(
        target=lambda: refused(small, documents.make_xobject_bomb(depth=7), slow)
    )
    try:
        small.extract(documents.make_pdf(), limits=LIMITS, sandbox=FAST)  # warm
        thread.start()
        time.sleep(0.3)
        impatient = SandboxLimits(wall_seconds=0.2)
        assert refused(small, documents.make_pdf(), impatient).code == "extraction_busy"
        thread.join()
        assert small.extract(documents.make_pdf(), limits=LIMITS, sandbox=FAST).pages
    finally:
        if thread.is_alive():
            thread.join()
        small.close()


def test_the_async_entry_point_leaves_the_event_loop_free(pool):
    async def scenario() -> tuple[float, ExtractionError | None]:
        longest_gap, last = 0.0, time.monotonic()
        done = asyncio.Event()

        async def ticker() -> None:
            nonlocal longest_gap, last
            while not done.is_set():
                await asyncio.sleep(0.01)
                now = time.monotonic()
                longest_gap, last = max(longest_gap, now - last), now

        task = asyncio.create_task(ticker())
        try:
            await pool.aextract(
                documents.make_xobject_bomb(depth=7), limits=UNCHECKED, sandbox=FAST
            )
            error = None
        except ExtractionError as caught:
            error = caught
        done.set()
        await task
        return longest_gap, error

    # A loop of its own, in a thread: the suite's main thread may hold another.
    outcome: list = []
    runner = threading.Thread(target=lambda: outcome.append(asyncio.run(scenario())))
    runner.start()
    runner.join()
    gap, error = outcome[0]
    assert error is not None and error.code == "document_too_complex"
    assert gap < 0.5


def test_a_worker_cannot_forge_a_result_shape():
    from resumes import sandbox as sandbox_module

    with pytest.raises(ExtractionError) as caught:
        sandbox_module._reply_to_result({"ok": {"text": 1}}, b"x")
    assert caught.value.code == "document_too_complex"


# --- through the API ---------------------------------------------------------------


@pytest.fixture
def fast_sandbox(settings):
    settings.OPENHIRE_DOC_MAX_MEMORY_MB = FAST.memory_mb
    settings.OPENHIRE_DOC_MAX_CPU_S = FAST.cpu_seconds
    settings.OPENHIRE_DOC_TIMEOUT_S = FAST.wall_seconds


def review_file(client, job, name: str, data: bytes):
    return client.post(
        "/review-resume",
        {"file": SimpleUploadedFile(name, data), "job_id": str(job.id)},
        format="multipart",
    )


@pytest.mark.django_db
def test_a_pdf_bomb_gets_a_clear_422_and_nothing_is_written(
    client_for, candidate, job, fast_sandbox, settings
):
    client = client_for(candidate)
    response = review_file(client, job, "cv.pdf", documents.make_xobject_bomb(depth=7))
    assert response.status_code == 422
    assert response.json() == {
        "detail": extraction.MSG_TOO_COMPLEX,
        "code": "document_too_complex",
    }
    assert not Application.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))
    assert client.get("/health").status_code == 200
    ordinary = review_file(client, job, "cv.pdf", documents.make_pdf())
    assert ordinary.status_code == 200, ordinary.json()
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_a_pdf_over_the_page_cap_gets_422(api, job, settings):
    settings.OPENHIRE_DOC_MAX_PAGES = 2
    response = review_file(api, job, "cv.pdf", documents.make_pdf(pages=3))
    assert response.status_code == 422
    assert response.json()["code"] == "too_many_pages"
    assert "2 pages" in response.json()["detail"]


@pytest.mark.django_db
def test_a_review_warns_of_hidden_text_and_scores_only_what_is_visible(
    client_for, candidate, job
):
    response = review_file(
        client_for(candidate), job, "cv.pdf", documents.make_hidden_text_pdf()
    )
    assert response.status_code == 200, response.json()
    warnings = response.json()["warnings"]
    assert [warning["code"] for warning in warnings] == ["hidden_text"]
    assert "Kubernetes expert" in warnings[0]["excerpt"]
    assert warnings[0]["characters"] > 40
    application = Application.objects.get()
    assert "Kubernetes" not in application.resume_text
    assert application.details["warnings"] == warnings


@pytest.mark.django_db
def test_an_ordinary_review_has_no_warnings(api, job):
    response = review_file(api, job, "cv.docx", documents.make_docx())
    assert response.status_code == 200
    assert response.json()["warnings"] == []


@pytest.mark.django_db
def test_a_shared_header_docx_sent_as_a_data_url_is_reviewed(api, job):
    data = documents.make_shared_header_docx(sections=2000, header_lines=100)
    url = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    response = api.post(
        "/review-resume", {"resume": url, "job_id": str(job.id)}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["details"]["resume"]["format"] == "docx"


@pytest.mark.django_db
def test_giant_resume_text_gets_422_not_a_giant_row(
    client_for, candidate, job, settings
):
    settings.OPENHIRE_DOC_MAX_CHARS = 10_000
    response = client_for(candidate).post(
        "/review-resume",
        {"resume": "Python Django " * 5000, "job_id": str(job.id)},
        format="json",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "document_too_complex"
    assert not Application.objects.exists()
