"""Offline resume review: explainable requirement matching, no model, no network.

Use it through the engine (`ai.review_resume`) or directly::

    review(resume_text=text, job=JobSpec(title=..., description=..., skills=[...]),
           started=time.perf_counter())

How the score is made (published so candidates and recruiters can check it):

1. Requirements come from the job: every entry of `skills` (weight 1), the
   role named by the title (0.5), other skills the description names (0.25;
   those in a "nice to have"/"is a plus" sentence are bonus), an "N+ years"
   requirement (1) tied to the skills of its sentence and the role, and a
   degree (0.5).
2. Each requirement is looked up sentence by sentence in the resume through
   the skills vocabulary (`skills.py`: synonyms such as Postgres/PostgreSQL,
   k8s/Kubernetes, JS/JavaScript, word forms, plurals). A skill only implied
   by a related one (MySQL for SQL) earns 0.75; one the resume says is being
   learned earns 0.5; stated years below the requirement earn their share.
3. score = round(10 × min(1, (core credit + ½ bonus credit) / core weight)).

The first line when it is a name, contact lines (e-mail, phone, profile
URLs) and personal-data lines (age, birth date, gender, nationality,
photo...) are removed before matching, so the score never reads them.
Resume text is data: nothing in it is followed as an instruction. Same
input, same output.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from ai.offline import skills as vocabulary
from ai.offline.skills import PhraseMatcher, Skill
from ai.types import AIMeta, JobSpec, RequirementMatch, ResumeReview

PROMPT_VERSION = "offline-review-1"

WEIGHT_LISTED = 1.0
WEIGHT_ROLE = 0.5
WEIGHT_DESCRIBED = 0.25
WEIGHT_YEARS = 1.0
WEIGHT_DEGREE = 0.5
CREDIT_IMPLIED = 0.75
CREDIT_LEARNING = 0.5
BONUS_FACTOR = 0.5
MATCHED_AT = 0.5  # credit from which a skill is reported as matched
_GRADED = ("experience", "education")  # reported as matched only when fully met
CREDIT_LOWER_DEGREE = 0.25
MAX_RESUME_CHARS = 60_000
MAX_EVIDENCE_CHARS = 240
MAX_DESCRIBED = 20
WRAP_WIDTH = 60  # a line this long without a full stop was probably wrapped

FAIRNESS_NOTE = (
    "The score counts only job requirements found in the resume; names, contact "
    "details, gender, age and photos are not read."
)

# --- text helpers ---------------------------------------------------------------

_BONUS = re.compile(
    r"\b(?:is a plus|are a plus|a plus|nice[- ]to[- ]have|bonus|preferred|desirable|"
    r"ideally|advantage|would be great)\b",
    re.IGNORECASE,
)
_LEARNING = re.compile(
    r"\b(?:learning|familiar with|familiarity with|exposure to|basic knowledge|"
    r"beginner|coursework|currently studying|want to learn)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s*\d[\d\s.-]{4,}\d)")
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
_ROLE_WORDS = frozenset(
    [
        "engineer",
        "developer",
        "scientist",
        "analyst",
        "designer",
        "manager",
        "architect",
        "administrator",
        "consultant",
        "nurse",
        "teacher",
        "accountant",
        "programmer",
        "specialist",
        "technician",
        "lead",
        "director",
        "officer",
        "assistant",
        "coordinator",
        "intern",
        "researcher",
        "writer",
    ]
)
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’\-]*\.?$|^[A-Z]{2,}$")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "st",
        "no",
        "approx",
        "b.sc",
        "m.sc",
        "b.a",
        "m.a",
        "b.s",
        "m.s",
        "ph.d",
        "b.eng",
        "m.eng",
    ]
)
_BULLET = re.compile(r"^[\s\-–—•*·▪●○◦>]+")

_YEARS_REQUIRED = re.compile(
    r"(?:at least|minimum(?: of)?|over|more than)?\s*(\d{1,2}(?:\.\d)?)\s*"
    r"(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_YEARS_STATED = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b(?!\s*(?:old|of age|ago))",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:age|aged)\s*[:=]?\s*$", re.IGNORECASE)

_DEGREES: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (
        4,
        "doctoral",
        re.compile(r"\b(?:ph\.?\s?d|doctorate|doctoral|d\.phil)\b", re.IGNORECASE),
    ),
    (
        3,
        "master's",
        re.compile(
            r"\b(?:master'?s?|m\.\s?sc|msc|m\.\s?eng|meng|mba|m\.s\.|m\.a\.)(?![a-z])",
            re.IGNORECASE,
        ),
    ),
    (
        2,
        "bachelor's",
        re.compile(
            r"\b(?:bachelor'?s?|b\.\s?sc|bsc|b\.\s?eng|beng|b\.s\.|b\.a\.|"
            r"undergraduate degree)(?![a-z])",
            re.IGNORECASE,
        ),
    ),
    (1, "associate", re.compile(r"\bassociate(?:'s)? degree\b", re.IGNORECASE)),
)
_ANY_DEGREE = re.compile(r"\b(?:degree|diploma)\b", re.IGNORECASE)
_ROLE_SYNONYMS = (
    (re.compile(r"\bfront[\s-]end\b", re.IGNORECASE), "frontend"),
    (re.compile(r"\bback[\s-]end\b", re.IGNORECASE), "backend"),
    (re.compile(r"\bfull[\s-]stack\b", re.IGNORECASE), "fullstack"),
    (re.compile(r"\bdev[\s-]?ops\b", re.IGNORECASE), "devops"),
)
_GENERIC_TITLE_WORDS = frozenset(
    [
        "engineer",
        "developer",
        "dev",
        "senior",
        "junior",
        "lead",
        "principal",
        "staff",
        "sr",
        "jr",
        "intern",
        "associate",
        "specialist",
        "programmer",
        "software",
        "i",
        "ii",
        "iii",
        "iv",
        "remote",
        "hybrid",
        "contract",
        "the",
        "a",
        "an",
        "of",
        "and",
        "for",
        "with",
        "in",
        "at",
        "to",
        "or",
    ]
)


def split_sentences(text: str) -> list[str]:
    """Split resume or job text into sentences and bullet items.

    A wrapped line (starting in lower case after a line that did not end a
    sentence) is joined to the line before; abbreviations such as "B.Sc." or
    "e.g." do not end a sentence.
    """
    units: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
            continue
        if joinable and units and _continues(units[-1], line):
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(line)
        joinable = True
    sentences: list[str] = []
    for unit in units:
        start = 0
        for match in re.finditer(r"[.!?](?=\s+[A-Z0-9\"“(])", unit):
            before = unit[start : match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in _ABBREVIATIONS or len(last) == 1:
                continue
            sentences.append(unit[start : match.end()].strip())
            start = match.end()
        tail = unit[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def _continues(previous: str, line: str) -> bool:
    """Say whether `line` is the wrapped rest of `previous` (PDF line breaks)."""
    if previous.endswith((".", "!", "?", ":", ";")) or _BULLET.match(line):
        return False
    if line[:1].islower():
        return True
    return len(previous) >= WRAP_WIDTH and not line.isupper()


def _role_text(text: str) -> str:
    for pattern, replacement in _ROLE_SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


def _looks_like_name(line: str) -> bool:
    parts = line.replace(",", " ").split()
    if not 1 <= len(parts) <= 4 or any(ch.isdigit() for ch in line):
        return False
    if any(part.lower().strip(".,") in _ROLE_WORDS for part in parts):
        return False
    return all(_NAME_WORD.match(part) for part in parts)


def _is_private(line: str) -> bool:
    return bool(
        _EMAIL.search(line)
        or _PHONE.search(line)
        or _PROFILE_URL.search(line)
        or _PERSONAL.match(line)
    )


def resume_sentences(resume_text: str) -> list[str]:
    """Return the resume's sentences the reviewer may read: no name, contact, personal data."""
    lines = resume_text[:MAX_RESUME_CHARS].split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and _looks_like_name(lines[first].strip()):
        lines[first] = ""
    kept = ["" if _is_private(line) else line for line in lines]
    return split_sentences("\n".join(kept))


def _quote(sentence: str) -> str:
    text = _BULLET.sub("", sentence).strip()
    if len(text) > MAX_EVIDENCE_CHARS:
        text = text[: MAX_EVIDENCE_CHARS - 1].rstrip() + "…"
    return text


def _clean(name: str) -> str:
    """Keep a name from breaking clients that split prose on ". "."""
    return re.sub(r"\.\s+", " ", name).strip()


def _join(names: list[str], limit: int = 8) -> str:
    names = [_clean(name) for name in names]
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- requirements ---------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    """One thing the job asks for, and how to recognise it in a resume."""

    name: str
    kind: str  # "skill" | "role" | "experience" | "education"
    weight: float
    bonus: bool = False
    listed: bool = False
    skill: Skill | None = None
    phrase: PhraseMatcher | None = None
    years: float = 0.0
    subjects: tuple[Skill, ...] = ()
    title_terms: tuple[str, ...] = ()
    level: int = 0


def _listed_items(job: JobSpec) -> list[str]:
    items: list[str] = []
    for entry in job.skills:
        items.extend(part.strip() for part in re.split(r"[,;|\n•]", entry or ""))
    return [item for item in items if item]


def _title_terms(title: str) -> tuple[str, ...]:
    words = vocabulary.words(_role_text(title))
    return tuple(
        dict.fromkeys(
            vocabulary.stem(word) for word in words if word not in _GENERIC_TITLE_WORDS
        )
    )


def job_requirements(job: JobSpec) -> list[Requirement]:
    """Return the requirements of `job`, listed skills first, in a stable order."""
    requirements: list[Requirement] = []
    seen: set[str] = set()
    for item in _listed_items(job)[:40]:
        skill = vocabulary.lookup(item)
        if skill is not None:
            if skill.key in seen:
                continue
            seen.add(skill.key)
            requirements.append(
                Requirement(item, "skill", WEIGHT_LISTED, listed=True, skill=skill)
            )
            continue
        phrase = vocabulary.phrase_matcher(item)
        if phrase.stems and item.lower() not in seen:
            seen.add(item.lower())
            requirements.append(
                Requirement(item, "skill", WEIGHT_LISTED, listed=True, phrase=phrase)
            )

    title_terms = _title_terms(job.title)
    if title_terms:
        requirements.append(
            Requirement(
                f"Experience as {job.title.strip()}",
                "role",
                WEIGHT_ROLE,
                phrase=PhraseMatcher(job.title.strip(), frozenset(title_terms)),
            )
        )

    sentences = split_sentences(job.description or "")
    described = 0
    for sentence in sentences:
        bonus = bool(_BONUS.search(sentence))
        for name in vocabulary.find_skills(sentence):
            skill = vocabulary.get(name)
            if skill.key in seen or described >= MAX_DESCRIBED:
                continue
            seen.add(skill.key)
            described += 1
            requirements.append(
                Requirement(name, "skill", WEIGHT_DESCRIBED, bonus=bonus, skill=skill)
            )

    for sentence in sentences:
        match = _YEARS_REQUIRED.search(sentence)
        if match and 0 < float(match.group(1)) <= 40:
            years = float(match.group(1))
            subjects = tuple(
                vocabulary.get(n) for n in vocabulary.find_skills(sentence)
            )
            name = f"{years:g}+ years of experience"
            if subjects:
                name += " with " + _join([s.name for s in subjects], limit=4)
            requirements.append(
                Requirement(
                    name,
                    "experience",
                    WEIGHT_YEARS,
                    bonus=bool(_BONUS.search(sentence)),
                    years=years,
                    subjects=subjects,
                    title_terms=title_terms,
                )
            )
            break

    for sentence in sentences:
        level, label = _degree_level(sentence)
        if (
            not level
            and _ANY_DEGREE.search(sentence)
            and re.search(
                r"\b(?:degree in|degree or|university|college)\b",
                sentence,
                re.IGNORECASE,
            )
        ):
            level, label = 2, "bachelor's"
        if level:
            bonus = bool(_BONUS.search(sentence)) or "equivalent" in sentence.lower()
            requirements.append(
                Requirement(
                    f"{label[0].upper()}{label[1:]} degree",
                    "education",
                    WEIGHT_DEGREE,
                    bonus=bonus,
                    level=level,
                )
            )
            break
    return requirements


def _degree_level(sentence: str) -> tuple[int, str]:
    for level, label, pattern in _DEGREES:
        if pattern.search(sentence):
            return level, label
    return 0, ""


# --- matching -------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """How well the resume meets one requirement, and the sentence that shows it."""

    requirement: Requirement
    credit: float  # 0..1
    evidence: str = ""
    via: str = ""  # the related skill that implies it, when only implied
    learning: bool = False
    stated_years: float = 0.0


def _skill_sentences(skill: Skill, sentences: list[str]) -> list[str]:
    return [sentence for sentence in sentences if skill.mentioned_in(sentence)]


def _best_evidence(candidates: list[str]) -> str:
    """Prefer a sentence describing work over a bare comma-separated skills list."""

    def is_list(sentence: str) -> bool:
        parts = sentence.split(",")
        return len(parts) >= 3 and sum(len(p.split()) for p in parts) / len(parts) < 3

    for sentence in candidates:
        if not is_list(sentence):
            return sentence
    return candidates[0]


def _implying(skill: Skill) -> list[Skill]:
    first = vocabulary.implied_by(skill)
    second = [s for other in first for s in vocabulary.implied_by(other)]
    return list(dict.fromkeys([*first, *second]))


def _match_skill(requirement: Requirement, sentences: list[str]) -> Finding:
    skill = requirement.skill
    assert skill is not None
    found = _skill_sentences(skill, sentences)
    if found:
        fluent = [s for s in found if not _LEARNING.search(s)]
        if fluent:
            return Finding(requirement, 1.0, _best_evidence(fluent))
        return Finding(
            requirement, CREDIT_LEARNING, _best_evidence(found), learning=True
        )
    for other in _implying(skill):
        found = _skill_sentences(other, sentences)
        if found:
            return Finding(
                requirement, CREDIT_IMPLIED, _best_evidence(found), via=other.name
            )
    return Finding(requirement, 0.0)


def _match_phrase(requirement: Requirement, sentences: list[str]) -> Finding:
    phrase = requirement.phrase
    assert phrase is not None
    role = requirement.kind == "role"
    found = [s for s in sentences if phrase.mentioned_in(_role_text(s) if role else s)]
    if not found:
        return Finding(requirement, 0.0)
    return Finding(requirement, 1.0, _best_evidence(found))


def _match_years(requirement: Requirement, sentences: list[str]) -> Finding:
    best, evidence = 0.0, ""
    title = set(requirement.title_terms)
    for sentence in sentences:
        values = [
            float(m.group(1))
            for m in _YEARS_STATED.finditer(sentence)
            if not _AGE_BEFORE.search(sentence[: m.start()])
        ]
        if not values:
            continue
        if requirement.subjects or title:
            about_subject = any(s.mentioned_in(sentence) for s in requirement.subjects)
            stems = {vocabulary.stem(w) for w in vocabulary.words(_role_text(sentence))}
            about_role = bool(title) and title <= stems
            if not (about_subject or about_role):
                continue
        if max(values) > best:
            best, evidence = max(values), sentence
    if not best:
        return Finding(requirement, 0.0)
    credit = min(1.0, best / requirement.years)
    return Finding(requirement, credit, evidence, stated_years=best)


def _match_degree(requirement: Requirement, sentences: list[str]) -> Finding:
    best, evidence = 0, ""
    for sentence in sentences:
        level, _ = _degree_level(sentence)
        if level > best:
            best, evidence = level, sentence
    if best >= requirement.level:
        return Finding(requirement, 1.0, evidence)
    return Finding(requirement, CREDIT_LOWER_DEGREE if best else 0.0, evidence)


def match(requirement: Requirement, sentences: list[str]) -> Finding:
    """Return how well `sentences` (a resume) meet `requirement`."""
    if requirement.kind == "experience":
        return _match_years(requirement, sentences)
    if requirement.kind == "education":
        return _match_degree(requirement, sentences)
    if requirement.skill is not None:
        return _match_skill(requirement, sentences)
    return _match_phrase(requirement, sentences)


def score(findings: list[Finding]) -> int | None:
    """Return the 0-10 score of `findings`, or None when the job has nothing to check."""
    core = [f for f in findings if not f.requirement.bonus]
    total = sum(f.requirement.weight for f in core)
    if not total:
        return None
    got = sum(f.requirement.weight * f.credit for f in core)
    extra = BONUS_FACTOR * sum(
        f.requirement.weight * f.credit for f in findings if f.requirement.bonus
    )
    return int(10 * min(1.0, (got + extra) / total) + 0.5)


# --- prose ----------------------------------------------------------------------


def _fit_label(value: int) -> str:
    if value >= 8:
        return "Strong"
    if value >= 6:
        return "Good"
    if value >= 4:
        return "Partial"
    if value >= 2:
        return "Weak"
    return "Poor"


def _prose(
    job: JobSpec, value: int | None, findings: list[Finding]
) -> tuple[str, list[str], list[str]]:
    listed = [f for f in findings if f.requirement.listed]
    listed_hit = [f for f in listed if f.credit >= MATCHED_AT]
    listed_miss = [f for f in listed if f.credit < MATCHED_AT]
    described = [
        f
        for f in findings
        if f.requirement.kind == "skill"
        and not f.requirement.listed
        and not f.requirement.bonus
    ]
    described_hit = [f for f in described if f.credit >= MATCHED_AT]
    described_miss = [f for f in described if f.credit < MATCHED_AT]
    bonus_hit = [
        f
        for f in findings
        if f.requirement.bonus and f.credit >= MATCHED_AT and not f.via
    ]
    years = next((f for f in findings if f.requirement.kind == "experience"), None)
    role = next((f for f in findings if f.requirement.kind == "role"), None)
    degree = next((f for f in findings if f.requirement.kind == "education"), None)
    title = job.title.strip() or "this"

    pros: list[str] = []
    cons: list[str] = []
    if listed_hit:
        pros.append(
            f"Shows {len(listed_hit)} of the {len(listed)} skills the job lists: "
            f"{_join([f.requirement.name for f in listed_hit])}."
        )
    if role and role.credit:
        pros.append(f"Has worked in a role matching {_clean(title)}.")
    if years and years.credit >= 1:
        pros.append(
            f"States {years.stated_years:g} years of relevant experience, meeting the "
            f"{years.requirement.years:g}+ asked."
        )
    if described_hit:
        pros.append(
            "Also covers "
            f"{_join([f.requirement.name for f in described_hit])} from the job description."
        )
    if bonus_hit:
        pros.append(
            f"Brings {_join([f.requirement.name for f in bonus_hit])}, which the job "
            "names as a plus."
        )
    if degree and degree.credit >= 1:
        pros.append(f"Holds the {degree.requirement.name.lower()} the job asks for.")

    if listed_miss:
        cons.append(
            "No evidence of the listed skills "
            f"{_join([f.requirement.name for f in listed_miss])}."
        )
    for finding in findings:
        if finding.via and finding.requirement.listed:
            cons.append(
                f"{_clean(finding.requirement.name)} is only suggested by related "
                f"experience with {_clean(finding.via)}."
            )
        if finding.learning and finding.requirement.listed:
            cons.append(
                f"{_clean(finding.requirement.name)} appears only as something being learned."
            )
    if years and years.credit < 1:
        if years.stated_years:
            cons.append(
                f"States {years.stated_years:g} years of relevant experience, short of the "
                f"{years.requirement.years:g}+ asked."
            )
        else:
            cons.append(
                f"Does not state the {years.requirement.years:g}+ years of relevant "
                "experience asked."
            )
    if described_miss:
        cons.append(
            f"Does not mention {_join([f.requirement.name for f in described_miss])} "
            "from the job description."
        )
    if degree and degree.credit < 1 and not degree.requirement.bonus:
        cons.append(
            f"Does not show the {degree.requirement.name.lower()} the job asks for."
        )

    if value is None:
        summary = (
            f"The {title} job lists no skills or requirements the offline reviewer can "
            "check, so the resume gets a neutral score of 5/10. " + FAIRNESS_NOTE
        )
        return summary, pros, cons
    parts = [f"{_fit_label(value)} fit for the {title} role ({value}/10)."]
    if listed:
        parts.append(
            f"The resume shows {len(listed_hit)} of the {len(listed)} skills the job lists"
            + (
                f" and {len(described_hit)} of {len(described)} further skills from the "
                "description."
                if described
                else "."
            )
        )
    if years:
        parts.append(
            f"It states {years.stated_years:g} years of relevant experience against "
            f"{years.requirement.years:g}+ asked."
            if years.stated_years
            else f"It does not state the {years.requirement.years:g}+ years of relevant "
            "experience asked."
        )
    gaps = [f.requirement.name for f in listed_miss]
    if gaps:
        parts.append(f"Main gaps: {_join(gaps)}.")
    parts.append(FAIRNESS_NOTE)
    return " ".join(parts), pros, cons


# --- entry point ----------------------------------------------------------------


def _as_match(finding: Finding) -> RequirementMatch:
    requirement = finding.requirement
    kind = "nice_to_have" if requirement.bonus else requirement.kind
    return RequirementMatch(
        requirement=requirement.name,
        matched=finding.credit >= (1.0 if requirement.kind in _GRADED else MATCHED_AT),
        evidence=_quote(finding.evidence) if finding.evidence else "",
        kind=kind,
    )


def review(*, resume_text: str, job: JobSpec, started: float) -> ResumeReview:
    """Score `resume_text` against `job` by explainable requirement matching."""
    sentences = resume_sentences(resume_text)
    findings = [match(requirement, sentences) for requirement in job_requirements(job)]
    value = score(findings)
    summary, pros, cons = _prose(job, value, findings)
    matches = [_as_match(finding) for finding in findings]
    meta = AIMeta(
        engine="offline",
        prompt_version=PROMPT_VERSION,
        latency_ms=round((time.perf_counter() - started) * 1000, 3),
    )
    return ResumeReview(
        score=5 if value is None else value,
        summary=summary,
        pros=pros,
        cons=cons,
        matched=[m for m in matches if m.matched],
        missing=[m for m in matches if not m.matched],
        meta=meta,
    )
