"""Extraction: every accepted type and every refusal, with real files."""

from __future__ import annotations

import base64
import urllib.parse
from pathlib import Path

import pytest

from resumes import extraction
from resumes.extraction import (
    ExtractionError,
    ExtractionLimits,
    decode_data_url,
    extract_text,
    is_data_url,
)
from resumes.tests import documents

DATA = Path(__file__).parent / "data" / "resume-fit" / "resumes"


def refusal(data: bytes) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        extract_text(data)
    return caught.value


# --- accepted -------------------------------------------------------------------


def test_it_extracts_the_text_of_a_generated_pdf():
    extracted = extract_text(documents.make_pdf(), "cv.pdf")
    assert extracted.format == "pdf"
    assert extracted.pages == 1
    assert extracted.text.splitlines() == documents.RESUME_LINES


def test_it_counts_pages_and_keeps_them_in_order():
    extracted = extract_text(documents.make_pdf(pages=3))
    assert extracted.pages == 3
    markers = [line for line in extracted.text.splitlines() if line.startswith("Page ")]
    assert markers == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]


def test_it_reads_the_url_behind_linked_words_in_a_pdf():
    data = documents.make_pdf(link=("GitHub profile", "https://github.com/amorgan"))
    extracted = extract_text(data)
    assert [(link.url, link.text) for link in extracted.links] == [
        ("https://github.com/amorgan", "GitHub profile")
    ]
    assert "https://github.com" not in extracted.text  # the URL is behind the words


def test_it_reads_a_pdf_with_only_an_owner_password():
    extracted = extract_text(documents.make_pdf(owner_password="secret"))
    assert "Django REST APIs" in extracted.text


def test_it_extracts_docx_paragraphs_and_tables_in_reading_order():
    data = documents.make_docx(
        before=["Alex Morgan", "Backend engineer."],
        table=[["Skills", "Python, Django"], ["Years", "7"]],
        after=["References on request."],
    )
    extracted = extract_text(data)
    assert extracted.format == "docx"
    assert extracted.text.splitlines() == [
        "Alex Morgan",
        "Backend engineer.",
        "Skills | Python, Django",
        "Years | 7",
        "References on request.",
    ]


def test_it_reads_docx_headers_and_hyperlinks():
    data = documents.make_docx(
        header="alex@example.com | +1 555 0101",
        link=("LinkedIn", "https://www.linkedin.com/in/amorgan"),
    )
    extracted = extract_text(data)
    assert extracted.text.splitlines()[0] == "alex@example.com | +1 555 0101"
    assert "Profile: LinkedIn" in extracted.text
    assert [(link.url, link.text) for link in extracted.links] == [
        ("https://www.linkedin.com/in/amorgan", "LinkedIn")
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"Python developer, Django and PostgreSQL.",
        "\ufeffPython developer, Django and PostgreSQL.".encode(),
        "\ufeffPython developer, Django and PostgreSQL.".encode("utf-16-le"),
        "\ufeffPython developer, Django and PostgreSQL.".encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom"],
)
def test_it_accepts_utf8_and_utf16_text(data):
    extracted = extract_text(data)
    assert extracted.format == "txt"
    assert extracted.text == "Python developer, Django and PostgreSQL."


def test_it_types_by_content_not_by_file_name():
    assert extract_text(documents.make_pdf(), "resume.txt").format == "pdf"
    assert extract_text(documents.make_docx(), "resume.pdf").format == "docx"


@pytest.mark.parametrize(
    "name", ["r1-senior-django", "r3-data-scientist", "r4-frontend-react"]
)
def test_the_shared_pdf_docx_and_txt_renderings_give_the_same_words(name):
    words = {
        suffix: extract_text((DATA / f"{name}.{suffix}").read_bytes()).text.split()
        for suffix in ("pdf", "docx", "txt")
    }
    assert words["pdf"] == words["txt"]
    assert words["docx"] == words["txt"]


def test_it_normalises_whitespace():
    raw = (
        "  Alex\u00a0\u00a0Morgan \r\n\r\n\r\n\tPython\t developer\u200b \x0c Django  "
    )
    assert (
        extraction.normalize_whitespace(raw)
        == "Alex Morgan\n\nPython developer\n\nDjango"
    )


def test_it_joins_a_word_hyphenated_across_a_line():
    assert extraction.normalize_whitespace("experi\u00ad\nence") == "experience"


# --- refused --------------------------------------------------------------------


def test_a_scanned_pdf_is_refused_as_no_text():
    error = refusal(documents.make_scanned_pdf())
    assert error.code == "no_text"
    assert str(error) == extraction.MSG_NO_TEXT_PDF


def test_a_password_protected_pdf_is_refused():
    error = refusal(documents.make_pdf(user_password="secret"))
    assert error.code == "encrypted_pdf"


@pytest.mark.parametrize(
    "data",
    [
        documents.make_pdf()[:400],
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
    ],
    ids=["truncated", "garbage"],
)
def test_a_corrupt_pdf_is_refused(data):
    assert refusal(data).code == "corrupt_pdf"


def test_a_pdf_with_too_many_pages_is_refused():
    with pytest.raises(ExtractionError) as caught:
        extract_text(documents.make_pdf(pages=3), limits=ExtractionLimits(max_pages=2))
    assert caught.value.code == "too_many_pages"


def test_a_legacy_word_doc_is_refused_naming_the_accepted_types():
    error = refusal(documents.make_legacy_doc())
    assert error.code == "unsupported_type"
    assert extraction.ACCEPTED_TYPES in str(error)


@pytest.mark.parametrize(
    "data",
    [documents.make_png(), documents.make_jpeg(), documents.executable_bytes()],
    ids=["png", "jpeg", "executable"],
)
def test_images_and_programs_are_refused(data):
    error = refusal(data)
    assert error.code == "unsupported_type"
    assert extraction.ACCEPTED_TYPES in str(error)


@pytest.mark.parametrize(
    "files",
    [
        {"notes.txt": b"Python developer with Django."},
        {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"},
    ],
    ids=["plain-zip", "spreadsheet"],
)
def test_a_zip_that_is_not_a_word_document_is_refused(files):
    error = refusal(documents.make_zip(files))
    assert error.code == "unsupported_type"
    assert str(error) == extraction.MSG_OTHER_ZIP


def test_a_docx_with_an_absurd_number_of_parts_is_refused():
    extra = {
        f"customXml/item{index}.xml": b"<a/>"
        for index in range(extraction.MAX_ZIP_ENTRIES)
    }
    error = refusal(documents.make_docx_with_extra_parts(extra))
    assert error.code == "zip_bomb"


def test_a_docx_part_that_inflates_absurdly_is_refused():
    bomb = {"word/media/bomb.bin": b"\x00" * (4 * 1024 * 1024)}
    assert refusal(documents.make_docx_with_extra_parts(bomb)).code == "zip_bomb"


def test_a_docx_whose_declared_total_size_is_absurd_is_refused(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_ZIP_UNCOMPRESSED_BYTES", 20_000)
    big = {"word/media/photo.bin": bytes(range(256)) * 100}
    assert refusal(documents.make_docx_with_extra_parts(big)).code == "zip_bomb"


def test_a_truncated_docx_is_refused_as_corrupt():
    assert refusal(documents.make_docx()[:2000]).code == "corrupt_docx"


def test_a_docx_whose_document_part_is_broken_xml_is_refused_as_corrupt():
    broken = documents.make_docx_with_extra_parts({"word/document.xml": b"<w:document"})
    assert refusal(broken).code == "corrupt_docx"


@pytest.mark.parametrize(
    "data",
    [
        b"Python developer\x00\x00 with Django",
        "Python developer without BOM".encode("utf-16-le"),
    ],
    ids=["nul-bytes", "utf16-without-bom"],
)
def test_text_with_nul_bytes_is_refused(data):
    error = refusal(data)
    assert error.code == "unsupported_type"
    assert str(error) == extraction.MSG_BINARY_TEXT


def test_text_with_undecodable_bytes_is_refused():
    error = refusal("Développeur Python à Paris".encode("latin-1"))
    assert error.code == "unsupported_type"
    assert str(error) == extraction.MSG_UNDECODABLE


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"- * -", "\ufeff".encode()])
def test_empty_text_is_refused_as_no_text(data):
    assert refusal(data).code == "no_text"


def test_an_empty_docx_is_refused_as_no_text():
    assert refusal(documents.make_docx(before=[])).code == "no_text"


# --- data: URLs -----------------------------------------------------------------


def test_a_base64_data_url_gives_back_the_pdf_bytes():
    pdf = documents.make_pdf()
    url = "data:application/pdf;base64," + base64.b64encode(pdf).decode()
    assert is_data_url(url)
    assert decode_data_url(url) == pdf


def test_a_base64_data_url_of_a_docx_with_line_breaks_decodes():
    docx = documents.make_docx()
    encoded = base64.b64encode(docx).decode()
    wrapped = "\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert decode_data_url(f"data:{mime};base64,{wrapped}") == docx


def test_a_url_safe_unpadded_base64_data_url_decodes():
    payload = b"\xfb\xff Python"
    encoded = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    assert decode_data_url("data:;base64," + encoded) == payload


def test_a_percent_encoded_text_data_url_decodes():
    text = "Python developer, 5 years"
    url = "data:text/plain;charset=utf-8," + urllib.parse.quote(text)
    assert decode_data_url(url) == text.encode()


@pytest.mark.parametrize(
    "url", ["data:application/pdf;base64,@@not base64@@", "data:nocomma"]
)
def test_a_malformed_data_url_is_refused(url):
    with pytest.raises(ExtractionError) as caught:
        decode_data_url(url)
    assert caught.value.code == "bad_data_url"


def test_a_data_url_over_the_limit_is_refused_before_decoding():
    url = "data:application/pdf;base64," + "A" * 4000
    with pytest.raises(ExtractionError) as caught:
        decode_data_url(url, max_bytes=1000)
    assert caught.value.code == "too_large"


def test_plain_text_is_not_a_data_url():
    assert not is_data_url("Python developer; data: lots of it")
