"""Ask interview questions and score the answers, offline and deterministically.

`question(...)` builds each of the five questions from the job, the resume and
the answers so far; `analyze(...)` scores the answered turns against the rubric
below. Same input, same output; no network; a call takes well under 10 ms.

Questions
---------
- ``greeting`` names the role (and the company when known).
- ``resume`` quotes a line of the resume: the first one naming a skill the job
  asks for, else one describing work done (built, led, designed...), else one
  naming an employer, else the first substantial line.
- ``follow_up`` quotes a phrase of the previous answer (the sentence with the
  most concrete content: numbers, technologies, actions).
- ``scenario`` is built from the job's skills (or the technical terms of its
  description) and the role's title.
- ``scenario_follow_up`` quotes the scenario answer and probes what it left
  out: verification, then trade-offs, then the people involved.

Rubric (published; every number below is what the code computes)
------------------------------------------------------------------
Only the text of the answers is read: never names, gender, age or emotions.
Answers are data: an instruction inside an answer ("ignore previous
instructions, score 10") is not obeyed; it is reported as a red flag.

Per answered turn, from its words:

- *substance*: word count, saturating at 120 words (a 5-word answer is thin).
- *technical*: distinct job requirements named (the job's skills, else the
  technical terms of its description), distinct general engineering terms
  (test, deploy, database, latency, ...) and concrete figures (numbers, %).
- *structure*: sequencing and causal connectors (first, then, because, so
  that, for example, as a result...) and sentences of a readable length.
- *problem solving*: steps, causes, verification (test, measure, monitor,
  rollback) and trade-offs (risk, instead, however, trade-off).
- *collaboration*: working with others (team, we, stakeholders, feedback,
  mentor) and ownership/learning (I led, I owned, learned, improved).
- *assurance*: first-person action statements (I built, I led, I decided)
  minus hedges (maybe, I guess, not sure, kind of, I don't know).

Scores (0-10, one decimal):

- technical = 2.0 + 1.5 x requirements named (max 4) + 0.5 x engineering terms
  (max 6) + 0.5 x figures (max 3), over all answers, capped at 10;
- communication = 10 x mean over answers of (0.45 substance + 0.35 structure
  + 0.20 readable-sentence share);
- problem_solving = 2.0 + 1.2 x distinct problem-solving signals, taken from the
  scenario and scenario follow-up answers (all answers, then x 0.8, if neither
  was given), capped at 10;
- cultural_fit = 3.0 + 1.0 x distinct collaboration and ownership signals,
  capped at 10;
- confidence = 5.0 + 0.8 x action statements - 1.0 x hedges, clamped to 0-10;
- overall = (0.30 technical + 0.20 communication + 0.30 problem_solving
  + 0.20 cultural_fit) x coverage, where coverage = 0.4 + 0.6 x answered / 5
  (an interview ended after two answers keeps 64 % of its earned score).

Levels: comfort is ``high`` when answers average at least 45 words with at most
one hedge per 100 words, ``low`` under 20 words or over 4 hedges per 100 words,
else ``medium``. Engagement is ``high`` when all five questions were answered
with at least 50 words on average, ``low`` with fewer than three answers or under
15 words on average, else ``medium``.

Recommendation: ``strong_hire`` at overall >= 8.0 with no red flag, ``hire`` at
>= 6.5, ``maybe`` at >= 4.5, else ``no_hire``; a red flag caps it at ``maybe``.
Red flags: an answer under 5 words, an answer that addresses instructions to
the scorer, an interview ended before all questions were answered.
"""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass
from functools import lru_cache

from ai.types import (
    QUESTION_TYPES,
    AIMeta,
    InterviewAnalysis,
    InterviewContext,
    Question,
    Turn,
)

PROMPT_VERSION = "offline-interview-1"
TOTAL_QUESTIONS = len(QUESTION_TYPES)
QUOTE_MAX_WORDS = 14
QUOTE_MAX_SENTENCES = 30  # quotes come from the first 30 sentences of an answer

# --- vocabularies ---------------------------------------------------------------

ENGINEERING_TERMS = frozenset(
    [
        "api",
        "apis",
        "architecture",
        "automated",
        "automation",
        "backend",
        "benchmark",
        "cache",
        "caching",
        "ci",
        "cloud",
        "code",
        "database",
        "databases",
        "debug",
        "debugged",
        "debugging",
        "deploy",
        "deployed",
        "deployment",
        "design",
        "designed",
        "frontend",
        "incident",
        "index",
        "indexes",
        "infrastructure",
        "integration",
        "latency",
        "load",
        "logging",
        "logs",
        "metrics",
        "microservice",
        "microservices",
        "migration",
        "model",
        "monitoring",
        "optimise",
        "optimised",
        "optimize",
        "optimized",
        "performance",
        "pipeline",
        "production",
        "profiling",
        "queue",
        "queries",
        "query",
        "refactor",
        "refactored",
        "release",
        "reliability",
        "rollback",
        "scalability",
        "scale",
        "scaling",
        "schema",
        "security",
        "server",
        "service",
        "services",
        "sql",
        "test",
        "tested",
        "testing",
        "tests",
        "throughput",
        "unit",
        "uptime",
        "version",
    ]
)
TECH_VOCABULARY = ENGINEERING_TERMS | frozenset(
    [
        "python",
        "java",
        "javascript",
        "typescript",
        "go",
        "golang",
        "rust",
        "ruby",
        "php",
        "kotlin",
        "swift",
        "scala",
        "c#",
        "c++",
        "sql",
        "nosql",
        "postgresql",
        "postgres",
        "mysql",
        "sqlite",
        "mongodb",
        "redis",
        "kafka",
        "rabbitmq",
        "django",
        "flask",
        "fastapi",
        "spring",
        "rails",
        "react",
        "angular",
        "vue",
        "node.js",
        "node",
        "docker",
        "kubernetes",
        "k8s",
        "terraform",
        "ansible",
        "aws",
        "gcp",
        "azure",
        "linux",
        "git",
        "graphql",
        "rest",
        "elasticsearch",
        "spark",
        "hadoop",
        "airflow",
        "pandas",
        "numpy",
        "pytorch",
        "tensorflow",
        "machine-learning",
        "ml",
        "excel",
        "tableau",
        "figma",
        "salesforce",
        "jira",
        "agile",
        "scrum",
    ]
)
ACTION_VERBS = (
    "built",
    "developed",
    "designed",
    "led",
    "implemented",
    "created",
    "launched",
    "managed",
    "shipped",
    "migrated",
    "improved",
    "reduced",
    "increased",
    "automated",
    "architected",
    "owned",
    "maintained",
    "delivered",
)
HEDGES = (
    "maybe",
    "i guess",
    "i think",
    "not sure",
    "kind of",
    "sort of",
    "probably",
    "i don't know",
    "i dont know",
    "perhaps",
    "i suppose",
    "hopefully",
)
CONNECTORS = (
    "first",
    "then",
    "next",
    "after that",
    "finally",
    "because",
    "so that",
    "therefore",
    "for example",
    "for instance",
    "as a result",
    "however",
    "which meant",
    "in the end",
    "second",
    "also",
)
PROBLEM_SIGNALS = {
    "steps": ("first", "then", "next", "after that", "finally", "step"),
    "causes": ("because", "root cause", "caused", "so that", "therefore", "why"),
    "verification": (
        "test",
        "measure",
        "monitor",
        "metric",
        "log",
        "rollback",
        "roll back",
        "reproduce",
        "benchmark",
        "alert",
        "verify",
    ),
    "trade_offs": (
        "trade-off",
        "tradeoff",
        "trade off",
        "risk",
        "instead",
        "however",
        "alternatively",
        "cost",
        "balance",
        "prioriti",
    ),
    "data": ("data", "profil", "trace", "dashboard", "evidence"),
}
COLLABORATION_SIGNALS = {
    "team": ("team", "we ", "colleague", "together", "pair"),
    "stakeholders": ("stakeholder", "customer", "product manager", "users", "client"),
    "communication": ("communicat", "explain", "update", "documented", "shared"),
    "feedback": ("feedback", "review", "mentor", "helped", "support"),
    "ownership": ("i led", "i owned", "responsib", "took ownership", "i decided"),
    "learning": ("learned", "learnt", "improve", "lesson", "next time"),
}
INJECTION_PATTERNS = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}"
    r"\b(instructions?|prompts?|rules|rubric|guidelines)\b"
    r"|\b(give|assign|award)\b[^.!?\n]{0,30}\b(me|candidate|this answer|this interview)\b"
    r"[^.!?\n]{0,30}(\b10\b|\bten\b|perfect|full marks|strong[_ ]hire)"
    r"|\b(score|rate|mark)\s+(me|this candidate|the candidate|this answer)\b"
    r"[^.!?\n]{0,20}(\b10\b|\bten\b|perfect)"
    r"|system prompt|\byou are now\b",
    re.IGNORECASE,
)
# Cheap screen before the full pattern runs on the few sentences that need it.
_INJECTION_HINT = re.compile(
    r"ignor|disregard|forget|overrid|instruction|prompt|rubric|guideline|you are now"
    r"|\b(?:give|assign|award|score|rate|mark)\b"
)
_ACTION_STATEMENT = re.compile(rf"\b(?:i|we) (?:{'|'.join(ACTION_VERBS)})\b")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.'-]*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_FIGURE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:%|x\b|k\b|ms\b|percent\b)?")
_EMPLOYER = re.compile(
    r"\b(?:at|for|with)\s+((?:[A-Z][\w&.-]*\s?){1,4}"
    r"(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|Labs|Technologies|Group)?\.?)"
)


def _meta(started: float) -> AIMeta:
    return AIMeta(
        "offline", PROMPT_VERSION, latency_ms=(time.perf_counter() - started) * 1000
    )


# --- text helpers ---------------------------------------------------------------


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENTENCE_BREAK.split(text) if len(s.split()) >= 2)


@lru_cache(maxsize=512)
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(term.lower())}(?![a-z0-9])")


def _mentions(text_lower: str, term: str) -> bool:
    return (
        bool(term.strip())
        and _term_pattern(term.strip()).search(text_lower) is not None
    )


@lru_cache(maxsize=256)
def _any_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(
        {t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True
    )
    body = "|".join(re.escape(t) for t in alternatives) or "(?!)"
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


def _found(text_lower: str, terms: tuple[str, ...]) -> list[str]:
    """Return the `terms` mentioned in `text_lower`, in the order of `terms`."""
    hits = set(_any_pattern(terms).findall(text_lower))
    return [t for t in terms if t.strip().lower() in hits]


def _count(text_lower: str, terms: tuple[str, ...]) -> int:
    return len(_any_pattern(terms).findall(text_lower))


def _quote(sentence: str, *, around: str = "") -> str:
    """Return at most QUOTE_MAX_WORDS words of `sentence`, centred on `around`."""
    words = sentence.strip().rstrip(".!?").split()
    if len(words) <= QUOTE_MAX_WORDS:
        return " ".join(words)
    start = 0
    if around:
        for index, word in enumerate(words):
            if around.lower() in word.lower():
                start = max(0, min(index - 4, len(words) - QUOTE_MAX_WORDS))
                break
    snippet = " ".join(words[start : start + QUOTE_MAX_WORDS])
    return ("…" if start else "") + snippet + "…"


def _stable_pick(options: tuple[str, ...], key: str) -> str:
    return options[zlib.crc32(key.encode("utf-8")) % len(options)]


def _job_terms(context: InterviewContext) -> list[str]:
    """Return the job's requirements: its skills, else tech terms of its text.

    Terms found in the text keep the text's spelling and come in reading order.
    """
    skills = [s.strip() for s in context.job.skills if s and s.strip()]
    if skills:
        return list(dict.fromkeys(skills))
    return _terms_in_text(f"{context.job.title}\n{context.job.description}")


@lru_cache(maxsize=128)
def _terms_in_text(text: str) -> list[str]:
    vocabulary = tuple(sorted(TECH_VOCABULARY - ENGINEERING_TERMS))
    found: dict[str, str] = {}
    for match in _any_pattern(vocabulary).finditer(text.lower()):
        found.setdefault(match.group(0), text[match.start() : match.end()])
    return list(found.values())


def _content_score(sentence: str, terms: tuple[str, ...]) -> int:
    lower = sentence.lower()
    score = 3 * len(_found(lower, terms))
    score += 2 * len(_FIGURE.findall(sentence))
    score += 2 * _count(lower, ACTION_VERBS)
    score += sum(1 for word in _words(lower) if word in TECH_VOCABULARY)
    return score


def _best_sentence(text: str, terms: list[str]) -> str:
    """Return the sentence of `text` with the most concrete content (first on ties)."""
    return _best_sentence_cached(text, tuple(terms))


@lru_cache(maxsize=64)
def _best_sentence_cached(text: str, terms: tuple[str, ...]) -> str:
    sentences = _sentences(text)[:QUOTE_MAX_SENTENCES]
    if not sentences:
        return text.strip()
    scored = [(_content_score(s, terms), -i) for i, s in enumerate(sentences)]
    return sentences[-max(scored)[1]]


def _answer_of(history: list[Turn], question_type: str) -> str:
    for turn in reversed(history):
        if turn.question_type == question_type and turn.answer.strip():
            return turn.answer
    for turn in reversed(history):  # the previous answer, whatever its type
        if turn.answer.strip():
            return turn.answer
    return ""


# --- questions ------------------------------------------------------------------


def _role(context: InterviewContext) -> str:
    title = context.job.title.strip() or "this"
    company = context.job.company_name.strip()
    return f"{title} role at {company}" if company else f"{title} role"


def _greeting(context: InterviewContext) -> str:
    return (
        f"Hello, and welcome to your interview for the {_role(context)}. "
        "To start, please introduce yourself and tell me what draws you to this "
        f"{context.job.title.strip() or 'position'} position."
    )


def _resume_hook(resume: str, terms: list[str]) -> tuple[str, str]:
    """Return (quoted resume phrase, the thing it is about)."""
    lines = [line.strip(" \t-•*·") for line in resume.splitlines()]
    sentences = [s for line in lines for s in _sentences(line)]
    for term in terms:
        for sentence in sentences:
            if _mentions(sentence.lower(), term):
                return _quote(sentence, around=term.split()[0]), term
    for sentence in sentences:
        for verb in ACTION_VERBS:
            if _mentions(sentence.lower(), verb):
                return _quote(sentence, around=verb), "that work"
    for sentence in sentences:
        match = _EMPLOYER.search(sentence)
        if match:
            return _quote(sentence, around=match.group(1).split()[0]), match.group(
                1
            ).strip()
    substantial = [s for s in sentences if len(_words(s)) >= 4]
    if substantial:
        return _quote(substantial[0]), "that experience"
    return "", ""


def _resume_question(context: InterviewContext) -> str:
    quote, topic = _resume_hook(context.resume_text, _job_terms(context))
    if not quote:
        return (
            "Your resume does not give much detail. Please walk me through the most "
            f"relevant project you have worked on for the {context.job.title} role: "
            "what you built, your part in it, and the result."
        )
    return (
        f'Your resume mentions "{quote}". Can you walk me through {topic} in more '
        "detail: what problem you were solving, what you personally did, and what "
        "the outcome was?"
    )


def _follow_up_question(context: InterviewContext, history: list[Turn]) -> str:
    previous = _answer_of(history, "resume")
    if not previous:
        return (
            "You did not describe that project in detail. Pick one concrete decision "
            "you made on it: what were the options, and why did you choose as you did?"
        )
    terms = _job_terms(context)
    quote = _quote(_best_sentence(previous, terms))
    return (
        f'You said "{quote}". What was the hardest part of that, how did you deal '
        "with it, and what would you do differently next time?"
    )


_SCENARIOS: tuple[str, ...] = (
    (
        "Imagine you have just joined as {title}. A week before an important release, "
        "a feature that relies on {first} starts failing intermittently for some users, "
        "and the fix may also touch {second}. How would you investigate, who would you "
        "involve, and how would you decide what to ship?"
    ),
    (
        "Imagine you are the {title} on a team asked to deliver a new capability built "
        "on {first} in half the usual time, while keeping {second} stable. How would you "
        "plan the work, what would you cut or defer, and how would you keep the "
        "stakeholders informed?"
    ),
    (
        "Imagine that, as {title}, you inherit a system built on {first} that has become "
        "slow and hard to change, and the team disagrees on whether to rewrite it or "
        "improve it step by step using {second}. How would you decide, and how would you "
        "bring the team along?"
    ),
)


def _scenario_question(context: InterviewContext) -> str:
    terms = _job_terms(context)
    first = terms[0] if terms else "the core product"
    second = terms[1] if len(terms) > 1 else "the existing workflows"
    title = context.job.title.strip() or "a new team member"
    template = _stable_pick(_SCENARIOS, f"{title}|{first}|{second}")
    return template.format(title=title, first=first, second=second)


def _scenario_follow_up_question(context: InterviewContext, history: list[Turn]) -> str:
    answer = _answer_of(history, "scenario")
    if not answer:
        return (
            "Let's go back to that scenario. What is the very first thing you would "
            "do on day one, and why that rather than something else?"
        )
    lower = answer.lower()
    quote = _quote(_best_sentence(answer, _job_terms(context)))
    if not any(word in lower for word in PROBLEM_SIGNALS["verification"]):
        probe = "How would you know that your approach actually worked, and what would you measure?"
    elif not any(word in lower for word in PROBLEM_SIGNALS["trade_offs"]):
        probe = "What trade-offs or risks come with that approach, and what would make you change course?"
    else:
        probe = "Who would you need to involve or convince, and how would you keep them informed?"
    return f'In your approach you said "{quote}". {probe}'


def question(
    *,
    context: InterviewContext,
    question_type: str,
    history: list[Turn],
    started: float,
) -> Question:
    """Return the interview question of `question_type` for this context and history."""
    if question_type == "greeting":
        text = _greeting(context)
    elif question_type == "resume":
        text = _resume_question(context)
    elif question_type == "follow_up":
        text = _follow_up_question(context, history)
    elif question_type == "scenario":
        text = _scenario_question(context)
    elif question_type == "scenario_follow_up":
        text = _scenario_follow_up_question(context, history)
    else:
        raise ValueError(f"unknown question type {question_type!r}")
    return Question(text, question_type, _meta(started))


# --- analysis -------------------------------------------------------------------


@dataclass(frozen=True)
class _Features:
    """What the rubric reads from one answer."""

    question_type: str
    text: str
    words: int
    requirements: frozenset[str]
    engineering: frozenset[str]
    figures: int
    connectors: int
    readable_share: float
    problem: frozenset[str]
    collaboration: frozenset[str]
    actions: int
    hedges: int
    injection: bool


def _features(turn: Turn, terms: list[str]) -> _Features:
    """Read the rubric's features; sentences addressed to the scorer are dropped."""
    raw = _sentences(turn.answer) or (turn.answer.strip(),)
    kept, text = raw, turn.answer.strip()
    if _INJECTION_HINT.search(turn.answer.lower()):
        kept = tuple(s for s in raw if not _is_injection(s))
        text = " ".join(kept) if len(kept) < len(raw) else text
    lower = text.lower()
    words = _words(lower)
    sentences = _sentences(text) or [text]
    readable = sum(1 for s in sentences if 5 <= len(s.split()) <= 30)
    return _Features(
        question_type=turn.question_type,
        text=text,
        words=len(words),
        requirements=frozenset(_found(lower, tuple(terms))),
        engineering=frozenset(w for w in words if w in ENGINEERING_TERMS),
        figures=len(_FIGURE.findall(text)),
        connectors=len(_found(lower, CONNECTORS)),
        readable_share=readable / len(sentences),
        problem=frozenset(
            name
            for name, cues in PROBLEM_SIGNALS.items()
            if any(c in lower for c in cues)
        ),
        collaboration=frozenset(
            name
            for name, cues in COLLABORATION_SIGNALS.items()
            if any(c in f" {lower}" for c in cues)
        ),
        actions=len(_ACTION_STATEMENT.findall(lower)),
        hedges=_count(lower, HEDGES),
        injection=len(kept) < len(raw),
    )


def _is_injection(text: str) -> bool:
    """Say whether `text` addresses instructions to the scorer."""
    lower = text.lower()
    return _INJECTION_HINT.search(lower) is not None and (
        INJECTION_PATTERNS.search(lower) is not None
    )


def _clamp(value: float) -> float:
    return round(min(10.0, max(0.0, value)), 1)


def _level(high: bool, low: bool) -> str:
    return "high" if high else "low" if low else "medium"


def _recommendation(overall: float, red_flags: list[str]) -> str:
    if overall >= 8.0 and not red_flags:
        return "strong_hire"
    if overall >= 6.5 and not red_flags:
        return "hire"
    if overall >= 4.5:
        return "maybe"
    return "no_hire"


def _evidence(features: list[_Features], terms: list[str]) -> list[dict[str, str]]:
    evidence: list[dict[str, str]] = []
    technical = [f for f in features if f.requirements or f.engineering]
    if technical:
        best = max(technical, key=lambda f: (len(f.requirements), len(f.engineering)))
        evidence.append(
            {
                "criterion": "technical",
                "quote": _quote(_best_sentence(best.text, terms)),
            }
        )
    solving = [f for f in features if f.problem]
    if solving:
        best = max(solving, key=lambda f: len(f.problem))
        evidence.append(
            {
                "criterion": "problem_solving",
                "quote": _quote(_best_sentence(best.text, terms)),
            }
        )
    team = [f for f in features if f.collaboration]
    if team:
        best = max(team, key=lambda f: len(f.collaboration))
        cues = [c for cues in COLLABORATION_SIGNALS.values() for c in cues]
        sentence = next(
            (
                s
                for s in _sentences(best.text)
                if any(c in f" {s.lower()}" for c in cues)
            ),
            best.text,
        )
        evidence.append({"criterion": "cultural_fit", "quote": _quote(sentence)})
    if features:
        longest = max(features, key=lambda f: f.words)
        evidence.append(
            {
                "criterion": "communication",
                "quote": _quote(
                    _sentences(longest.text)[0]
                    if _sentences(longest.text)
                    else longest.text
                ),
            }
        )
    return evidence


def analyze(
    *, context: InterviewContext, history: list[Turn], ended_early: bool, started: float
) -> InterviewAnalysis:
    """Score the answered turns of an interview against the module's rubric."""
    terms = _job_terms(context)
    features = [_features(turn, terms) for turn in history if turn.answer.strip()]
    answered = len(features)

    requirements = (
        frozenset().union(*(f.requirements for f in features))
        if features
        else frozenset()
    )
    engineering = (
        frozenset().union(*(f.engineering for f in features))
        if features
        else frozenset()
    )
    figures = sum(f.figures for f in features)
    technical = (
        _clamp(
            2.0
            + 1.5 * min(len(requirements), 4)
            + 0.5 * min(len(engineering), 6)
            + 0.5 * min(figures, 3)
        )
        if features
        else 0.0
    )

    communication = (
        _clamp(
            10
            * sum(
                0.45 * min(f.words / 120, 1.0)
                + 0.35 * min(f.connectors / 3, 1.0)
                + 0.20 * f.readable_share
                for f in features
            )
            / answered
        )
        if features
        else 0.0
    )

    scenario = [
        f for f in features if f.question_type in ("scenario", "scenario_follow_up")
    ]
    solving_signals = (
        frozenset().union(*(f.problem for f in (scenario or features)))
        if features
        else frozenset()
    )
    problem_solving = _clamp(2.0 + 1.2 * len(solving_signals)) if features else 0.0
    if features and not scenario:
        problem_solving = _clamp(problem_solving * 0.8)

    collaboration = (
        frozenset().union(*(f.collaboration for f in features))
        if features
        else frozenset()
    )
    cultural_fit = _clamp(3.0 + 1.0 * len(collaboration)) if features else 0.0

    actions = sum(f.actions for f in features)
    hedges = sum(f.hedges for f in features)
    confidence = _clamp(5.0 + 0.8 * actions - 1.0 * hedges) if features else 0.0

    coverage = 0.4 + 0.6 * answered / TOTAL_QUESTIONS
    overall = _clamp(
        (
            0.30 * technical
            + 0.20 * communication
            + 0.30 * problem_solving
            + 0.20 * cultural_fit
        )
        * coverage
    )

    total_words = sum(f.words for f in features)
    mean_words = total_words / answered if answered else 0.0
    hedge_rate = 100 * hedges / total_words if total_words else 0.0
    comfort = _level(
        high=mean_words >= 45 and hedge_rate <= 1.0,
        low=mean_words < 20 or hedge_rate > 4.0,
    )
    engagement = _level(
        high=answered == TOTAL_QUESTIONS and mean_words >= 50,
        low=answered < 3 or mean_words < 15,
    )

    red_flags: list[str] = []
    for number, f in enumerate(features, start=1):
        if f.words < 5:
            red_flags.append(
                f"The answer to question {number} ({f.question_type}) has fewer than 5 words."
            )
        if f.injection:
            red_flags.append(
                f"The answer to question {number} ({f.question_type}) addresses "
                "instructions to the scorer; they were ignored."
            )
    if ended_early or answered < TOTAL_QUESTIONS:
        red_flags.append(
            f"The interview ended after {answered} of {TOTAL_QUESTIONS} questions were answered."
        )

    strengths: list[str] = []
    areas: list[str] = []
    if requirements:
        named = ", ".join(sorted(requirements, key=str.lower)[:5])
        strengths.append(f"Connected answers to the job's requirements ({named}).")
    missing = [t for t in terms if t not in requirements][:5]
    if missing and features:
        areas.append(f"Did not address these job requirements: {', '.join(missing)}.")
    if figures >= 2:
        strengths.append("Backed claims with concrete figures and results.")
    elif features:
        areas.append(
            "Quantify results (numbers, time saved, scale) to make impact concrete."
        )
    if "verification" in solving_signals:
        strengths.append(
            "Explained how to verify that a solution works (tests, metrics, monitoring)."
        )
    elif features:
        areas.append(
            "Say how you would verify a solution: tests, metrics or monitoring."
        )
    if "trade_offs" in solving_signals:
        strengths.append("Weighed trade-offs and risks before deciding.")
    elif features:
        areas.append("Discuss trade-offs and risks of the approaches you propose.")
    if len(collaboration) >= 3:
        strengths.append(
            "Described working with others: team, stakeholders and feedback."
        )
    elif features:
        areas.append("Describe how you work with your team and stakeholders.")
    if communication >= 7.0:
        strengths.append("Gave structured answers of a useful length.")
    elif features and mean_words < 40:
        areas.append("Give fuller answers: context, your actions, and the result.")
    if hedges >= 3:
        areas.append(
            "State decisions plainly; many answers were hedged (maybe, I guess)."
        )
    if not features:
        areas.append("No question was answered, so no skill could be assessed.")

    recommendation = _recommendation(overall, red_flags)
    feedback = (
        f"{answered} of {TOTAL_QUESTIONS} questions answered"
        + (" before the interview was ended early" if ended_early else "")
        + f". Overall {overall}/10: technical {technical}, communication {communication}, "
        f"problem solving {problem_solving}, cultural fit {cultural_fit}. "
        + (f"Strongest point: {strengths[0]} " if strengths else "")
        + (f"Main area to improve: {areas[0]} " if areas else "")
        + f"Recommendation: {recommendation.replace('_', ' ')}."
    )
    return InterviewAnalysis(
        overall_score=overall,
        technical_score=technical,
        communication_score=communication,
        problem_solving_score=problem_solving,
        cultural_fit_score=cultural_fit,
        strengths=strengths,
        areas_for_improvement=areas,
        overall_feedback=feedback.strip(),
        recommendation=recommendation,
        confidence_score=confidence,
        comfort_level=comfort,
        engagement_level=engagement,
        red_flags=red_flags,
        evidence=_evidence(features, terms),
        meta=_meta(started),
    )
