"""Build real resume files (PDF, DOCX, images, zips) in memory for the tests."""

from __future__ import annotations

import io
import sys
import zipfile

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FPDF
from PIL import Image

RESUME_LINES = [
    "Alex Morgan",
    "Backend engineer with 7 years of Python experience.",
    "Built Django REST APIs backed by PostgreSQL and Redis.",
    "Deployed services with Docker to AWS.",
]


def make_pdf(
    lines: list[str] = RESUME_LINES,
    *,
    pages: int = 1,
    link: tuple[str, str] | None = None,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """Return a real PDF with `lines` on each page, optionally a link or a password."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for number in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        if pages > 1:
            pdf.multi_cell(
                0, 6, f"Page {number + 1} of {pages}", new_x="LMARGIN", new_y="NEXT"
            )
        if link:
            words, url = link
            pdf.cell(60, 8, words, link=url, new_x="LMARGIN", new_y="NEXT")
    if user_password or owner_password:
        pdf.set_encryption(
            owner_password=owner_password or "owner", user_password=user_password
        )
    return bytes(pdf.output())


def make_scanned_pdf() -> bytes:
    """Return a PDF whose only page is an image (what a scanner produces)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(make_png()), x=10, y=10, w=100)
    return bytes(pdf.output())


def make_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (240, 240, 240)).save(buffer, format="PNG")
    return buffer.getvalue()


def make_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (200, 10, 10)).save(buffer, format="JPEG")
    return buffer.getvalue()


def _add_hyperlink(paragraph, text: str, url: str) -> None:
    rel_id = paragraph.part.relate_to(
        url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = text
    run.append(run_text)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def make_docx(
    *,
    before: list[str] | None = None,
    table: list[list[str]] | None = None,
    after: list[str] | None = None,
    link: tuple[str, str] | None = None,
    header: str | None = None,
) -> bytes:
    """Return a real DOCX: paragraphs, then a table, then more paragraphs."""
    document = Document()
    if header:
        document.sections[0].header.is_linked_to_previous = False
        document.sections[0].header.paragraphs[0].text = header
    for line in before if before is not None else RESUME_LINES:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for line in after or []:
        document.add_paragraph(line)
    if link:
        paragraph = document.add_paragraph("Profile: ")
        _add_hyperlink(paragraph, *link)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def make_docx_with_extra_parts(extra: dict[str, bytes]) -> bytes:
    """Return a valid DOCX with `extra` parts added to its zip."""
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    files = {info.filename: source.read(info) for info in source.infolist()}
    files.update(extra)
    return make_zip(files)


def make_legacy_doc() -> bytes:
    """Return the start of an OLE2 compound file, the container of Word 97-2003 .doc."""
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    )
    return header + b"\x00" * (512 - len(header)) + b"Word.Document.8" + b"\x00" * 512


def executable_bytes() -> bytes:
    """Return the first 64 KB of the running Python interpreter (a real executable)."""
    with open(sys.executable, "rb") as handle:
        return handle.read(65536)
