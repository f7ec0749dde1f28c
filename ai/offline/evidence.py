"""Find the resume evidence for each job requirement, weighted by where it stands.

Use it as::

    from ai.offline import evidence, resume_index
    resume = resume_index.read_resume(text, job_text=..., listed=[...])
    finding = evidence.match(requirement, resume, role=role_requirement)
    finding.credit, finding.evidence, finding.where, finding.via

Where a requirement is met sets its credit (published with the review):
an experience entry or a plain sentence about work 1.0, a summary or project
0.7, education 0.6, certifications and other sections 0.5 (a certification
1.0 in a sentence or a certifications list), a keyword list 0.3 (0.05 when
the resume is flagged for keyword stuffing), the header never. Met only through a related
skill 0.5 of that (transferable: LPN for RN, Swift for Kotlin), only implied
0.75 (MySQL for SQL); something being learned 0.35. Text addressed to the
screener and sentences copied from the job ad are not evidence. Years of
experience come from stated "N years" sentences and from the months of the
relevant roles' date ranges (overlaps counted once), whichever is more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ai.offline import text as textkit
from ai.offline import vocabulary
from ai.offline.job_requirements import Requirement, degree_level
from ai.offline.resume_index import Indexed, Resume
from ai.offline.resume_sections import Unit
from ai.offline.vocabulary import Term

MATCHED_AT = 0.5  # credit from which a skill or role is reported as matched
GRADED_KINDS = ("experience", "education")  # reported as matched only when fully met
WHERE_CREDIT = {
    "experience": 1.0,
    "body": 1.0,
    "summary": 0.7,
    "projects": 0.7,
    "education": 0.6,
    "certifications": 0.5,
    "other": 0.5,
}
LIST_CREDIT = 0.3
STUFFED_LIST_CREDIT = 0.05
CREDIT_RELATED = 0.5
CREDIT_IMPLIED = 0.75
CREDIT_LEARNING = 0.35
ROLE_IN_PROSE = 0.8
CREDIT_LOWER_DEGREE = 0.25
WEIGHT_RELATED_ROLE = 0.5
WEIGHT_SKILLED_ROLE = 0.5
WHERE_LABEL = {
    "experience": "experience",
    "body": "experience",
    "summary": "summary",
    "projects": "projects",
    "education": "education",
    "certifications": "certifications",
    "other": "other",
    "skills": "skills list",
}

_YEARS_STATED = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b(?!\s*(?:old|of age|ago))",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:age|aged)\s*[:=]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """How well the resume meets one requirement, and the text that shows it."""

    requirement: Requirement
    credit: float  # 0..1
    evidence: str = ""
    where: str = ""  # WHERE_LABEL value
    via: str = ""  # the related or implying term, when not met directly
    relation: str = ""  # "" | "related" | "implied"
    learning: bool = False
    stated_years: float = 0.0


def where_label(unit: Unit) -> str:
    """Return where a unit stands, as the review reports it."""
    if unit.is_list and unit.section not in ("certifications", "education"):
        return "skills list"
    return WHERE_LABEL.get(unit.section, "other")


def is_matched(finding: Finding) -> bool:
    """Say whether a finding meets its requirement (fully for years and degrees)."""
    kind = finding.requirement.kind
    return finding.credit >= (1.0 if kind in GRADED_KINDS else MATCHED_AT)


# --- credit by place ---------------------------------------------------------------


def place_credit(item: Indexed, term: Term | None, *, stuffed: bool) -> float:
    """Return what a mention in `item` is worth before relations and learning."""
    if item.excluded:
        return 0.0
    unit = item.unit
    certification = term is not None and term.kind == "certification"
    if unit.is_list and not (certification and unit.section == "certifications"):
        return STUFFED_LIST_CREDIT if stuffed else LIST_CREDIT
    if certification:
        return 1.0
    return WHERE_CREDIT.get(unit.section, 0.5)


def _best(
    requirement: Requirement,
    candidates: list[tuple[float, Indexed, str, str]],
) -> Finding:
    """Return the finding of the highest-credit candidate (first on ties)."""
    best: Finding | None = None
    for credit, item, via, relation in candidates:
        if item.learning:
            credit *= CREDIT_LEARNING
        if credit <= 0 or (best is not None and credit <= best.credit):
            continue
        best = Finding(
            requirement,
            round(credit, 4),
            item.unit.text,
            where=where_label(item.unit),
            via=via,
            relation=relation,
            learning=item.learning,
        )
    return best or Finding(requirement, 0.0)


# --- skills ----------------------------------------------------------------------------


def _term_candidates(
    term: Term, resume: Resume, factor: float, relation: str, via: str
) -> list[tuple[float, Indexed, str, str]]:
    return [
        (factor * place_credit(item, term, stuffed=resume.stuffed), item, via, relation)
        for item in resume.units
        if term.key in item.terms
    ]


def match_term(requirement: Requirement, resume: Resume) -> Finding:
    """Return the best evidence of a vocabulary skill: direct, implied or related."""
    term = requirement.term
    assert term is not None
    store = vocabulary.default()
    candidates = _term_candidates(term, resume, 1.0, "", "")
    for other in store.implied_by(term):
        candidates += _term_candidates(
            other, resume, CREDIT_IMPLIED, "implied", other.name
        )
    for other in store.related(term):
        candidates += _term_candidates(
            other, resume, CREDIT_RELATED, "related", other.name
        )
    return _best(requirement, candidates)


def match_phrase(requirement: Requirement, resume: Resume) -> Finding:
    """Return the best evidence of a skill the vocabulary does not know."""
    phrase = requirement.phrase
    assert phrase is not None
    candidates = [
        (place_credit(item, None, stuffed=resume.stuffed), item, "", "")
        for item in resume.units
        if phrase.mentioned_in(item.unit.text)
    ]
    return _best(requirement, candidates)


# --- the role ---------------------------------------------------------------------------


def _names_role(item: Indexed, requirement: Requirement) -> float:
    """Return 1 when `item` names the role, the related share for a related title."""
    term = requirement.term
    if term is not None:
        if term.key in item.titles:
            return 1.0
        related = {t.key for t in vocabulary.default().related(term)}
        return WEIGHT_RELATED_ROLE if related & item.titles else 0.0
    words = requirement.title_words
    lemmas = textkit.lemmas(item.unit.text)
    n = len(words)
    found = any(tuple(lemmas[i : i + n]) == words for i in range(len(lemmas) - n + 1))
    return 1.0 if n and found else 0.0


def match_role(requirement: Requirement, resume: Resume) -> Finding:
    """Return the best evidence of having held the role: a title, not loose words."""
    candidates = []
    for item in resume.units:
        unit = item.unit
        if (
            item.excluded
            or unit.is_list
            or unit.section in ("education", "certifications", "skills")
        ):
            continue
        share = _names_role(item, requirement)
        if share:
            place = 1.0 if unit.is_title else ROLE_IN_PROSE
            related = "related" if share < 1 else ""
            candidates.append((share * place, item, "", related))
    return _best(requirement, candidates)


# --- years ------------------------------------------------------------------------------


def _entry_weight(
    index: int,
    resume: Resume,
    requirement: Requirement,
    role: Requirement | None,
    listed: Sequence[Term],
) -> float:
    """Return how much an entry's months count towards the years asked (0..1)."""
    items = [
        u
        for u in resume.entry_units[index]
        if not (u.excluded or u.learning or u.unit.is_list)
    ]
    if not items:
        return 0.0
    keys = frozenset().union(*(u.terms for u in items))
    weights = [0.0]
    if role is not None:
        weights += [_names_role(u, role) for u in items if u.unit.is_title]
    if any(s.key in keys for s in requirement.subjects):
        weights.append(1.0)
    if sum(t.key in keys for t in listed) >= 2:
        weights.append(WEIGHT_SKILLED_ROLE)
    return max(weights)


def dated_years(
    requirement: Requirement,
    resume: Resume,
    role: Requirement | None,
    listed: Sequence[Term],
) -> tuple[float, str]:
    """Return the relevant years from date ranges and the longest entry's dates line."""
    covered: dict[int, float] = {}
    best_line, best_months = "", 0
    for i, entry in enumerate(resume.entries):
        weight = _entry_weight(i, resume, requirement, role, listed)
        if not weight or entry.span is None:
            continue
        for month in range(entry.span.first, entry.span.last + 1):
            covered[month] = max(covered.get(month, 0.0), weight)
        if entry.span.months > best_months:
            best_months = entry.span.months
            best_line = next(
                (u.unit.text for u in resume.entry_units[i] if u.unit.is_title), ""
            )
    return sum(covered.values()) / 12, best_line


def stated_years(
    requirement: Requirement, resume: Resume, role: Requirement | None
) -> tuple[float, str]:
    """Return the most years a sentence states about the subject or the role."""
    best, evidence = 0.0, ""
    for item in resume.units:
        if item.excluded or item.unit.is_list or item.unit.section == "education":
            continue
        sentence = textkit.digits_for_number_words(item.unit.text)
        values = [
            float(m.group(1))
            for m in _YEARS_STATED.finditer(sentence)
            if not _AGE_BEFORE.search(sentence[: m.start()])
        ]
        if not values or max(values) <= best:
            continue
        about = any(s.key in item.terms for s in requirement.subjects)
        if not about and role is not None:
            about = _names_role(item, role) >= 1.0
        if about or (not requirement.subjects and role is None):
            best, evidence = max(values), item.unit.text
    return best, evidence


def match_years(
    requirement: Requirement,
    resume: Resume,
    role: Requirement | None,
    listed: Sequence[Term],
) -> Finding:
    """Return the years-of-experience finding (credit = years / years asked)."""
    stated, stated_text = stated_years(requirement, resume, role)
    dated, dated_text = dated_years(requirement, resume, role, listed)
    years, text = (
        (stated, stated_text) if stated >= dated else (round(dated, 1), dated_text)
    )
    if years <= 0:
        return Finding(requirement, 0.0)
    credit = min(1.0, years / requirement.years)
    return Finding(requirement, credit, text, where="experience", stated_years=years)


# --- degree ------------------------------------------------------------------------------


def match_degree(requirement: Requirement, resume: Resume) -> Finding:
    """Return the degree finding: full at the level asked, a quarter below it."""
    best, evidence = 0, ""
    for item in resume.units:
        if item.excluded or item.unit.section == "skills":
            continue
        level, _ = degree_level(item.unit.text)
        if level > best:
            best, evidence = level, item.unit.text
    where = "education" if evidence else ""
    if best >= requirement.level:
        return Finding(requirement, 1.0, evidence, where=where)
    credit = CREDIT_LOWER_DEGREE if best else 0.0
    return Finding(requirement, credit, evidence, where=where)


def match(
    requirement: Requirement,
    resume: Resume,
    *,
    role: Requirement | None = None,
    listed: Sequence[Term] = (),
) -> Finding:
    """Return how well `resume` meets `requirement`."""
    if requirement.kind == "experience":
        return match_years(requirement, resume, role, listed)
    if requirement.kind == "education":
        return match_degree(requirement, resume)
    if requirement.kind == "role":
        return match_role(requirement, resume)
    if requirement.term is not None:
        return match_term(requirement, resume)
    return match_phrase(requirement, resume)
