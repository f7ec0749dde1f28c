"""Read a resume into sections, experience entries and the units evidence comes from.

Use it as::

    from ai.offline import resume_sections
    parsed = resume_sections.parse(text, today=(2025, 6))
    for unit in parsed.units:          # sentences and bullets a reviewer may read
        unit.text, unit.section, unit.entry, unit.is_list
    parsed.entries[0].title, parsed.entries[0].span   # "Staff Nurse ...", Span

Steps (each a function below): prepare the text (fold quotes and dashes,
keeping every character where it was, so evidence can be quoted); drop the header (the name line and every contact or personal-data
line); find section headings ("Experience", "Skills:", "Certs:" ...); group
experience lines into entries, each opened by a line with a date range and
titled by the short lines just before it; split the rest into units and say
which are keyword lists. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ai.offline import dates
from ai.offline import text as textkit

MAX_RESUME_CHARS = 60_000

SECTIONS = (
    "summary",
    "experience",
    "education",
    "certifications",
    "skills",
    "projects",
    "other",
    "body",
)
_HEADINGS = {
    "summary": "summary profile about objective overview introduction",
    "experience": "experience work employment career history professional teaching "
    "clinical rotations positions jobs",
    "education": "education formation training qualifications studies academic",
    "certifications": "certifications certification certificates certs cert "
    "licenses license licences licence credentials",
    "skills": "skills skill competencies expertise technologies tools stack "
    "keywords strengths languages",
    "projects": "projects project portfolio volunteering volunteer",
    "other": "interests hobbies references awards publications activities",
}
_HEADING_WORDS = {
    word: kind for kind, names in _HEADINGS.items() for word in names.split()
}
_FILLER_WORDS = frozenset("and of & my other relevant key core technical".split())
_INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{1,30}?)\s*:\s*(\S.*)$")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # linear: starts a run
_PHONE = re.compile(
    r"(?:\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s*\d[\d\s.-]{4,}\d|\b\d{3}[-.]\d{3}[-.]\d{4}\b)"
)
_PROFILE_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com|gitlab\.com)/\S*",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"^\W*(?:age|aged|date of birth|d\.o\.b|dob|born|birthday|gender|sex|"
    r"marital status|married|nationality|citizenship|religion|photo|picture|"
    r"pronouns|place of birth)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*\.?$")
_LIST_SPLIT = re.compile(r"\s*(?:[,;|\u2022\u00b7]|\s/\s)\s*")
TITLE_LINE_WORDS = 14  # a longer line is prose, not a role title


@dataclass(frozen=True)
class Unit:
    """One sentence or bullet of the resume and where it stands."""

    text: str
    section: str  # one of SECTIONS
    entry: int = -1  # index into `Parsed.entries`, -1 outside any entry
    is_title: bool = False  # the entry's title/dates line(s)
    is_list: bool = False  # a keyword list rather than a sentence


@dataclass(frozen=True)
class Entry:
    """One role: its title lines, its dates and its text."""

    title: str
    span: dates.Span | None
    text: str


@dataclass(frozen=True)
class Parsed:
    """A resume read into units (header dropped) and experience entries."""

    units: tuple[Unit, ...]
    entries: tuple[Entry, ...]
    dropped: int = 0  # header, contact and personal lines removed
    kinds: frozenset[str] = field(default_factory=frozenset)  # sections seen


@dataclass
class _Line:
    text: str
    section: str
    entry: int = -1
    is_title: bool = False
    forced_list: bool = False


# --- steps ----------------------------------------------------------------------


def prepare(text: str) -> list[str]:
    """Return the logical lines of `text` (quotes and dashes folded), blanks as ""."""
    return textkit.split_lines(
        textkit.fold_chars(text[:MAX_RESUME_CHARS]), keep_blank=True
    )


def looks_like_name(line: str) -> bool:
    """Say whether `line` (its part before a comma or bar) reads as a person's name."""
    head = re.split(r"[,|]", line, maxsplit=1)[0]
    parts = head.split()
    if not 2 <= len(parts) <= 5 or any(ch.isdigit() for ch in head):
        return False
    if dates.has_range(line):
        return False  # "Data Engineer, Acme (2019 - 2024)" is a role
    if heading_kind(head):
        return False
    return all(_NAME_WORD.match(part) and part[0].isupper() for part in parts)


def is_private(line: str) -> bool:
    """Say whether `line` holds contact details or personal data."""
    return bool(
        _EMAIL.search(line)
        or _PHONE.search(line)
        or _PROFILE_URL.search(line)
        or _PERSONAL.match(line)
    )


def drop_header(lines: list[str]) -> tuple[list[str], int]:
    """Blank the name line and every contact/personal line; return how many."""
    kept = list(lines)
    dropped = 0
    first = next((i for i, line in enumerate(kept) if line), None)
    if first is not None and looks_like_name(kept[first]):
        kept[first], dropped = "", 1
    for i, line in enumerate(kept):
        if line and is_private(line):
            kept[i], dropped = "", dropped + 1
    return kept, dropped


def heading_kind(line: str) -> str:
    """Return the section a heading line opens ("EXPERIENCE" → "experience"), or ""."""
    words = re.sub(r"[^\w&\s]", " ", line.lower()).split()
    if not 1 <= len(words) <= 4 or line.rstrip().endswith("."):
        return ""
    kinds = [_HEADING_WORDS.get(w) for w in words if w not in _FILLER_WORDS]
    if not kinds or not all(kinds):
        return ""
    return kinds[-1] or ""  # the head noun is last: "Professional Summary"


def inline_section(line: str) -> tuple[str, str]:
    """Split "Skills: a, b" into ("skills", "a, b"); ("", line) when no label."""
    match = _INLINE.match(line)
    if match:
        kind = heading_kind(match.group(1))
        if kind and kind != "experience":
            return kind, match.group(2)
    return "", line


def is_keyword_list(line: str) -> bool:
    """Say whether `line` is a list of short items rather than a sentence."""
    items = [item for item in _LIST_SPLIT.split(textkit.strip_bullet(line)) if item]
    if len(items) < 3:
        return False
    words = sum(len(item.split()) for item in items)
    return words / len(items) <= 3.5


def _sectioned(lines: list[str]) -> list[_Line]:
    """Tag each line with its section; headings themselves are consumed."""
    out: list[_Line] = []
    current = "body"
    for line in lines:
        kind = heading_kind(line) if line else ""
        if kind:
            current = kind
            out.append(_Line("", current))
            continue
        inline, rest = inline_section(line) if line else ("", line)
        out.append(_Line(rest, inline or current, forced_list=inline == "skills"))
    return out


def _is_title_line(line: _Line) -> bool:
    text = line.text
    return bool(
        text
        and not textkit.is_bulleted(text)
        and not text.endswith(".")
        and len(text.split()) <= TITLE_LINE_WORDS
        and not dates.has_range(text)
        and line.section in ("experience", "body", "projects")
        and line.entry < 0
    )


def _entries(lines: list[_Line], today: tuple[int, int] | None) -> list[Entry]:
    """Group experience lines into entries opened by a dated line; tag the lines."""
    starts: list[tuple[int, int, dates.Span | None]] = []
    for i, line in enumerate(lines):
        if line.section not in ("experience", "body", "projects") or not line.text:
            continue
        span = dates.find_range(line.text, today=today)
        if span is None:
            continue
        first = i
        while (
            first - 1 >= 0 and i - (first - 1) <= 2 and _is_title_line(lines[first - 1])
        ):
            first -= 1
        starts.append((first, i, span))
        for j in range(first, i + 1):
            lines[j].entry, lines[j].is_title = len(starts) - 1, True
    entries = []
    for n, (first, dated, span) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = _entry_body(lines, dated + 1, end, n)
        title = " ".join(lines[j].text for j in range(first, dated + 1))
        entries.append(Entry(title=title, span=span, text=" ".join([title, *body])))
    return entries


def _entry_body(lines: list[_Line], start: int, end: int, entry: int) -> list[str]:
    """Tag the lines of one entry's body until a new section; return their text."""
    section = lines[start - 1].section
    body: list[str] = []
    for j in range(start, end):
        if lines[j].section != section or (
            not lines[j].text and j + 1 < end and lines[j + 1].section != section
        ):
            break
        lines[j].entry = entry
        if lines[j].text:
            body.append(lines[j].text)
    return body


def _units(lines: list[_Line]) -> list[Unit]:
    units: list[Unit] = []
    for line in lines:
        if not line.text:
            continue
        as_list = (
            line.forced_list or line.section == "skills" or is_keyword_list(line.text)
        )
        if as_list and line.entry >= 0 and not line.forced_list:
            as_list = len(_LIST_SPLIT.split(line.text)) >= 6
        pieces = (
            [line.text] if as_list or line.is_title else textkit.split_unit(line.text)
        )
        section = "experience" if line.entry >= 0 else line.section
        units.extend(
            Unit(p, section, line.entry, line.is_title, as_list) for p in pieces
        )
    return units


def parse(text: str, *, today: tuple[int, int] | None = None) -> Parsed:
    """Return the resume's readable units and entries (header dropped)."""
    lines, dropped = drop_header(prepare(text))
    tagged = _sectioned(lines)
    entries = _entries(tagged, today)
    units = _units(tagged)
    return Parsed(
        units=tuple(units),
        entries=tuple(entries),
        dropped=dropped,
        kinds=frozenset(unit.section for unit in units),
    )
