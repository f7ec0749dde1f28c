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

This module holds the contract (types, limits, refusals), typing by content,
data: URLs and plain text; the readers are `resumes.pdf_text` (pypdfium2, the
PDF engine under pdfplumber without its per-character layout analysis;
`bench/extract.py` measures both) and `resumes.docx_text` (python-docx). Only
http(s) links are kept.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import unicodedata
import urllib.parse
import zipfile
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


def hidden_summary(fragments: list[str]) -> tuple[int, str]:
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


def check_chars(count: int, limits: ExtractionLimits) -> None:
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


def require_words(text: str, message: str) -> None:
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


# --- visibility and links, shared by the PDF and DOCX readers -----------------------

# Text within this distance (per RGB channel) of the colour under it is unreadable.
COLOUR_TOLERANCE = 24
WHITE = (255, 255, 255)


def colours_close(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Say whether two RGB colours are too close to tell apart (text on background)."""
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) <= COLOUR_TOLERANCE


def unique_links(links: list[Link]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for link in links:
        seen.setdefault(link.url, link)
    return tuple(seen.values())


# --- Office zips -------------------------------------------------------------------

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


# --- entry point ----------------------------------------------------------------


def extract_plain(
    text: str, *, limits: ExtractionLimits = ExtractionLimits()
) -> ExtractedText:
    """Return resume text sent as a string, normalised; refuse it without words."""
    if "\x00" in text:
        raise ExtractionError(MSG_BINARY_TEXT, "unsupported_type")
    normalised = normalize_whitespace(text)
    check_chars(len(normalised), limits)
    require_words(normalised, MSG_NO_TEXT)
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
        from resumes.pdf_text import extract_pdf

        return extract_pdf(data, limits)
    if kind == "zip":
        from resumes.docx_text import extract_docx

        return extract_docx(data, limits)
    return extract_plain(decode_text(data), limits=limits)
