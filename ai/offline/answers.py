"""Read one interview answer against the question it answers and the job's field.

Use it as::

    subject = answers.subject_for(context, turn)        # what the question is about
    reading = answers.read(turn, subject)                # a Reading
    reading.kind          # "answer", or what the text is instead: "empty",
                          # "evasive", "too_short", "gibberish", "injection",
                          # "copied", "keyword_list", "off_topic", "padding"
    reading.relevance, reading.specificity, reading.structure, reading.honesty

Only an answer of kind "answer" earns anything; every other kind is named so
the analysis can say why it earned nothing. Sentences addressed to the scorer
("ignore previous instructions...") are removed before anything is read, and
ages ("a 52 year old") are never read. Pure and deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ai.offline import fields, vocabulary
from ai.offline import text as textkit
from ai.offline.cues import (
    COLLABORATION,
    CONNECTIVES,
    CONNECTORS,
    EVASIVE,
    FILLER,
    FUNCTION_WORDS,
    GENERIC,
    HEDGES,
    HONESTY,
    OUTCOME_VERBS,
    OVERCLAIM,
    PROBLEM,
    Searchable,
    cue_pattern,
    find_cues,
    is_injection,
)
from ai.types import InterviewContext, Turn

SCENARIO_TYPES = ("scenario", "scenario_follow_up")
SHORT_WORDS = 3  # an answer this short is no answer
MIN_OFF_TOPIC_WORDS = 15  # content words: a shorter answer is judged as general
RELEVANCE_SATURATES = 6  # distinct subject words the question did not say
REUSED_CREDIT = 0.5  # a subject word taken from the question counts half
COPIED_SHARE = 0.7
PADDING_SHARE = 0.6
MIN_PADDED_WORDS = 40
_FIGURE = re.compile(
    r"(?<![\w.])[$£€]?\d+(?:[.,]\d+)*\s*(?:%|percent\b|[kKmM]\b|x\b)?"
    r"|\b(?:half|twice|double|doubled|tripled)\b"
)
_AGE = re.compile(
    r"\b\d{1,3}[\s-]*(?:years?|yrs?)[\s-]*old\b|\baged?\s*\d{1,3}\b", re.I
)
_FILLER = cue_pattern(FILLER)
_FIRST_PERSON = frozenset(["i", "we", "my", "our", "i'd", "we'd", "i'll", "i've"])


@dataclass(frozen=True)
class Subject:
    """What an answer should be about: the question, the job and its field."""

    question_type: str
    question: frozenset[str]  # content lemmas of the question
    relevant: frozenset[str]  # lemmas that address the question or the field
    field: fields.FieldProfile
    skills: tuple[str, ...]  # the job's listed skills, as written


@dataclass(frozen=True)
class Reading:
    """What the rubric reads from one answer."""

    question_type: str
    text: str
    kind: str
    words: int
    injection: bool
    relevance: float = 0.0
    specificity: float = 0.0
    structure: float = 0.0
    honesty: float = 0.0
    padding: float = 0.0
    relevant_terms: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    requirements: frozenset[str] = frozenset()
    figures: int = 0
    problem: frozenset[str] = frozenset()
    collaboration: frozenset[str] = frozenset()
    actions: int = 0
    hedges: int = 0
    best_claim: str = ""

    @property
    def counts(self) -> bool:
        """Say whether this answer earns anything (it answers the question)."""
        return self.kind == "answer"


# --- the subject of a question -------------------------------------------------


def subject_for(context: InterviewContext, turn: Turn) -> Subject:
    """Return what the answer to `turn` should address."""
    job = context.job
    profile = fields.profile_for(job)
    return _subject(
        turn.question_type,
        turn.question,
        f"{job.title}\n{', '.join(job.skills)}\n{job.description}",
        profile,
        tuple(s.strip() for s in job.skills if s and s.strip()),
    )


@lru_cache(maxsize=256)
def _subject(
    question_type: str,
    question: str,
    job_text: str,
    profile: fields.FieldProfile,
    skills: tuple[str, ...],
) -> Subject:
    question_lemmas = frozenset(_content_lemmas(question))
    relevant = set(_content_lemmas(job_text)) | profile.work | question_lemmas
    if question_type in SCENARIO_TYPES:
        relevant |= {s for scenario in profile.scenarios for s in scenario.topic}
    return Subject(
        question_type=question_type,
        question=question_lemmas,
        relevant=frozenset(relevant - GENERIC),
        field=profile,
        skills=skills,
    )


def _content_lemmas(text: str) -> list[str]:
    return [
        t.lemma
        for t in textkit.tokenize(text)
        if t.lower not in FUNCTION_WORDS and t.lower.isalpha() and len(t.lower) > 1
    ]


# --- reading an answer -----------------------------------------------------------


def strip_instructions(answer: str) -> tuple[str, bool]:
    """Return the answer without sentences addressed to the scorer, and if any were."""
    kept, injected = _kept_sentences(answer)
    return (" ".join(kept) if injected else answer.strip()), injected


def _kept_sentences(answer: str) -> tuple[tuple[str, ...], bool]:
    sentences = textkit.split_sentences(answer) or [answer.strip()]
    kept = tuple(s for s in sentences if not is_injection(s))
    return kept, len(kept) < len(sentences)


def read(turn: Turn, subject: Subject) -> Reading:
    """Read one answer: classify it, then score what a real answer holds."""
    return _read(turn.question_type, turn.answer, subject)


@dataclass(frozen=True)
class _Facts:
    """What the rubric counts in one sentence (computed once per sentence)."""

    count: int  # word tokens
    lemmas: tuple[str, ...]
    content: tuple[str, ...]  # lemmas of the alphabetic words that are not glue
    nonfunction: int
    alphabetic: int
    known: int  # alphabetic words an English dictionary knows
    words: frozenset[str]  # the words as written (lower case) and their lemmas


@lru_cache(maxsize=4096)
def _facts(sentence: str) -> _Facts:
    tokens = textkit.tokenize(sentence)
    lemmas = tuple(t.lemma for t in tokens)
    alphabetic = [t.lower for t in tokens if t.lower.isalpha()]
    return _Facts(
        count=len(tokens),
        lemmas=lemmas,
        content=tuple(
            t.lemma
            for t in tokens
            if t.lower not in FUNCTION_WORDS and t.lower.isalpha() and len(t.lower) > 1
        ),
        nonfunction=sum(1 for t in tokens if t.lower not in FUNCTION_WORDS),
        alphabetic=len(alphabetic),
        known=sum(1 for w in alphabetic if textkit.is_known_word(w)),
        words=frozenset(t.lower for t in tokens) | frozenset(lemmas),
    )


@dataclass(frozen=True)
class _Text:
    """One answer, read sentence by sentence (each sentence's facts are cached)."""

    text: str
    lower: str
    sentences: tuple[str, ...]
    facts: tuple[_Facts, ...]
    search: Searchable

    @classmethod
    def of(cls, text: str, sentences: tuple[str, ...]) -> _Text:
        sentences = tuple(s for s in sentences if s.strip()) or (text,)
        facts = tuple(_facts(s) for s in sentences)
        lower = text.lower()
        lemmas = " ".join(" ".join(f.lemmas) for f in facts)
        words = frozenset().union(*(f.words for f in facts))
        search = Searchable(lower, words, f"{lower} \n {lemmas}")
        return cls(text, lower, sentences, facts, search)

    @property
    def count(self) -> int:
        return sum(f.count for f in self.facts)

    @property
    def content(self) -> list[str]:
        return [lemma for f in self.facts for lemma in f.content]

    def cues(self, cues: tuple[str, ...]) -> list[str]:
        return self.search.find(cues)


def _mentions(text: _Text, subject: Subject) -> list[vocabulary.Mention]:
    return [m for sentence in text.sentences for m in _sentence_mentions(sentence)]


@lru_cache(maxsize=4096)
def _sentence_mentions(sentence: str) -> tuple[vocabulary.Mention, ...]:
    return tuple(vocabulary.default().find(sentence))


@lru_cache(maxsize=128)
def _read(question_type: str, answer: str, subject: Subject) -> Reading:
    kept, injected = _kept_sentences(answer)
    cleaned = " ".join(kept) if injected else answer.strip()
    text = _Text.of(cleaned, kept)
    base = Reading(question_type, cleaned, "answer", text.count, injected)
    kind = _kind_before_content(text, injected)
    if kind:
        return _with(base, kind=kind, hedges=_hedges(text))
    return _read_content(base, text, subject)


def _kind_before_content(text: _Text, injected: bool) -> str:
    """Name answers that are not answers whatever the question was."""
    count = text.count
    if not count:
        return "injection" if injected else "empty"
    if text.cues(EVASIVE) and sum(f.nonfunction for f in text.facts) <= 4:
        return "evasive"
    if count <= SHORT_WORDS:
        return "too_short"
    alphabetic = sum(f.alphabetic for f in text.facts)
    if not alphabetic or sum(f.known for f in text.facts) / alphabetic < 0.5:
        return "gibberish"
    return ""


def _with(reading: Reading, **changes) -> Reading:
    return Reading(**{**reading.__dict__, **changes})


def repeated(reading: Reading) -> Reading:
    """Return `reading` as the repeat of an earlier answer: it earns nothing."""
    return Reading(
        reading.question_type,
        reading.text,
        "repeated",
        reading.words,
        reading.injection,
        hedges=reading.hedges,
    )


def _read_content(base: Reading, text: _Text, subject: Subject) -> Reading:
    content = text.content
    mentions = _mentions(text, subject)
    relevant = [lemma for lemma in content if lemma in subject.relevant]
    novel = sorted({lemma for lemma in relevant if lemma not in subject.question})
    named = _field_names(mentions, subject)
    sentences = list(text.sentences)
    kind = _kind_of_content(subject, sentences, content, relevant, novel, named)
    padding = _padding_share(text, subject)
    if not kind and padding >= PADDING_SHARE and base.words >= MIN_PADDED_WORDS:
        kind = "padding"
    if kind:
        return _with(base, kind=kind, padding=padding, hedges=_hedges(text))
    reused = len({lemma for lemma in relevant if lemma in subject.question})
    return _scored(base, text, subject, novel, reused, mentions, padding)


def _field_names(
    mentions: list[vocabulary.Mention], subject: Subject
) -> tuple[str, ...]:
    """Return the vocabulary terms named that belong to the field or the job."""
    skills = {s.lower() for s in subject.skills}
    return tuple(
        dict.fromkeys(
            m.term.name
            for m in mentions
            if m.term.kind != "title"
            and (m.term.field == subject.field.name or m.term.name.lower() in skills)
        )
    )


def _kind_of_content(
    subject: Subject,
    sentences: list[str],
    content: list[str],
    relevant: list[str],
    novel: list[str],
    mentions: tuple[str, ...],
) -> str:
    """Name copied text, keyword lists and off-topic text ("" for an answer)."""
    copied = [lemma for lemma in content if lemma in subject.question]
    if content and len(novel) <= 2 and len(copied) / len(content) >= COPIED_SHARE:
        return "copied"
    if not any(_is_claim(s) for s in sentences):
        return (
            "keyword_list" if len(set(relevant)) + len(mentions) >= 2 else "gibberish"
        )
    share = len(relevant) / len(content) if content else 0.0
    if len(content) >= MIN_OFF_TOPIC_WORDS and len(set(relevant)) <= 2 and share < 0.12:
        return "off_topic"
    return ""


@lru_cache(maxsize=4096)
def _is_claim(sentence: str) -> bool:
    """Say whether a sentence says something (not a bare list of terms).

    A list is short items between commas; a claim holds the small words that
    tie a sentence together (articles, pronouns, prepositions, "is", "and"),
    not only connectors like "then" or "because" sprinkled between terms.
    """
    tokens = textkit.tokenize(sentence)
    if len(tokens) < 3:
        return False
    items = [len(part.split()) for part in re.split(r"[,;/]", sentence) if part.strip()]
    if len(items) >= 3 and sum(items) / len(items) <= 2.5:
        return False
    glue = sum(1 for t in tokens if t.lower in FUNCTION_WORDS - CONNECTIVES)
    return glue / len(tokens) >= 0.12


def _padding_share(text: _Text, subject: Subject) -> float:
    """Return the share of words in sentences that carry nothing for the question."""
    empty = 0
    for sentence, facts in zip(text.sentences, text.facts, strict=True):
        filler = _is_filler(sentence)
        carries = bool(facts.words & subject.relevant) or _figures(sentence)
        if filler or not carries:
            empty += facts.count
    count = text.count
    return min(1.0, empty / count) if count else 0.0


@lru_cache(maxsize=4096)
def _is_filler(sentence: str) -> bool:
    return _FILLER.search(sentence.lower()) is not None


def _hedges(text: _Text) -> int:
    return len(find_cues(text.lower, HEDGES, every=True))


# --- scoring a real answer ---------------------------------------------------------


def _scored(
    base: Reading,
    text: _Text,
    subject: Subject,
    novel: list[str],
    reused: int,
    mentions: list[vocabulary.Mention],
    padding: float,
) -> Reading:
    named = _field_names(mentions, subject)
    figures = _tied_figures(text, subject)
    focus = 1.0 - padding
    return _with(
        base,
        relevance=round(_relevance(len(novel), reused) * focus, 3),
        specificity=round(_specificity(text, subject, figures, named) * focus, 3),
        structure=round(_structure(text), 3),
        honesty=_honesty(text),
        padding=round(padding, 3),
        relevant_terms=tuple(novel),
        named=named,
        requirements=_requirements(text, subject, mentions),
        figures=figures,
        problem=frozenset(_categories(text, PROBLEM, subject.field.verify)),
        collaboration=frozenset(_categories(text, COLLABORATION)),
        actions=_actions(text, subject),
        hedges=_hedges(text),
        best_claim=_best_claim(text, subject),
    )


def _relevance(novel: int, reused: int) -> float:
    """Return 0-1: subject words of its own, and half credit for the question's."""
    return min(1.0, (novel + REUSED_CREDIT * reused) / RELEVANCE_SATURATES)


def _specificity(
    text: _Text, subject: Subject, figures: int, named: tuple[str, ...]
) -> float:
    dense = sum(1 for s in text.sentences if _novel_in(s, subject) >= 3)
    outcomes = len(text.cues(OUTCOME_VERBS))
    return (
        0.3 * min(figures, 3) / 3
        + 0.3 * min(len(named), 3) / 3
        + 0.25 * min(dense, 2) / 2
        + 0.15 * min(outcomes, 2) / 2
    )


def _novel_in(sentence: str, subject: Subject) -> int:
    return len((_facts(sentence).words & subject.relevant) - subject.question)


def _tied_figures(text: _Text, subject: Subject) -> int:
    """Count figures in sentences that also say what they measure."""
    return sum(_figures(s) for s in text.sentences if _novel_in(s, subject) >= 1)


@lru_cache(maxsize=4096)
def _figures(sentence: str) -> int:
    """Count the numbers of a sentence; an age ("a 52 year old") is not read."""
    return len(_FIGURE.findall(_AGE.sub(" ", sentence)))


def _structure(text: _Text) -> float:
    connectors = len(text.cues(CONNECTORS))
    sentences = text.sentences
    readable = sum(1 for s in sentences if 4 <= len(s.split()) <= 40) / len(sentences)
    return 0.5 * min(connectors, 3) / 3 + 0.3 * readable + 0.2 * (len(sentences) > 1)


def _honesty(text: _Text) -> float:
    owned = len(text.cues(HONESTY))
    boasts = len(text.cues(OVERCLAIM))
    return round(max(0.0, min(1.0, owned / 2) - 0.5 * boasts), 3)


def _categories(
    text: _Text, table: dict[str, tuple[str, ...]], extra: tuple[str, ...] = ()
) -> list[str]:
    found = [name for name, cues in table.items() if text.cues(cues)]
    if extra and "verification" not in found and text.cues(extra):
        found.append("verification")
    return found


def _requirements(
    text: _Text, subject: Subject, mentions: list[vocabulary.Mention]
) -> frozenset[str]:
    """Return the job's listed skills this answer addresses (by name or word form)."""
    store = vocabulary.default()
    named = {m.term.key for m in mentions}
    lemmas = text.search.words
    found = set()
    for skill in subject.skills:
        term = store.lookup(skill)
        wanted = set(textkit.content_lemmas(skill))
        if (term is not None and term.key in named) or (wanted and wanted <= lemmas):
            found.add(skill)
    return frozenset(found)


def _actions(text: _Text, subject: Subject) -> int:
    """Count sentences where the candidate says what they did or would do."""
    count = 0
    for sentence, facts in zip(text.sentences, text.facts, strict=True):
        first_person = bool(facts.words & _FIRST_PERSON)
        if first_person and _novel_in(sentence, subject) >= 1:
            count += 1
    return count


def _best_claim(text: _Text, subject: Subject) -> str:
    """Return the most specific sentence (first on ties)."""
    sentences = text.sentences[:30]
    scored = [
        (2 * _figures(s) + _novel_in(s, subject), -index)
        for index, s in enumerate(sentences)
        if _is_claim(s)
    ]
    return sentences[-max(scored)[1]] if scored else ""
