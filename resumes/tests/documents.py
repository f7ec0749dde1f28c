"""Build real resume files (PDF, DOCX, images, zips) in memory for the tests."""

from __future__ import annotations

import copy
import io
import sys
import zipfile

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
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


# --- hostile documents, built at test time -------------------------------------------


def raw_pdf(content: bytes, *, extra: dict[int, bytes] | None = None) -> bytes:
    """Return a one-page Letter PDF drawing `content` (Helvetica is /F1).

    `extra` adds numbered objects (from 10 up); the page's resources name
    object 10 + max as form XObject /X when `extra` is given.
    """
    extra = extra or {}
    xobject = b"/XObject << /X %d 0 R >>" % max(extra) if extra else b""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + xobject + b" >> >>",
        4: _stream(b"", content),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        **extra,
    }
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets.get(number, 0)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        xref,
    )
    return bytes(out)


def _stream(dictionary: bytes, content: bytes) -> bytes:
    return (
        b"<< "
        + dictionary
        + b" /Length %d >>\nstream\n" % len(content)
        + content
        + b"\nendstream"
    )


def pdf_text(words: str, *, y: int, extra: bytes = b"", size: int = 12) -> bytes:
    """Return a content-stream snippet drawing `words` at (72, y), state saved."""
    return b"q BT %s /F1 %d Tf 72 %d Td (%s) Tj ET Q\n" % (
        extra,
        size,
        y,
        words.encode("latin-1"),
    )


def make_xobject_bomb(
    *, depth: int = 8, fanout: int = 10, drawn_as: bytes = b"/X"
) -> bytes:
    """Return a tiny PDF whose page draws fanout**depth copies of a text XObject.

    Each level is a form XObject drawing the level below `fanout` times: a few
    KB on disk, billions of text objects once a parser expands it. `drawn_as`
    is how the content streams spell the name /X (e.g. escaped, `/#58`).
    """
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
    text = b"BT /F1 12 Tf 72 700 Td (Python Django PostgreSQL engineer) Tj ET"
    extra = {10: _stream(form + b"/Resources << /Font << /F1 5 0 R >> >>", text)}
    for level in range(1, depth + 1):
        resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (10 + level - 1)
        draws = b" ".join([drawn_as + b" Do"] * fanout)
        extra[10 + level] = _stream(form + resources, draws)
    return raw_pdf(drawn_as + b" Do", extra=extra)


VISIBLE_LINES = [
    "Backend engineer with seven years of Python.",
    "Built Django services on PostgreSQL.",
]
HIDDEN_WORDS = {
    "white": "Kubernetes expert white on white",
    "tiny": "Terraform guru in tiny print",
    "invisible": "Rust wizard in invisible ink",
    "off_page": "Golang master beyond the page edge",
}


def make_hidden_text_pdf() -> bytes:
    """Return a PDF with visible lines, the HIDDEN_WORDS tricks and white-on-dark text.

    The white text on a dark bar is visible and must be kept.
    """
    content = b"".join(
        pdf_text(line, y=700 - 20 * i) for i, line in enumerate(VISIBLE_LINES)
    )
    content += pdf_text(HIDDEN_WORDS["white"], y=600, extra=b"1 1 1 rg")
    content += pdf_text(HIDDEN_WORDS["tiny"], y=580, size=1)
    content += pdf_text(HIDDEN_WORDS["invisible"], y=560, extra=b"3 Tr")
    content += b"q BT /F1 12 Tf 2000 540 Td (%s) Tj ET Q\n" % (
        HIDDEN_WORDS["off_page"].encode()
    )
    content += b"q 0.1 0.1 0.3 rg 60 490 400 30 re f Q\n"
    content += pdf_text("Contact alex at example dot com", y=500, extra=b"1 1 1 rg")
    return raw_pdf(content)


def make_hidden_text_docx() -> bytes:
    """Return a DOCX with visible lines, a hidden run, a white run and white-on-dark."""
    document = Document()
    for line in VISIBLE_LINES:
        document.add_paragraph(line)
    paragraph = document.add_paragraph("Skills: Python. ")
    hidden = paragraph.add_run(HIDDEN_WORDS["invisible"])
    hidden.font.hidden = True
    white = paragraph.add_run(HIDDEN_WORDS["white"])
    white.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    banner = document.add_table(rows=1, cols=1).rows[0].cells[0]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "1F2A44")
    banner._tc.get_or_add_tcPr().append(shading)
    run = banner.paragraphs[0].add_run("Contact alex at example dot com")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_shared_header_docx(*, sections: int, header_lines: int) -> bytes:
    """Return a DOCX whose one big header part is shared by `sections` sections.

    Word stores this compactly (each section only points at the header), and a
    reader that walks the header once per section does sections x header work.
    """
    document = Document()
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "Alex Morgan, backend engineer"
    for index in range(header_lines):
        header.add_paragraph(f"Header line {index} Python Django")
    reference = document.sections[0]._sectPr.find(qn("w:headerReference"))
    for index in range(sections):
        paragraph = document.add_paragraph(f"Section {index}: built Django services.")
        section_properties = OxmlElement("w:sectPr")
        section_properties.append(copy.deepcopy(reference))
        paragraph._p.get_or_add_pPr().append(section_properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_vmerge_table_docx(*, rows: int) -> bytes:
    """Return a DOCX whose table's first column is one cell merged down `rows` rows."""
    document = Document()
    document.add_paragraph("Alex Morgan, backend engineer with Python and Django.")
    table = document.add_table(rows=rows, cols=2)
    for index, tr in enumerate(table._tbl.tr_lst):
        first, second = tr.tc_lst
        merge = OxmlElement("w:vMerge")
        if index == 0:
            merge.set(qn("w:val"), "restart")
            first.xpath("./w:p")[0].append(_run("Experience"))
        first.get_or_add_tcPr().append(merge)
        second.xpath("./w:p")[0].append(_run(f"Year {index}"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _run(text: str):
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = text
    run.append(run_text)
    return run
