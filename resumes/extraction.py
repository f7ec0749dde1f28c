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

Only text a reader would see counts: PDF text drawn in the background's colour
(white on white), under 3 pt, in an invisible render mode or outside the page,
and DOCX runs marked hidden or coloured like their background, are dropped and
reported in `ExtractedText.hidden_chars` / `hidden_text` (the review warns).
`ExtractionLimits` caps pages, characters and paragraphs (`document_too_complex`
or `too_many_pages`). Parsing a stranger's file can still exhaust memory or CPU:
the service runs this module in `resumes.sandbox`'s worker processes, never in
the web process.

PDF text comes from pypdfium2 (the PDF engine under pdfplumber, without its
per-character layout analysis). Link annotations are read from the same pdfium
document (the URI action and the words under its rectangle), so links cost no
second parse; `bench/extract.py` measures this against pdfplumber. Only http(s)
links are kept.
"""

from __future__ import annotations

import base64
import binascii
import ctypes
import io
import math
import re
import threading
import unicodedata
import urllib.parse
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

ACCEPTED_TYPES = (
    "a PDF, a DOCX (Word 2007+) or a plain-text file (UTF-8, or UTF-16 with BOM)"
)

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
MSG_TOO_MANY_PAGES = "This PDF has more than {limit} pages; a resume is shorter."
MSG_TOO_COMPLEX = (
    "This document is too complex to read safely (it needs too much memory, time "
    "or text); export a simpler PDF or DOCX, or paste the text."
)
MSG_TOO_MUCH_TEXT = (
    "This document holds more than {limit} characters of text; a resume is shorter."
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
class ExtractionLimits:
    """Caps on what one document may hold; past one it is refused, not truncated."""

    max_pages: int = 50
    max_chars: int = 200_000
    max_paragraphs: int = 20_000
    # Form XObjects drawn per PDF page, nesting multiplied out (see
    # `_check_form_expansion`): a resume draws a handful.
    max_form_draws: int = 100_000


@dataclass(frozen=True)
class Link:
    """A hyperlink found in the document: its target and the words it sits behind."""

    url: str
    text: str = ""


HIDDEN_SAMPLE_CHARS = 300  # how much of the dropped text a warning may quote


@dataclass(frozen=True)
class ExtractedText:
    """Normalised text of a document, and what was dropped as invisible.

    `pages` is the PDF page count; DOCX and text have no fixed pages and count 1.
    `hidden_chars` counts the non-space characters dropped as invisible and
    `hidden_text` quotes the start of them (at most `HIDDEN_SAMPLE_CHARS`).
    """

    text: str
    pages: int
    format: str  # "pdf" | "docx" | "txt"
    links: tuple[Link, ...] = field(default_factory=tuple)
    hidden_chars: int = 0
    hidden_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return plain JSON-ready data (the sandbox's wire format)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractedText:
        """Rebuild from `to_dict` output, checking every field's type."""
        links = tuple(
            Link(url=str(link["url"]), text=str(link["text"])) for link in data["links"]
        )
        return cls(
            text=str(data["text"]),
            pages=int(data["pages"]),
            format=str(data["format"]),
            links=links,
            hidden_chars=int(data["hidden_chars"]),
            hidden_text=str(data["hidden_text"]),
        )


def _hidden_summary(fragments: list[str]) -> tuple[int, str]:
    """Return (non-space characters, a normalised sample) of dropped text."""
    joined = normalize_whitespace(" ".join(fragments))
    count = sum(1 for char in joined if not char.isspace())
    return count, joined[:HIDDEN_SAMPLE_CHARS]


def is_web_link(url: str) -> bool:
    """Say whether `url` is an absolute http(s) link (the only kind kept or shown)."""
    parsed = urllib.parse.urlsplit(url.strip())
    return parsed.scheme.lower() in ("http", "https") and bool(parsed.netloc)


def web_links(stored: list[Any] | None) -> list[dict[str, str]]:
    """Return stored `{url, text}` links that are http(s), e.g. to show or link them.

    Rows written before links were filtered may hold `javascript:` or `data:` URLs.
    """
    return [
        {"url": str(link.get("url", "")), "text": str(link.get("text", ""))}
        for link in stored or []
        if isinstance(link, dict) and is_web_link(str(link.get("url", "")))
    ]


def too_complex() -> ExtractionError:
    """Return the refusal for a document past a resource or size limit."""
    return ExtractionError(MSG_TOO_COMPLEX, "document_too_complex")


def _check_chars(count: int, limits: ExtractionLimits) -> None:
    if count > limits.max_chars:
        raise ExtractionError(
            MSG_TOO_MUCH_TEXT.format(limit=limits.max_chars), "document_too_complex"
        )


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


# --- PDF ------------------------------------------------------------------------

# PDFium is not thread-safe: one document operation at a time per process. The
# service parses in sandbox worker processes (one document each at a time), so
# this lock only orders in-process callers (tests, the bench), never the service.
_PDFIUM_LOCK = threading.Lock()


def _open_pdf(data: bytes, pdfium, pdfium_c):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ExtractionError(MSG_ENCRYPTED_PDF, "encrypted_pdf") from None
        raise ExtractionError(MSG_CORRUPT_PDF, "corrupt_pdf") from None


def _extract_pdf(data: bytes, limits: ExtractionLimits) -> ExtractedText:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    _check_form_expansion(data, limits.max_form_draws)
    with _PDFIUM_LOCK:
        document = _open_pdf(data, pdfium, pdfium_c)
        try:
            page_count = len(document)
            if page_count == 0:
                raise ExtractionError(MSG_CORRUPT_PDF, "corrupt_pdf")
            if page_count > limits.max_pages:
                raise ExtractionError(
                    MSG_TOO_MANY_PAGES.format(limit=limits.max_pages), "too_many_pages"
                )
            texts, hidden, links = _pdf_pages(document, page_count, limits, pdfium_c)
        except pdfium.PdfiumError:
            raise ExtractionError(MSG_CORRUPT_PDF, "corrupt_pdf") from None
        finally:
            document.close()
    text = normalize_whitespace("\n\n".join(texts))
    _require_words(text, MSG_NO_TEXT_PDF)
    hidden_chars, hidden_text = _hidden_summary(hidden)
    return ExtractedText(
        text=text,
        pages=page_count,
        format="pdf",
        links=_unique(links),
        hidden_chars=hidden_chars,
        hidden_text=hidden_text,
    )


def _pdf_pages(document, page_count: int, limits: ExtractionLimits, pdfium_c):
    """Return each page's visible text, the hidden fragments and the links."""
    texts: list[str] = []
    hidden: list[str] = []
    links: list[Link] = []
    total = 0
    for index in range(page_count):
        page = document[index]
        textpage = page.get_textpage()
        try:
            visible, dropped = _pdf_visible_text(page, textpage, pdfium_c)
            links.extend(_pdf_page_links(document, page, textpage, pdfium_c))
        finally:
            textpage.close()
            page.close()
        total += len(visible)
        _check_chars(total, limits)
        texts.append(visible)
        if dropped.strip():
            hidden.append(dropped)
    return texts, hidden, links


# A page that draws form XObjects which draw form XObjects… expands to the product
# of their counts: 10 levels of 10 are 10**10 objects from a 3 KB file, and
# pdfium builds them all when it loads the page. Counted before pdfium sees it.
_DO = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do\b")


def _check_form_expansion(data: bytes, limit: int) -> None:
    """Refuse a PDF whose pages would expand past `limit` form XObject draws.

    Reads the page tree and the form XObjects' content streams with pdfminer
    (no layout). Files without forms (or object streams that may hide one) are
    not even opened. A file pdfminer cannot read is left to pdfium.
    """
    if b"/Form" not in data and b"/ObjStm" not in data:
        return
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = list(PDFPage.create_pages(document))
    except Exception:  # noqa: BLE001 - pdfminer raises many types; pdfium decides
        return
    memo: dict[int, int] = {}
    for page in pages[:MAX_PDF_PAGES_SCANNED]:
        total = 0
        for stream in _as_list(page.contents):
            total += _expansion(stream, page.resources, memo, limit, 0)
        if total > limit:
            raise too_complex()


MAX_PDF_PAGES_SCANNED = 1000


def _as_list(value) -> list:
    from pdfminer.pdftypes import resolve1

    value = resolve1(value)
    if value is None:
        return []
    return [resolve1(item) for item in value] if isinstance(value, list) else [value]


def _expansion(stream, resources, memo: dict[int, int], limit: int, depth: int) -> int:
    """Return how many form draws `stream` makes, counting nested forms' draws."""
    from pdfminer.pdftypes import PDFStream, resolve1

    if not isinstance(stream, PDFStream):
        return 0
    if depth > MAX_PDF_OBJECT_DEPTH:
        raise too_complex()
    key = id(stream)
    if key in memo:
        return memo[key]
    memo[key] = limit + 1  # a form that draws itself never ends
    try:
        content = stream.get_data()
    except Exception:  # noqa: BLE001 - a stream pdfminer cannot decode: pdfium decides
        content = b""
    xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
    total = 0
    for name, count in Counter(_DO.findall(content)).items():
        form = resolve1(xobjects.get(_pdf_name(name)))
        if isinstance(form, PDFStream) and _is_form(form):
            inner = form.get("Resources") or resources
            total += count * (1 + _expansion(form, inner, memo, limit, depth + 1))
            if total > limit:
                break
    memo[key] = total
    return total


def _pdf_name(raw: bytes) -> str:
    """Return a PDF name's text, `#xx` escapes decoded (`/X#31` is `/X1`)."""
    decoded = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), raw)
    return decoded.decode("latin-1")


def _is_form(stream) -> bool:
    from pdfminer.psparser import LIT

    return stream.get("Subtype") == LIT("Form")


# Text objects a reader cannot see: drawn in these render modes (3 = invisible,
# 7 = clip only), smaller than MIN_VISIBLE_PT, or within COLOUR_TOLERANCE of the
# colour painted under them (white paper unless a filled shape is there).
INVISIBLE_RENDER_MODES = (3, 7)
MIN_VISIBLE_PT = 3.0
COLOUR_TOLERANCE = 24
MAX_PDF_OBJECT_DEPTH = 16
_WHITE = (255, 255, 255)


def _pdf_visible_text(page, textpage, pdfium_c) -> tuple[str, str]:
    """Return (visible, hidden) text of a page; fast when nothing is hidden."""
    hidden_objects = _pdf_hidden_objects(page, pdfium_c)
    if not hidden_objects:
        return textpage.get_text_range(), ""
    raw = textpage.raw
    visible: list[str] = []
    dropped: list[str] = []
    previous = None
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        char = chr(code) if 0 < code < 0x110000 else ""
        owner = pdfium_c.FPDFText_GetTextObject(raw, index)
        address = ctypes.cast(owner, ctypes.c_void_p).value if owner else None
        if address in hidden_objects:
            if address != previous:
                dropped.append(" ")  # separate one hidden object from the next
            dropped.append(char)
        else:
            visible.append(char)
        previous = address
    return "".join(visible), "".join(dropped)


def _pdf_hidden_objects(page, pdfium_c) -> set[int]:
    """Return the addresses of the page's text objects a reader cannot see."""
    return _PdfPageScan(page, pdfium_c).hidden_objects()


class _PdfPageScan:
    """Walk a page's objects once (form XObjects included) to find invisible text.

    Shapes and images painted on the page are remembered, in paint order, as
    the backgrounds later text may sit on. ctypes buffers are reused.
    """

    def __init__(self, page, pdfium_c) -> None:
        self.page, self.c = page, pdfium_c
        self.box = page.get_bbox()
        self.hidden: set[int] = set()
        self.backgrounds: list[tuple[tuple[float, ...], tuple | None]] = []
        self.floats = [ctypes.c_float() for _ in range(4)]
        self.float_refs = [ctypes.byref(value) for value in self.floats]
        self.uints = [ctypes.c_uint() for _ in range(4)]
        self.uint_refs = [ctypes.byref(value) for value in self.uints]
        self.matrix = pdfium_c.FS_MATRIX()

    def hidden_objects(self) -> set[int]:
        raw, c = self.page.raw, self.c
        for index in range(c.FPDFPage_CountObjects(raw)):
            obj = c.FPDFPage_GetObject(raw, index)
            bounds = self.bounds(obj)
            off_page = bounds is not None and not _overlaps(bounds, self.box)
            self.classify(obj, bounds, 1.0, off_page, 0)
        return self.hidden

    def classify(self, obj, bounds, scale: float, off_page: bool, depth: int) -> None:
        """Add `obj`'s hidden text objects to `hidden`; record painted backgrounds."""
        c = self.c
        kind = c.FPDFPageObj_GetType(obj)
        if kind == c.FPDF_PAGEOBJ_FORM:
            if depth >= MAX_PDF_OBJECT_DEPTH:
                raise too_complex()
            inner = scale * self.scale(obj)
            for index in range(c.FPDFFormObj_CountObjects(obj)):
                child = c.FPDFFormObj_GetObject(obj, index)
                self.classify(child, None, inner, off_page, depth + 1)
        elif kind == c.FPDF_PAGEOBJ_TEXT:
            if off_page or self.text_invisible(obj, bounds, scale):
                self.hidden.add(ctypes.cast(obj, ctypes.c_void_p).value)
        elif depth == 0 and bounds is not None:  # a shape or an image on the page
            painted, fill = self.fill(obj, kind)
            if painted:
                self.backgrounds.append((bounds, fill))

    def text_invisible(self, obj, bounds, scale: float) -> bool:
        c = self.c
        mode = c.FPDFTextObj_GetTextRenderMode(obj)
        if mode in INVISIBLE_RENDER_MODES:
            return True
        c.FPDFTextObj_GetFontSize(obj, self.float_refs[0])
        if self.floats[0].value * scale * self.scale(obj) < MIN_VISIBLE_PT:
            return True
        colour = self.colour(obj, stroke=mode in (1, 5))
        if colour is None:
            return False
        if colour[3] == 0:
            return True
        background = self.background_at(bounds)
        return background is not None and colours_close(colour[:3], background)

    def background_at(self, bounds) -> tuple[int, ...] | None:
        """Return the colour last painted under the middle of `bounds` (white paper).

        None when it is an image, whose colours are unknown.
        """
        if bounds is None:  # inside a form XObject: compared with the paper
            return _WHITE
        x, y = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
        for area, fill in reversed(self.backgrounds[-200:]):
            if area[0] <= x <= area[2] and area[1] <= y <= area[3]:
                return fill
        return _WHITE

    def scale(self, obj) -> float:
        m = self.matrix
        if not self.c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            return 1.0
        return math.sqrt(abs(m.a * m.d - m.b * m.c))

    def bounds(self, obj) -> tuple[float, ...] | None:
        if not self.c.FPDFPageObj_GetBounds(obj, *self.float_refs):
            return None
        return tuple(value.value for value in self.floats)

    def colour(self, obj, *, stroke: bool) -> tuple[int, ...] | None:
        c = self.c
        getter = c.FPDFPageObj_GetStrokeColor if stroke else c.FPDFPageObj_GetFillColor
        if not getter(obj, *self.uint_refs):
            return None
        return tuple(value.value for value in self.uints)

    def fill(self, obj, kind: int) -> tuple[bool, tuple[int, ...] | None]:
        """Return (paints an area, its colour); the colour is None for images."""
        c = self.c
        if kind != c.FPDF_PAGEOBJ_PATH:
            return True, None
        fill_mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
        if not c.FPDFPath_GetDrawMode(
            obj, ctypes.byref(fill_mode), ctypes.byref(stroke)
        ):
            return False, None
        colour = self.colour(obj, stroke=False)
        if not fill_mode.value or colour is None or colour[3] == 0:
            return False, None  # an outline or a transparent fill: the paper shows
        return True, colour[:3]


def colours_close(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Say whether two RGB colours are too close to tell apart (text on background)."""
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) <= COLOUR_TOLERANCE


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
        if url and is_web_link(url):
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


def _extract_docx(data: bytes, limits: ExtractionLimits) -> ExtractedText:
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
    walk = _DocxWalk(limits, _docx_page_colour(document))
    try:
        headers, footers = _docx_headers_footers(document)
        for container in headers:
            walk.part(container, repeated=True)
        walk.part(document)
        for container in footers:
            walk.part(container, repeated=True)
    except RecursionError:  # tables nested absurdly deep
        raise too_complex() from None
    except ExtractionError:
        raise
    except (KeyError, ValueError, AttributeError):
        raise ExtractionError(MSG_CORRUPT_DOCX, "corrupt_docx") from None
    text = normalize_whitespace("\n".join(walk.lines))
    _require_words(text, MSG_NO_TEXT)
    hidden_chars, hidden_text = _hidden_summary(walk.hidden)
    return ExtractedText(
        text=text,
        pages=1,
        format="docx",
        links=_unique(walk.links),
        hidden_chars=hidden_chars,
        hidden_text=hidden_text,
    )


def _docx_headers_footers(document) -> tuple[list, list]:
    """Return each distinct header and footer part once, in section order.

    Many sections may share one header part; it is read once, however many
    sections point at it (reading it per section is quadratic).
    """
    found: dict[str, dict[int, object]] = {"header": {}, "footer": {}}
    for section in document.sections:
        for kind, parts in found.items():
            for container in _section_parts(section, kind):
                parts.setdefault(id(container.part), container)
    return list(found["header"].values()), list(found["footer"].values())


def _section_parts(section, kind: str) -> list:
    """Return the section's defined headers or footers (never create one)."""
    parts = []
    if section.different_first_page_header_footer:
        parts.append(getattr(section, f"first_page_{kind}"))
    parts.append(getattr(section, kind))
    return [part for part in parts if not part.is_linked_to_previous]


class _DocxWalk:
    """Collect a DOCX's visible lines, links and hidden text, part by part, once."""

    def __init__(self, limits: ExtractionLimits, page_colour) -> None:
        self.limits = limits
        self.page_colour = page_colour
        self.lines: list[str] = []
        self.links: list[Link] = []
        self.hidden: list[str] = []
        self.blocks = 0
        self.chars = 0
        self.seen: set[str] = set()

    def part(self, container, *, repeated: bool = False) -> None:
        """Read a body, header or footer: drop its hidden runs, then its blocks.

        A `repeated` part (header, footer) whose text was already read is skipped.
        """
        self.hidden.extend(_docx_drop_hidden_runs(container._element, self.page_colour))
        block = self.blocks_of(container)
        key = "\n".join(block)
        if repeated and (not block or key in self.seen):
            return
        self.seen.add(key)
        self.lines.extend(block)

    def blocks_of(self, container) -> list[str]:
        """Return the paragraphs and table rows of `container`, in reading order."""
        from docx.table import Table

        lines: list[str] = []
        for block in container.iter_inner_content():
            self.count(block)
            if isinstance(block, Table):
                lines.extend(self.table(block))
                continue
            text = block.text
            self.chars += len(text)
            _check_chars(self.chars, self.limits)
            lines.append(text)
            lines.extend(_docx_textboxes(block))
            for hyperlink in block.hyperlinks:
                if hyperlink.url and is_web_link(hyperlink.url):
                    self.links.append(
                        Link(url=hyperlink.url, text=hyperlink.text.strip())
                    )
        return lines

    def count(self, block) -> None:
        self.blocks += 1
        if self.blocks > self.limits.max_paragraphs:
            raise too_complex()

    def table(self, table) -> list[str]:
        """Return a table row by row; cells of a one-line row joined with " | ".

        Each `w:tc` is read once: a cell continuing a vertical merge is skipped
        (python-docx's `row.cells` walks up every merge, quadratic in rows).
        """
        from docx.table import _Cell

        lines: list[str] = []
        for tr in table._tbl.tr_lst:
            cells: list[str] = []
            for tc in tr.tc_lst:
                if tc.vMerge == "continue":
                    continue
                text = "\n".join(self.blocks_of(_Cell(tc, table))).strip()
                if text:
                    cells.append(text)
            if any("\n" in cell for cell in cells):
                lines.extend(cells)
            elif cells:
                lines.append(" | ".join(cells))
        return lines


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FALSE_VALUES = ("0", "false", "off")
_HIDDEN_RUNS = None


def _docx_page_colour(document) -> tuple[int, int, int]:
    """Return the document's page colour (`w:background`), white when unset."""
    background = document.element.find(f"{{{_W}}}background")
    if background is None:
        return _WHITE
    return _hex_colour(background.get(f"{{{_W}}}color")) or _WHITE


def _hex_colour(value: str | None) -> tuple[int, int, int] | None:
    if not value or len(value) != 6:
        return None  # "auto" or junk: Word picks a readable colour
    try:
        return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None


def _docx_drop_hidden_runs(element, page_colour) -> list[str]:
    """Remove runs marked hidden or coloured like their background; return their text.

    One XPath pass over the part: linear in its size.
    """
    global _HIDDEN_RUNS
    from lxml import etree

    if _HIDDEN_RUNS is None:
        _HIDDEN_RUNS = etree.XPath(
            ".//w:r[w:rPr/w:vanish or w:rPr/w:specVanish or w:rPr/w:color]",
            namespaces={"w": _W},
        )
    dropped: list[str] = []
    for run in _HIDDEN_RUNS(element):
        if _run_hidden(run, page_colour):
            dropped.append("".join(t.text or "" for t in run.iter(f"{{{_W}}}t")))
            run.getparent().remove(run)
    return dropped


def _run_hidden(run, page_colour) -> bool:
    properties = run.find(f"{{{_W}}}rPr")
    for tag in ("vanish", "specVanish"):
        flag = properties.find(f"{{{_W}}}{tag}")
        if flag is not None and flag.get(f"{{{_W}}}val", "1") not in _FALSE_VALUES:
            return True
    colour = properties.find(f"{{{_W}}}color")
    text_colour = (
        _hex_colour(colour.get(f"{{{_W}}}val")) if colour is not None else None
    )
    if text_colour is None:
        return False
    background = _run_background(run, page_colour)
    if background is None:
        return False
    return colours_close(text_colour, background)


def _run_background(run, page_colour) -> tuple[int, int, int] | None:
    """Return the colour under a run: its highlight or the nearest shading, or the page.

    None when a highlight or shading is there but its colour cannot be read.
    """
    element = run
    while element is not None:
        properties = element.find(f"{{{_W}}}rPr")
        if properties is None:
            properties = element.find(f"{{{_W}}}pPr")
        if properties is None:
            properties = element.find(f"{{{_W}}}tcPr")
        if properties is not None:
            if properties.find(f"{{{_W}}}highlight") is not None:
                return None
            shading = properties.find(f"{{{_W}}}shd")
            if shading is not None:
                fill = shading.get(f"{{{_W}}}fill")
                if fill and fill.lower() != "auto":
                    return _hex_colour(fill)
        element = element.getparent()
    return page_colour


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


def extract_plain(
    text: str, *, limits: ExtractionLimits = ExtractionLimits()
) -> ExtractedText:
    """Return resume text sent as a string, normalised; refuse it without words."""
    if "\x00" in text:
        raise ExtractionError(MSG_BINARY_TEXT, "unsupported_type")
    normalised = normalize_whitespace(text)
    _check_chars(len(normalised), limits)
    _require_words(normalised, MSG_NO_TEXT)
    return ExtractedText(text=normalised, pages=1, format="txt")


def extract_text(
    data: bytes,
    filename: str | None = None,
    *,
    limits: ExtractionLimits = ExtractionLimits(),
) -> ExtractedText:
    """Return the normalised, visible text of a PDF, DOCX or text resume.

    `filename` is informative only: the type is decided by the content.
    Raises `ExtractionError` with a `code` for every refused input. Runs in the
    caller's process: the service calls it through `resumes.sandbox`.
    """
    del filename  # never trusted for typing; kept for callers' symmetry
    if not data:
        raise ExtractionError(MSG_NO_TEXT, "no_text")
    kind = sniff_format(data)
    if kind == "pdf":
        return _extract_pdf(data, limits)
    if kind == "zip":
        return _extract_docx(data, limits)
    return extract_plain(decode_text(data), limits=limits)
