"""Read the visible text and the web links of a PDF (pypdfium2), within limits.

Called by `resumes.extraction.extract_text` for content sniffed as PDF; see
that module for the contract (`ExtractedText`, `ExtractionError` codes).
"""

from __future__ import annotations

import ctypes
import io
import math
import re
import threading
from collections import Counter

from resumes.extraction import (
    MSG_CORRUPT_PDF,
    MSG_ENCRYPTED_PDF,
    MSG_NO_TEXT_PDF,
    MSG_TOO_MANY_PAGES,
    WHITE,
    ExtractedText,
    ExtractionError,
    ExtractionLimits,
    Link,
    check_chars,
    colours_close,
    hidden_summary,
    is_web_link,
    normalize_whitespace,
    require_words,
    too_complex,
    unique_links,
)

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


def extract_pdf(data: bytes, limits: ExtractionLimits) -> ExtractedText:
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
    require_words(text, MSG_NO_TEXT_PDF)
    hidden_chars, hidden_text = hidden_summary(hidden)
    return ExtractedText(
        text=text,
        pages=page_count,
        format="pdf",
        links=unique_links(links),
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
        check_chars(total, limits)
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
MAX_PDF_OBJECT_DEPTH = 16


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
            return WHITE
        x, y = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
        for area, fill in reversed(self.backgrounds[-200:]):
            if area[0] <= x <= area[2] and area[1] <= y <= area[3]:
                return fill
        return WHITE

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
