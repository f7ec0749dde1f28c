"""The words and phrases the interview rubric and question builder look for.

Cues are matched on word boundaries against a text and against its lemmas, so
"escalated" finds the cue "escalate" and "reconciling" finds "reconcile"::

    find_cues("I escalated and monitored it", PROBLEM["verification"])  # ["monitor"]

Field-specific words (a nurse's "reassess", a seller's "forecast") live in the
field files of the vocabulary store (`ai.offline.fields`); these lists hold what
any answer in any field shows. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ai.offline import text as textkit

FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than because as of in on at by for
    with without to from into onto over under about after before during until
    while when where which who whom whose what that this these those it its i me
    my mine we us our you your he him his she her they them their is are was were
    be been being am do does did done have has had having will would shall should
    can could may might must not no i'd i'm i've i'll we'd we're we've we'll it's
    that's there there's here each every any some all both either neither such
    too very just also only up down out off per via""".split()
)
# Function words that link clauses but do not make a sentence on their own.
CONNECTIVES = frozenset(
    """then because so if first when while until after before also too very
    just only than as yet""".split()
)
# Words that say nothing about any subject: they never count as relevant.
GENERIC = frozenset(
    """work job thing make do get go good great lot way time people person team
    really well sure everything something anything nothing everyone someone
    anyone role position company opportunity experience year day thing help
    try keep best better hard want like think know feel happy important
    always never still even bit little fine okay ok stuff part first second
    last next need end small big large result outcome hour week month minute
    new old take give come set put use say know start finish hard hardest
    option choose bring draw welcome hello interview introduce detail""".split()
)
EVASIVE = (
    "i don't know",
    "i dont know",
    "i do not know",
    "no idea",
    "not sure",
    "no comment",
    "pass",
    "skip",
    "rather not",
    "nothing to say",
    "can't remember",
    "don't remember",
    "n/a",
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
FILLER = (
    "great question",
    "good question",
    "at the end of the day",
    "to be honest",
    "hard worker",
    "hard-working",
    "team player",
    "fast learner",
    "people person",
    "passionate person",
    "fast-paced world",
    "one hundred and ten percent",
    "110%",
    "110 percent",
    "positive attitude",
    "as i said",
    "going forward",
    "great asset",
    "great fit",
    "think outside the box",
    "give it my all",
    "whatever it takes",
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
    "once",
    "instead",
    "rather than",
    "if",
    "until",
    "so",
)
# Verbs that say a piece of work was done (matched by word form: "led" is "lead").
WORK_VERBS = tuple(
    """build develop design lead implement create launch manage ship migrate
    improve reduce increase automate own maintain deliver care treat administer
    triage coach train teach negotiate close sell grow reconcile prepare audit
    install repair wire plan run organise organize coordinate supervise introduce
    rebuild raise cut find correct handle resolve serve open hire recruit
    analyse analyze write test deploy mentor support prevent streamline
    assess monitor educate document process cook host renovate inspect
    diagnose schedule forecast source onboard investigate""".split()
)
OUTCOME_VERBS = (
    "drop",
    "fall",
    "rise",
    "reduce",
    "cut",
    "increase",
    "grow",
    "improve",
    "catch",
    "caught",
    "save",
    "recover",
    "reach",
    "pass",
    "win",
    "close",
    "stabilise",
    "stabilize",
    "tie",
    "result",
    "outcome",
)
HONESTY = (
    "next time",
    "differently",
    "i learned",
    "i learnt",
    "lesson",
    "mistake",
    "i was wrong",
    "in hindsight",
    "i haven't",
    "i have not",
    "i didn't",
    "i'm still learning",
    "since then",
    "i've since",
)
OVERCLAIM = (
    "never make mistakes",
    "never made a mistake",
    "i am the best",
    "i'm the best",
    "always right",
    "perfect at",
    "one hundred and ten percent",
    "110%",
)
PROBLEM: dict[str, tuple[str, ...]] = {
    "steps": ("first", "then", "next", "after that", "finally", "once", "step"),
    "causes": (
        "because",
        "root cause",
        "cause",
        "why",
        "so that",
        "therefore",
        "point to",
        "could be",
        "find out",
    ),
    "verification": (
        "test",
        "measure",
        "monitor",
        "metric",
        "check",
        "verify",
        "confirm",
        "compare",
        "review",
        "retest",
        "reassess",
    ),
    "trade_offs": (
        "trade-off",
        "tradeoff",
        "trade off",
        "risk",
        "instead",
        "rather than",
        "however",
        "alternatively",
        "cost",
        "balance",
        "prioritise",
        "prioritize",
        "priority",
    ),
    "people": (
        "tell",
        "inform",
        "escalate",
        "involve",
        "update",
        "explain",
        "hand over",
        "handover",
        "ask",
        "agree",
    ),
}
COLLABORATION: dict[str, tuple[str, ...]] = {
    "team": ("team", "we", "colleague", "together", "pair", "peer"),
    "stakeholders": (
        "stakeholder",
        "customer",
        "manager",
        "client",
        "family",
        "families",
        "lead",
        "leadership",
        "controller",
        "department",
    ),
    "communication": ("communicate", "explain", "update", "inform", "share", "tell"),
    "feedback": ("feedback", "mentor", "coach", "teach", "train", "support"),
    "ownership": ("i led", "i owned", "responsible", "ownership", "i decided"),
    "learning": ("learn", "learnt", "lesson", "next time", "since"),
    "motivation": (
        "drawn to",
        "draws me",
        "appeal",
        "i want",
        "i'd like",
        "excited",
        "interested in",
        "i enjoy",
    ),
}

INJECTION_PATTERNS = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}"
    r"\b(instructions?|prompts?|rules|rubric|guidelines)\b"
    r"|\b(give|assign|award)\b[^.!?\n]{0,30}\b(me|candidate|this answer|this interview)\b"
    r"[^.!?\n]{0,30}(\b10\b|\bten\b|perfect|full marks|strong[_ ]hire)"
    r"|\b(score|rate|mark)\s+(me|this candidate|the candidate|this answer)\b"
    r"[^.!?\n]{0,20}(\b10\b|\bten\b|perfect)"
    r"|system prompt|\byou are now\b|^\s*system\s*:",
    re.IGNORECASE,
)
# Cheap screen before the full pattern runs on the few sentences that need it.
_INJECTION_HINT = re.compile(
    r"ignor|disregard|forget|overrid|instruction|prompt|rubric|guideline|you are now"
    r"|system|\b(?:give|assign|award|score|rate|mark)\b"
)


@lru_cache(maxsize=4096)
def is_injection(text: str) -> bool:
    """Say whether `text` addresses instructions to the scorer or the assistant."""
    lower = text.lower()
    return _INJECTION_HINT.search(lower) is not None and (
        INJECTION_PATTERNS.search(lower) is not None
    )


def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Return the pattern that finds any of `cues` as written, on word boundaries."""
    return _pattern(cues)


@lru_cache(maxsize=512)
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9'])(?:{body or '(?!)'})(?![a-z0-9'])")


@lru_cache(maxsize=512)
def _split(
    cues: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Return (one-word cues, (phrase, its first word or "") pairs) of a cue list."""
    single = tuple(c for c in cues if re.fullmatch(r"[a-z]+", c))
    phrases = tuple(
        (c, first if re.fullmatch(r"[a-z']+", first) else "")
        for c in cues
        if c not in single
        for first in [re.split(r"[\s-]+", c)[0]]
    )
    return single, phrases


@dataclass(frozen=True)
class Searchable:
    """A lower-case text, its words and their lemmas, ready for many cue lists."""

    lower: str
    words: frozenset[str]
    haystack: str  # the text, then its lemmas: phrases match in either

    @classmethod
    def of(
        cls, lower: str, tokens: Sequence[textkit.Token] | None = None
    ) -> Searchable:
        """Build from a lower-case text and, when the caller has them, its tokens."""
        if tokens is None:
            tokens = textkit.tokenize(lower)
        lemmas = [t.lemma for t in tokens]
        words = frozenset(t.lower for t in tokens) | frozenset(lemmas)
        return cls(lower, words, f"{lower} \n {' '.join(lemmas)}")

    def find(self, cues: tuple[str, ...]) -> list[str]:
        """Return the cues found, each once, in the order of `cues`."""
        single, phrases = _split(cues)
        found = {c for c in single if c in self.words}
        present = tuple(  # cheap screens first: the first word, then the text
            c
            for c, first in phrases
            if (not first or first in self.words) and c in self.haystack
        )
        if present:
            found.update(_pattern(present).findall(self.haystack))
        return [c for c in cues if c in found]


@lru_cache(maxsize=1024)
def _searchable(lower: str) -> Searchable:
    return Searchable.of(lower)


def find_cues(lower: str, cues: tuple[str, ...], *, every: bool = False) -> list[str]:
    """Return the cues found in lower-case `lower` (each once unless `every`).

    Word forms count ("escalated" finds "escalate"); with `every`, each
    occurrence of the text as written is returned.
    """
    if every:
        return _pattern(cues).findall(lower)
    return _searchable(lower).find(cues)
