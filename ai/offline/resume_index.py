"""Index a resume for matching: terms per unit, exclusions, the stuffing flag.

Use it as::

    from ai.offline import resume_index
    resume = resume_index.read_resume(text, job_text=job_text, listed=terms)
    for item in resume.units:
        item.unit, item.terms, item.titles, item.excluded, item.learning
    resume.stuffed      # mostly job keywords, shown in no role

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ai.offline import resume_checks, resume_sections, vocabulary
from ai.offline import text as textkit
from ai.offline.resume_sections import Entry, Unit
from ai.offline.vocabulary import Term

LEARNING = re.compile(
    r"\b(?:learning|familiar with|familiarity with|exposure to|basic knowledge|"
    r"beginner|coursework|currently studying|want to learn|side project|bootcamp|"
    r"course|prerequisites?|enrolled|pre-apprenticeship|certificate program|"
    r"transitioning|changing careers|career change|moving into|prepare for|"
    r"preparing for|studying for)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Indexed:
    """One resume unit with the terms it names and whether it may count."""

    unit: Unit
    terms: frozenset[str]
    titles: frozenset[str]  # title terms, a title inside a longer one dropped
    excluded: str = ""  # "" | "reader" | "echo"
    learning: bool = False


@dataclass(frozen=True)
class Resume:
    """A resume read for matching: indexed units, entries, the stuffing flag."""

    units: tuple[Indexed, ...]
    entries: tuple[Entry, ...]
    entry_units: tuple[tuple[Indexed, ...], ...]
    stuffed: bool = False


# --- reading ------------------------------------------------------------------------


_HELD_BEFORE = re.compile(
    r"(?:^[\s\-*>\u2022\u00b7]*|\b(?:as|am|was|were|been|became|is|i'm)\s+"
    r"(?:an?\s+|the\s+)?(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)


def held_titles(text: str, *, title_line: bool) -> frozenset[str]:
    """Return the role titles `text` says the candidate held.

    A title line holds every title it names; a sentence only a title it opens
    with or names after "as", "am", "was"... ("reported to the nurse" holds
    none). A title inside a longer one (nurse in "licensed practical nurse")
    is not a title of its own.
    """
    mentions = vocabulary.default().find(text, kinds=("title",))
    kept = [
        m
        for m in mentions
        if not any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in mentions
        )
        and (title_line or _HELD_BEFORE.search(text[: m.start]))
    ]
    return frozenset(m.term.key for m in kept)


def index_unit(unit: Unit, echo: resume_checks.JobEcho) -> Indexed:
    """Return `unit` with its terms, titles and exclusion."""
    terms = frozenset(m.term.key for m in vocabulary.default().find(unit.text))
    excluded = ""
    if not unit.is_list and echo.copies(unit.text):
        excluded = "echo"
    elif resume_checks.addresses_reader(unit.text):
        excluded = "reader"
    return Indexed(
        unit=unit,
        terms=terms,
        titles=held_titles(unit.text, title_line=unit.is_title),
        excluded=excluded,
        learning=bool(LEARNING.search(unit.text)),
    )


def _list_share(units: Sequence[Indexed]) -> float:
    counted = [u for u in units if not u.excluded]
    total = sum(len(textkit.tokenize(u.unit.text)) for u in counted)
    listed = sum(len(textkit.tokenize(u.unit.text)) for u in counted if u.unit.is_list)
    return listed / total if total else 0.0


def _stuffed(units: Sequence[Indexed], listed_terms: Sequence[Term]) -> bool:
    found = only_listed = 0
    for term in listed_terms:
        places = [u for u in units if term.key in u.terms and not u.excluded]
        if not places:
            continue
        found += 1
        only_listed += all(u.unit.is_list for u in places)
    return resume_checks.is_stuffed(
        list_share=_list_share(units), only_listed=only_listed, found=found
    )


def read_resume(
    text: str,
    *,
    job_text: str = "",
    listed: Sequence[Term] = (),
    today: tuple[int, int] | None = None,
) -> Resume:
    """Parse, index and check a resume against the job it is read for."""
    parsed = resume_sections.parse(text, today=today)
    echo = resume_checks.JobEcho.of(job_text)
    units = tuple(index_unit(unit, echo) for unit in parsed.units)
    per_entry = tuple(
        tuple(u for u in units if u.unit.entry == i) for i in range(len(parsed.entries))
    )
    return Resume(
        units=units,
        entries=parsed.entries,
        entry_units=per_entry,
        stuffed=_stuffed(units, listed),
    )
