"""Read employment date ranges from resume lines and count months of work.

Use it as::

    from ai.offline import dates
    dates.find_range("Mar 2019 - present", today=(2025, 6))  # Span(2019*12+2, ...)
    dates.find_range("Summer 2020")                          # three months
    dates.months([span_a, span_b])                           # overlaps counted once

A range is "<start> - <end>" where each side is a year, "Month Year",
"MM/YYYY" or a season with a year, and the end may be "present", "now",
"current" or "today". A lone year or season on a line is a short entry.
Months are counted as indices (year × 12 + month − 1). Pure: no I/O; "today"
is a parameter so the same input gives the same output.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = {
    "jan": 0,
    "feb": 1,
    "mar": 2,
    "apr": 3,
    "may": 4,
    "jun": 5,
    "jul": 6,
    "aug": 7,
    "sep": 8,
    "sept": 8,
    "oct": 9,
    "nov": 10,
    "dec": 11,
}
SEASONS = {"winter": (0, 2), "spring": (2, 5), "summer": (5, 8), "fall": (8, 11)}
SEASONS["autumn"] = SEASONS["fall"]
MIN_YEAR, MAX_YEAR = 1960, 2100

_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:winter|spring|summer|fall|autumn)"
_POINT = (
    rf"(?:(?P<{{p}}m>{_MONTH_NAME})\s*,?\s*|(?P<{{p}}s>{_SEASON})\s+|"
    rf"(?P<{{p}}n>0?[1-9]|1[0-2])\s*[/.]\s*)?(?P<{{p}}y>(?:19|20)\d\d)"
)
_NOW = r"(?P<now>present|pres\.?|now|current(?:ly)?|today|date|ongoing)"
_RANGE = re.compile(
    rf"\b{_POINT.format(p='a')}\s*(?:-|\u2013|\u2014|to|until|till)\s*"
    rf"(?:{_POINT.format(p='b')}|{_NOW})\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_SINGLE = re.compile(
    rf"\b(?:(?P<as>{_SEASON})\s+|(?P<am>{_MONTH_NAME})\s+)(?P<ay>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """A period of work: first and last month index, both included."""

    first: int
    last: int

    @property
    def months(self) -> int:
        return self.last - self.first + 1


def today_index(today: tuple[int, int] | None = None) -> int:
    """Return the month index of `today` (year, month) or of the current month."""
    if today is None:
        now = datetime.date.today()
        today = (now.year, now.month)
    return today[0] * 12 + today[1] - 1


def _month(match: re.Match[str], prefix: str, *, end: bool) -> int | None:
    year = int(match.group(f"{prefix}y"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    name, season, number = (
        match.group(f"{prefix}m"),
        match.group(f"{prefix}s"),
        match.group(f"{prefix}n"),
    )
    if name:
        month = MONTHS[name.lower()[:3]]
    elif season:
        month = SEASONS[season.lower()][1 if end else 0]
    elif number:
        month = int(number) - 1
    else:
        month = 0  # "2018 - 2023" is five years, not six
    return year * 12 + month


def find_range(line: str, *, today: tuple[int, int] | None = None) -> Span | None:
    """Return the first date range on `line` (or a lone season/year entry), or None."""
    match = _RANGE.search(line)
    if match:
        first = _month(match, "a", end=False)
        now = today_index(today)
        last = now if match.group("now") else _month(match, "b", end=True)
        if first is None or last is None:
            return None
        last = min(last, now)
        return Span(first, last) if first <= last else None
    since = _SINCE.search(line)
    if since and MIN_YEAR <= int(since.group("y")) <= MAX_YEAR:
        first = int(since.group("y")) * 12
        return Span(first, max(first, today_index(today)))
    return _single(line)


def _single(line: str) -> Span | None:
    """Return a lone "Summer 2020" or "May 2025" as a short span (a bare year dates
    a degree, not a role)."""
    match = _SINGLE.search(line)
    if not match:
        return None
    year = int(match.group("ay"))
    if match.group("as"):
        start, end = SEASONS[match.group("as").lower()]
        return Span(year * 12 + start, year * 12 + end)
    month = MONTHS[match.group("am").lower()[:3]]
    return Span(year * 12 + month, year * 12 + month)


def has_range(line: str) -> bool:
    """Say whether `line` holds a date range or a dated short entry."""
    return bool(_RANGE.search(line) or _SINCE.search(line) or _single(line))


def months(spans: Iterable[Span]) -> int:
    """Return how many distinct months `spans` cover (overlaps counted once)."""
    covered: set[int] = set()
    for span in spans:
        covered.update(range(span.first, span.last + 1))
    return len(covered)
