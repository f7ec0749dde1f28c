"""Turn an uploaded resume (PDF, DOCX or plain text) into normalised text.

Use it as::

    from resumes.extraction import ExtractionError, extract_text
    try:
        extracted = extract_text(data, filename="cv.pdf")
    except ExtractionError as error:
        error.code, str(error)          # e.g. "no_text", "This PDF has no ..."
    extracted.text, extracted.pages, extracted.format, extracted.links

The type is decided by the content, never by the file name: PDF by its magic
bytes, DOCX as an Office zip holding `word/document.xml`, text as UTF-8 (with
or without BOM) or UTF-16 with a BOM. Everything else is refused with an
`ExtractionError` whose `code` says why and whose message names the accepted
types. Pure: no Django, no I/O beyond the bytes given.

PDF text comes from pypdfium2 (the PDF engine under pdfplumber, without its
per-character layout analysis). Link annotations are read from the same pdfium
document (the URI action and the words under its rectangle), so links cost no
second parse; `bench/extract.py` measures this against pdfplumber.
"""

from __future__ import annotations

import base64
import binascii
import ctypes
import io
import re
import threading
import unicodedata
import urllib.parse
import zipfile
from dataclasses import dataclass, field

ACCEPTED_TYPES = (
    "a PDF, a DOCX (Word 2007+) or a plain-text file (UTF-8, or UTF-16 with BOM)"
)

MAX_PDF_PAGES = 100
MAX_ZIP_ENTRIES = 1_000
MAX_ZIP_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRY_RATIO = 200  # uncompressed / compressed, for entries above 1 MB
MIN_WORDS = 3

MSG_LEGACY_DOC = (
    "Legacy Word .doc files (and password-protected Office files) are not supported: "
    f"save it as DOCX or PDF, or upload {ACCEPTED_TYPES}."
)
MSG_IMAGE = (
    "This file is an image ({kind}); scanned resumes cannot be read: "
    f"upload {ACCEPTED_TYPES}."
)
MSG_EXECUTABLE = f"This file is a program, not a resume: upload {ACCEPTED_TYPES}."
MSG_OTHER_ZIP = f"This ZIP archive is not a Word document: upload {ACCEPTED_TYPES}."
MSG_OTHER_OFFICE = (
    f"This Office file is not a plain Word document (.docx): upload {ACCEPTED_TYPES}."
)
MSG_BINARY_TEXT = (
    f"This file contains binary data (NUL bytes), not text: upload {ACCEPTED_TYPES}."
)
MSG_UNDECODABLE = (
    "This file is neither PDF, DOCX nor valid UTF-8/UTF-16 text: "
    f"upload {ACCEPTED_TYPES}."
)
MSG_CORRUPT_PDF = "This PDF is damaged and cannot be read; export it again and retry."
MSG_ENCRYPTED_PDF = "This PDF is password-protected; upload a copy without a password."
MSG_TOO_MANY_PAGES = (
    f"This PDF has more than {MAX_PDF_PAGES} pages; a resume is shorter."
)
MSG_CORRUPT_DOCX = (
    "This DOCX file is damaged and cannot be read; save it again and retry."
)
MSG_ZIP_BOMB = (
    "This DOCX file expands to an unreasonable size or number of parts and was refused."
)
MSG_NO_TEXT_PDF = (
    "This PDF has no extractable text (it is probably a scanned image); "
    "upload a PDF with selectable text, a DOCX or a text file."
)
MSG_NO_TEXT = "The resume has no readable text; it must contain at least a few words."
MSG_BAD_DATA_URL = "The resume data: URL is malformed or its base64 payload is invalid."
MSG_TOO_LARGE = "The resume is larger than the upload limit."


class ExtractionError(ValueError):
    """Refuse an input, saying why in `code` and, for people, in the message."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Link:
    """A hyperlink found in the document: its target and the words it sits behind."""

    url: str
    text: str = ""


@dataclass(frozen=True)
class ExtractedText:
    """Normalised text of a document.

    `pages` is the PDF page count; DOCX and text have no fixed pages and count 1.
    """

    text: str
    pages: int
    format: str  # "pdf" | "docx" | "txt"
    links: tuple[Link, ...] = field(default_factory=tuple)


# --- whitespace -----------------------------------------------------------------

_SOFT_BREAK = re.compile("[\u00ad\ufffe\x02][ \t]*(?:\r\n|\r|\n)")
_INVISIBLE = re.compile("[\u00ad\ufffe\ufeff\u200b\u200c\u200d\u2060\x02]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_whitespace(text: str) -> str:
    """Return `text` in NFKC with one space between words and at most one blank line.

    Line breaks inside a hyphenated word (soft hyphen) are joined, invisible and
    control characters dropped, every line stripped.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _SOFT_BREAK.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _require_words(text: str, message: str) -> None:
    if len(re.findall(r"\w{2,}", text)) < MIN_WORDS:
        raise ExtractionError(message, "no_text")


# --- data: URLs -----------------------------------------------------------------

_DATA_URL = re.compile(r"^\s*data:([^,]*),(.*)$", re.DOTALL | re.IGNORECASE)


def is_data_url(value: str) -> bool:
    """Say whether `value` is a `data:` URL (a resume sent inline)."""
    return value[:64].lstrip()[:5].lower() == "data:"


def decode_data_url(value: str, *, max_bytes: int | None = None) -> bytes:
    """Return the bytes of a `data:` URL (base64 or percent-encoded).

    The declared media type is ignored: `extract_text` types by content.
    Raises `ExtractionError` (`bad_data_url`, or `too_large` past `max_bytes`,
    checked before decoding).
    """
    match = _DATA_URL.match(value)
    if not match:
        raise ExtractionError(MSG_BAD_DATA_URL, "bad_data_url")
    params = [part.strip().lower() for part in match.group(1).split(";")]
    payload = match.group(2)
    if "base64" in params:
        payload = re.sub(r"\s+", "", payload)
        if max_bytes is not None and len(payload) * 3 // 4 > max_bytes:
            raise ExtractionError(MSG_TOO_LARGE, "too_large")
        payload = urllib.parse.unquote(payload) if "%" in payload else payload
        payload += "=" * (-len(payload) % 4)
        altchars = b"-_" if ("-" in payload or "_" in payload) else None
        try:
            data = base64.b64decode(payload, altchars=altchars, validate=True)
        except (binascii.Error, ValueError):
            raise ExtractionError(MSG_BAD_DATA_URL, "bad_data_url") from None
    else:
        data = urllib.parse.unquote_to_bytes(payload)
    if max_bytes is not None and len(data) > max_bytes:
        raise ExtractionError(MSG_TOO_LARGE, "too_large")
    return data


# --- sniffing -------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_EXECUTABLES = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
)
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def sniff_format(data: bytes) -> str:
    """Return "pdf", "zip" or "txt" for `data`, or raise for a known refused type."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(_OLE2):
        raise ExtractionError(MSG_LEGACY_DOC, "unsupported_type")
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            raise ExtractionError(MSG_IMAGE.format(kind=kind), "unsupported_type")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise ExtractionError(MSG_IMAGE.format(kind="WebP"), "unsupported_type")
    if head.startswith(_EXECUTABLES):
        raise ExtractionError(MSG_EXECUTABLE, "unsupported_type")
    return "txt"


# --- plain text -----------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM optional) or UTF-16 (BOM required); refuse anything else."""
    if data.startswith(_UTF32_BOMS):
        raise ExtractionError(MSG_UNDECODABLE, "unsupported_type")
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", data[3:]
    elif data.startswith(b"\xff\xfe"):
        encoding, body = "utf-16-le", data[2:]
    elif data.startswith(b"\xfe\xff"):
        encoding, body = "utf-16-be", data[2:]
    else:
        encoding, body = "utf-8", data
    if encoding == "utf-8" and b"\x00" in body:
        raise ExtractionError(MSG_BINARY_TEXT, "unsupported_type")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractionError(MSG_UNDECODABLE, "unsupported_type") from None
    if "\x00" in text:
        raise ExtractionError(MSG_BINARY_TEXT, "unsupported_type")
    return text


def _extract_txt(data: bytes) -> ExtractedText:
    text = normalize_whitespace(decode_text(data))
    _require_words(text, MSG_NO_TEXT)
    return ExtractedText(text=text, pages=1, format="txt")


# --- PDF ------------------------------------------------------------------------

# PDFium is not thread-safe: one document operation at a time per process.
_PDFIUM_LOCK = threading.Lock()


def _extract_pdf(data: bytes) -> ExtractedText:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if error.err_code in (
                pdfium_c.FPDF_ERR_PASSWORD,
                pdfium_c.FPDF_ERR_SECURITY,
            ):
                raise ExtractionError(MSG_ENCRYPTED_PDF, "encrypted_pdf") from None
            raise ExtractionError(MSG_CORRUPT_PDF, "corrupt_pdf") from None
        try:
            page_count = len(document)
            if page_count == 0:
                raise ExtractionError(MSG_CORRUPT_PDF, "corrupt_pdf")
            if page_count > MAX_PDF_PAGES:
                raise ExtractionError(MSG_TOO_MANY_PAGES, "too_many_pages")
            texts: list[str] = []
            links: list[Link] = []
            for index in range(page_count):
                page = document[index]
                textpage = page.get_textpage()
                try:
                    texts.append(textpage.get_text_range())
                    links.extend(_pdf_page_links(document, page, textpage, pdfium_c))
                finally:
                    textpage.close()
                    page.close()
        except pdfium.PdfiumError:
            raise ExtractionError(MSG_CORRUPT_PDF, "corrupt_pdf") from None
        finally:
            document.close()
    text = normalize_whitespace("\n\n".join(texts))
    _require_words(text, MSG_NO_TEXT_PDF)
    return ExtractedText(
        text=text, pages=page_count, format="pdf", links=_unique(links)
    )


def _pdf_page_links(document, page, textpage, pdfium_c) -> list[Link]:
    """Read the page's URI link annotations and the words under each one."""
    found: list[Link] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(
        page.raw, ctypes.byref(position), ctypes.byref(link)
    ):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
        if size <= 1 or size > 8192:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
        url = buffer.value.decode("utf-8", "replace").strip()
        rect = pdfium_c.FS_RECTF()
        anchor = ""
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            anchor = textpage.get_text_bounded(
                rect.left, rect.bottom, rect.right, rect.top
            )
        if url:
            found.append(Link(url=url, text=normalize_whitespace(anchor)))
    return found


def _unique(links: list[Link]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for link in links:
        seen.setdefault(link.url, link)
    return tuple(seen.values())


# --- DOCX -----------------------------------------------------------------------

_DOCX_MAIN = "word/document.xml"


def check_zip(data: bytes) -> zipfile.ZipFile:
    """Open an Office zip after checking its directory for zip-bomb shapes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise ExtractionError(MSG_CORRUPT_DOCX, "corrupt_docx") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ExtractionError(MSG_ZIP_BOMB, "zip_bomb")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio_suspicious = (
            entry.file_size > 1024 * 1024
            and entry.file_size > MAX_ZIP_ENTRY_RATIO * max(entry.compress_size, 1)
        )
        if total > MAX_ZIP_UNCOMPRESSED_BYTES or ratio_suspicious:
            raise ExtractionError(MSG_ZIP_BOMB, "zip_bomb")
        if entry.flag_bits & 0x1:
            raise ExtractionError(MSG_LEGACY_DOC, "unsupported_type")
    names = {entry.filename for entry in entries}
    if _DOCX_MAIN not in names or "[Content_Types].xml" not in names:
        raise ExtractionError(MSG_OTHER_ZIP, "unsupported_type")
    return archive


def _extract_docx(data: bytes) -> ExtractedText:
    check_zip(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError:
        # python-docx refuses a main part that is not a plain document (.docm, .dotx).
        raise ExtractionError(MSG_OTHER_OFFICE, "unsupported_type") from None
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, SyntaxError, OSError):
        raise ExtractionError(MSG_CORRUPT_DOCX, "corrupt_docx") from None
    lines: list[str] = []
    links: list[Link] = []
    seen_headers: set[str] = set()
    try:
        for section in document.sections:
            for header in _section_parts(section, "header"):
                block = _docx_blocks(header, links)
                key = "\n".join(block)
                if block and key not in seen_headers:
                    seen_headers.add(key)
                    lines.extend(block)
        lines.extend(_docx_blocks(document, links))
        for section in document.sections:
            for footer in _section_parts(section, "footer"):
                block = _docx_blocks(footer, links)
                key = "\n".join(block)
                if block and key not in seen_headers:
                    seen_headers.add(key)
                    lines.extend(block)
    except (KeyError, ValueError, AttributeError):
        raise ExtractionError(MSG_CORRUPT_DOCX, "corrupt_docx") from None
    text = normalize_whitespace("\n".join(lines))
    _require_words(text, MSG_NO_TEXT)
    return ExtractedText(text=text, pages=1, format="docx", links=_unique(links))


def _section_parts(section, kind: str) -> list:
    """Return the section's defined headers or footers (never create one)."""
    parts = []
    if section.different_first_page_header_footer:
        parts.append(getattr(section, f"first_page_{kind}"))
    parts.append(getattr(section, kind))
    return [part for part in parts if not part.is_linked_to_previous]


def _docx_blocks(container, links: list[Link]) -> list[str]:
    """Return the paragraphs and table rows of `container`, in reading order."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_docx_table(block, links))
        else:
            lines.append(block.text)
            lines.extend(_docx_textboxes(block))
            for hyperlink in block.hyperlinks:
                if hyperlink.url:
                    links.append(Link(url=hyperlink.url, text=hyperlink.text.strip()))
    return lines


def _docx_table(table, links: list[Link]) -> list[str]:
    """Return a table row by row; cells of a one-line row joined with " | "."""
    lines: list[str] = []
    seen_cells: set[int] = set()
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen_cells:  # merged cells repeat the same element
                continue
            seen_cells.add(id(cell._tc))
            text = "\n".join(_docx_blocks(cell, links)).strip()
            if text:
                cells.append(text)
        if any("\n" in cell for cell in cells):
            lines.extend(cells)
        elif cells:
            lines.append(" | ".join(cells))
    return lines


_TEXTBOX_PARAGRAPHS = None


def _docx_textboxes(paragraph) -> list[str]:
    """Return the text of text boxes anchored in `paragraph` (once, not the fallback)."""
    global _TEXTBOX_PARAGRAPHS
    from lxml import etree

    if _TEXTBOX_PARAGRAPHS is None:
        _TEXTBOX_PARAGRAPHS = etree.XPath(
            ".//w:txbxContent[not(ancestor::mc:Fallback)]//w:p",
            namespaces={
                "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
            },
        )
    out: list[str] = []
    for element in _TEXTBOX_PARAGRAPHS(paragraph._p):
        text = "".join(element.itertext())
        if text.strip():
            out.append(text)
    return out


# --- entry point ----------------------------------------------------------------


def extract_plain(text: str) -> ExtractedText:
    """Return resume text sent as a string, normalised; refuse it without words."""
    if "\x00" in text:
        raise ExtractionError(MSG_BINARY_TEXT, "unsupported_type")
    normalised = normalize_whitespace(text)
    _require_words(normalised, MSG_NO_TEXT)
    return ExtractedText(text=normalised, pages=1, format="txt")


def extract_text(data: bytes, filename: str | None = None) -> ExtractedText:
    """Return the normalised text of a PDF, DOCX or text resume.

    `filename` is informative only: the type is decided by the content.
    Raises `ExtractionError` with a `code` for every refused input.
    """
    del filename  # never trusted for typing; kept for callers' symmetry
    if not data:
        raise ExtractionError(MSG_NO_TEXT, "no_text")
    kind = sniff_format(data)
    if kind == "pdf":
        return _extract_pdf(data)
    if kind == "zip":
        return _extract_docx(data)
    return _extract_txt(data)
