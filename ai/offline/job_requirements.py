"""Read what a job asks for: listed skills, the role, described skills, years, degree.

Use it as::

    from ai.offline.job_requirements import job_requirements
    for requirement in job_requirements(job):      # a JobSpec
        requirement.name, requirement.kind, requirement.weight, requirement.bonus

Rules (published with the review):

- every entry of the job's `skills` is a must-have skill (weight 1), found
  through the vocabulary store (abbreviations, synonyms, word forms) or, when
  the store does not know it, by all its content words;
- the title names the role (weight 1), matched as a title through the store
  ("RN", "Staff Nurse" for Registered Nurse), seniority words aside;
- skills and certifications named in the description count 0.25 (0.5 in a
  clause that says "required"/"must"), from the job's own fields only;
- "N+ years" (weight 1) is tied to the skills or role of its clause;
- a degree (weight 0.5);
- must-have or nice-to-have is decided per clause, not per sentence: in
  "2+ years required; CPA is a plus" only the CPA is a plus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai.offline import text as textkit
from ai.offline import vocabulary
from ai.offline.skills import PhraseMatcher, phrase_matcher
from ai.offline.vocabulary import Term
from ai.types import JobSpec

WEIGHT_LISTED = 1.0
WEIGHT_ROLE = 1.0
WEIGHT_DESCRIBED = 0.25
WEIGHT_DESCRIBED_REQUIRED = 0.5
WEIGHT_YEARS = 1.0
WEIGHT_DEGREE = 0.5
MAX_LISTED = 40
MAX_DESCRIBED = 20
MAX_YEARS = 40

BONUS = re.compile(
    r"\b(?:is a plus|are a plus|a plus|nice[- ]to[- ]have|bonus|preferred|desirable|"
    r"ideally|advantage|would be great)\b",
    re.IGNORECASE,
)
_REQUIRED = re.compile(r"\b(?:required|requirements?|must|mandatory|essential)\b", re.I)
_CLAUSE_SPLIT = re.compile(r"\s*;\s*|\s+-\s+|,\s+(?=[^,]*\b(?:is|are) a plus\b)")
YEARS_REQUIRED = re.compile(
    r"(?:at least|minimum(?: of)?|over|more than)?\s*(\d{1,2}(?:\.\d)?)\s*"
    r"(?:\+|plus)?\s*(?:(?:-|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_SENIORITY = frozenset(
    "senior sr junior jr lead principal staff chief head i ii iii iv trainee "
    "intern remote hybrid contract temporary part full time".split()
)
_DEGREES: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (4, "doctoral", re.compile(r"\b(?:ph\.?\s?d|doctorate|doctoral|d\.phil)\b", re.I)),
    (
        3,
        "master's",
        re.compile(
            r"\b(?:master'?s?|m\.\s?sc|msc|m\.\s?eng|meng|mba|m\.s\.|m\.a\.|m\.ed)(?![a-z])",
            re.I,
        ),
    ),
    (
        2,
        "bachelor's",
        re.compile(
            r"\b(?:bachelor'?s?|b\.\s?sc|bsc|b\.\s?eng|beng|b\.s\.|b\.a\.|bsn|"
            r"undergraduate degree)(?![a-z])",
            re.I,
        ),
    ),
    (1, "associate", re.compile(r"\bassociate(?:'s)? degree\b", re.I)),
)
_ANY_DEGREE = re.compile(r"\b(?:degree|diploma)\b", re.I)
_DEGREE_CONTEXT = re.compile(r"\b(?:degree in|degree or|university|college)\b", re.I)


@dataclass(frozen=True)
class Requirement:
    """One thing the job asks for, and how to recognise it in a resume."""

    name: str
    kind: str  # "skill" | "role" | "experience" | "education"
    weight: float
    bonus: bool = False  # nice-to-have
    listed: bool = False  # named in the job's skills field
    term: Term | None = None
    phrase: PhraseMatcher | None = None
    years: float = 0.0
    subjects: tuple[Term, ...] = ()
    level: int = 0
    clause: str = ""  # the job text it was read from
    title_words: tuple[str, ...] = ()  # an unknown role's title lemmas, in order

    @property
    def skill(self) -> Term | None:
        return self.term


@dataclass(frozen=True)
class Role:
    """The job's role: a vocabulary title, or the title's own words in order."""

    title: str
    term: Term | None
    words: tuple[str, ...]


# --- steps ----------------------------------------------------------------------


def clauses(description: str) -> list[str]:
    """Split a job description into clauses ("X required; Y is a plus" is two)."""
    text = textkit.normalize(description or "")
    out: list[str] = []
    for sentence in textkit.split_sentences(text):
        out.extend(c.strip() for c in _CLAUSE_SPLIT.split(sentence) if c.strip())
    return out


def listed_items(job: JobSpec) -> list[str]:
    """Return the entries of the job's skills field, split on commas and bullets."""
    items: list[str] = []
    for entry in job.skills:
        items.extend(part.strip() for part in re.split(r"[,;|\n•]", entry or ""))
    return [item for item in items if item][:MAX_LISTED]


def job_role(title: str) -> Role:
    """Return the role a job title names, seniority words aside."""
    clean = textkit.normalize(title).strip()
    store = vocabulary.default()
    mentions = store.find(clean, kinds=("title",))
    if mentions:
        best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
        return Role(clean, best.term, ())
    words = tuple(
        t.lemma
        for t in textkit.tokenize(re.split(r"[(\-,/|]", clean)[0])
        if t.lower not in _SENIORITY and t.lower not in textkit.STOPWORDS
    )
    generic = {"engineer", "developer", "dev", "specialist", "associate", "worker"}
    return Role(clean, None, () if set(words) <= generic else words)


def _listed(job: JobSpec) -> list[Requirement]:
    store = vocabulary.default()
    out: list[Requirement] = []
    seen: set[str] = set()
    for item in listed_items(job):
        term = store.lookup(item, kinds=("skill", "certification", "title"))
        key = term.key if term else item.lower()
        if key in seen:
            continue
        seen.add(key)
        phrase = None if term else phrase_matcher(item)
        if term or (phrase and phrase.stems):
            out.append(
                Requirement(
                    item, "skill", WEIGHT_LISTED, listed=True, term=term, phrase=phrase
                )
            )
    return out


def _role(role: Role) -> list[Requirement]:
    if role.term is None and not role.words:
        return []
    return [
        Requirement(
            f"Experience as {role.title}",
            "role",
            WEIGHT_ROLE,
            term=role.term,
            title_words=role.words,
        )
    ]


def job_fields(listed: list[Requirement], role: Role) -> set[str]:
    """Return the fields of the job: those of its listed skills and its role."""
    terms = [r.term for r in listed if r.term] + ([role.term] if role.term else [])
    return {term.field for term in terms}


def _described(
    parts: list[str], taken: set[str], fields: set[str]
) -> list[Requirement]:
    store = vocabulary.default()
    out: list[Requirement] = []
    for clause in parts:
        bonus, required = bool(BONUS.search(clause)), bool(_REQUIRED.search(clause))
        for term in _terms_in(store, clause):
            if term.key in taken or len(out) >= MAX_DESCRIBED:
                continue
            if fields and term.field not in fields:
                continue
            taken.add(term.key)
            weight = WEIGHT_DESCRIBED_REQUIRED if required else WEIGHT_DESCRIBED
            out.append(
                Requirement(
                    term.name, "skill", weight, bonus=bonus, term=term, clause=clause
                )
            )
    return out


def _terms_in(store: vocabulary.Vocabulary, clause: str) -> list[Term]:
    mentions = store.find(clause, kinds=("skill", "certification"))
    return list({m.term.key: m.term for m in mentions}.values())


def _years(parts: list[str], role: Role) -> list[Requirement]:
    store = vocabulary.default()
    for clause in parts:
        match = YEARS_REQUIRED.search(clause)
        if not match or not 0 < float(match.group(1)) <= MAX_YEARS:
            continue
        years = float(match.group(1))
        subjects = tuple(t for t in _terms_in(store, clause) if t.kind == "skill")
        name = f"{years:g}+ years of experience"
        if subjects:
            name += " with " + join_names([s.name for s in subjects], limit=4)
        return [
            Requirement(
                name,
                "experience",
                WEIGHT_YEARS,
                bonus=bool(BONUS.search(clause)),
                years=years,
                subjects=subjects,
                clause=clause,
            )
        ]
    return []


_FIELD_AFTER = r"(?=,?\s+(?:in\s+)?[A-Z])"  # "BS Accounting", not "BS recs"
_SHORT_DEGREES = (  # capitals only; no "MS" ("MS Excel") or "MA" (a state)
    (3, "master's", re.compile(rf"\b(?:MEd|MSN|MSc){_FIELD_AFTER}")),
    (2, "bachelor's", re.compile(rf"\b(?:BS|BA|BBA|BEng|BSc|BSN|BFA){_FIELD_AFTER}")),
)


def degree_level(sentence: str) -> tuple[int, str]:
    """Return the highest degree a sentence names: (level, label), or (0, "")."""
    for level, label, pattern in _DEGREES:
        if pattern.search(sentence):
            return level, label
    for level, label, pattern in _SHORT_DEGREES:
        if pattern.search(sentence):
            return level, label
    return 0, ""


def _degree(parts: list[str]) -> list[Requirement]:
    for clause in parts:
        level, label = degree_level(clause)
        if not level and _ANY_DEGREE.search(clause) and _DEGREE_CONTEXT.search(clause):
            level, label = 2, "bachelor's"
        if level:
            bonus = bool(BONUS.search(clause)) or "equivalent" in clause.lower()
            name = f"{label[0].upper()}{label[1:]} degree"
            return [
                Requirement(
                    name,
                    "education",
                    WEIGHT_DEGREE,
                    bonus=bonus,
                    level=level,
                    clause=clause,
                )
            ]
    return []


def clean_name(name: str) -> str:
    """Keep a name from breaking clients that split prose on ". "."""
    return re.sub(r"\.\s+", " ", name).strip()


def join_names(names: list[str], limit: int = 8) -> str:
    """Join names as prose: "A, B and C" (at most `limit`, then "N more")."""
    names = [clean_name(name) for name in names]
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def job_requirements(job: JobSpec) -> list[Requirement]:
    """Return the requirements of `job`: listed, role, described, years, degree."""
    listed = _listed(job)
    role = job_role(job.title)
    parts = clauses(job.description)
    taken = {r.term.key for r in listed if r.term}
    if role.term:
        taken.add(role.term.key)
    described = _described(parts, taken, job_fields(listed, role))
    return [*listed, *_role(role), *described, *_years(parts, role), *_degree(parts)]
