"""Read the visible text and the web links of a DOCX (python-docx), within limits.

Each part (the body, each distinct header and footer) is walked once, linearly
in its size. Called by `resumes.extraction.extract_text` for a Word zip.
"""

from __future__ import annotations

import io
import zipfile

from resumes.extraction import (
    MSG_CORRUPT_DOCX,
    MSG_NO_TEXT,
    MSG_OTHER_OFFICE,
    WHITE,
    ExtractedText,
    ExtractionError,
    ExtractionLimits,
    Link,
    check_chars,
    check_zip,
    colours_close,
    hidden_summary,
    is_web_link,
    normalize_whitespace,
    require_words,
    too_complex,
    unique_links,
)

# --- DOCX -----------------------------------------------------------------------


def extract_docx(data: bytes, limits: ExtractionLimits) -> ExtractedText:
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
    require_words(text, MSG_NO_TEXT)
    hidden_chars, hidden_text = hidden_summary(walk.hidden)
    return ExtractedText(
        text=text,
        pages=1,
        format="docx",
        links=unique_links(walk.links),
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
            check_chars(self.chars, self.limits)
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
        return WHITE
    return _hex_colour(background.get(f"{{{_W}}}color")) or WHITE


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
