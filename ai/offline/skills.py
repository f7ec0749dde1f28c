"""Skills as the resume review asks for them: a thin view of the vocabulary store.

Use it as::

    from ai.offline import skills
    skills.find_skills("Built REST APIs on Postgres and k8s")
    # ["REST APIs", "PostgreSQL", "Kubernetes"]
    skill = skills.lookup("Postgres")             # the term "PostgreSQL"
    skill.mentioned_in("Tuned postgresql indexes")  # True
    skills.phrase_matcher("Figma prototyping")    # a matcher for unknown phrases

The terms, their aliases and implications live in `vocabulary.py` (data files
per field); word forms come from `text.py`. Pure: no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from ai.offline import text as textkit
from ai.offline import vocabulary
from ai.offline.vocabulary import Term

Skill = Term  # a skill is a vocabulary term
SKILL_KINDS = ("skill", "certification")


def get(name: str) -> Skill:
    """Return the vocabulary term called `name` (its display name, any case)."""
    return vocabulary.default().get(name)


def lookup(phrase: str) -> Skill | None:
    """Return the term a short phrase names ("Postgres" → PostgreSQL), or None."""
    return vocabulary.default().lookup(phrase)


def find_skills(text: str) -> list[str]:
    """Return the skills and certifications `text` mentions, first mention first."""
    return vocabulary.default().find_names(text, SKILL_KINDS)


def implied_by(skill: Skill) -> list[Skill]:
    """Return the terms whose mention implies `skill` (MySQL, SQLite for SQL)."""
    return vocabulary.default().implied_by(skill)


stem = textkit.stem
words = textkit.words

_FILLER = textkit.STOPWORDS | frozenset(
    "experience knowledge skills skill strong good solid proven ability using use "
    "working excellent".split()
)


@dataclass(frozen=True)
class PhraseMatcher:
    """Match a phrase outside the vocabulary by its content words, any word form."""

    name: str
    stems: frozenset[str]

    def mentioned_in(self, text: str) -> bool:
        return bool(self.stems) and self.stems <= set(textkit.lemmas(text))


def phrase_matcher(phrase: str) -> PhraseMatcher:
    """Return a matcher for `phrase` requiring all its content words, any word form."""
    content = [t.lemma for t in textkit.tokenize(phrase) if t.lower not in _FILLER]
    return PhraseMatcher(name=phrase.strip(), stems=frozenset(content))
