"""The field a job belongs to, its everyday work words and its scenario shapes.

The vocabulary store (`ai.offline.vocabulary`) knows the skills, titles and
certifications of each field; this module adds, from data files beside it
(`vocabularies/fields/<field>.json`), what the interview needs about the work
itself: the words people of the field use about their work, the words that
say how they check a result, and the scenario shapes asked about in
interviews. Use it as::

    from ai.offline import fields
    profile = fields.profile_for(job)      # JobSpec -> FieldProfile
    profile.name, profile.label             # "health_care", "Health care"
    profile.scenario_for(job).text          # patient deterioration on a busy shift
    profile.is_work_word("escalate")        # True

A file holds ``{"field", "work": [words], "verify": [phrases], "scenarios":
[{"name", "cues", "topic", "text"}]}``; a scenario's `text` may use ``{title}``,
``{at}`` (" at <company>" or "") and, for software, ``{stack}``. A deployment
adds fields or scenarios with `configure(extra_dirs=[...])`. Pure: files are
read once.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ai.offline import text as textkit
from ai.offline import vocabulary
from ai.types import JobSpec

FIELDS_DIR = Path(__file__).parent / "vocabularies" / "fields"
GENERAL = "general"
TITLE_WEIGHT = 4  # a title names the field more surely than a listed skill

_extra_dirs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    """One situation from a field's real work, asked as an interview question."""

    name: str
    cues: tuple[str, ...]  # job-text words that make this scenario the fitting one
    topic: frozenset[str]  # lemmas an answer addressing the situation uses
    text: str


@dataclass(frozen=True)
class FieldProfile:
    """What the interview knows about one field's work."""

    name: str
    label: str
    work: frozenset[str]  # lemmas
    verify: tuple[str, ...]
    scenarios: tuple[Scenario, ...]

    def is_work_word(self, lemma: str) -> bool:
        """Say whether `lemma` is one of the field's everyday work words."""
        return lemma in self.work

    def scenario_for(self, job: JobSpec) -> Scenario:
        """Return the scenario whose cues best fit the job (stable on ties)."""
        job_lemmas = set(textkit.lemmas(_job_text(job)))
        scored = [(_cue_hits(s, job_lemmas), -i) for i, s in enumerate(self.scenarios)]
        best = max(scored)[0]
        tied = [self.scenarios[-i] for hits, i in scored if hits == best]
        key = f"{job.title}|{job.company_name}".encode()
        return tied[zlib.crc32(key) % len(tied)]


def _job_text(job: JobSpec) -> str:
    return f"{job.title}\n{', '.join(job.skills)}\n{job.description}"


def _cue_hits(scenario: Scenario, job_lemmas: set[str]) -> int:
    hits = 0
    for cue in scenario.cues:
        cue_lemmas = textkit.lemmas(cue)
        if cue_lemmas and all(lemma in job_lemmas for lemma in cue_lemmas):
            hits += len(cue_lemmas)
    return hits


def _lemma_set(words: Sequence[str]) -> frozenset[str]:
    return frozenset(lemma for word in words for lemma in textkit.lemmas(word))


def _profile(data: dict, label: str) -> FieldProfile:
    scenarios = tuple(
        Scenario(
            name=item["name"],
            cues=tuple(item.get("cues", ())),
            topic=_lemma_set(item.get("topic", ())),
            text=item["text"],
        )
        for item in data.get("scenarios", ())
    )
    return FieldProfile(
        name=data["field"],
        label=label,
        work=_lemma_set(data.get("work", ())),
        verify=tuple(data.get("verify", ())),
        scenarios=scenarios,
    )


def read_file(path: Path) -> dict:
    """Return one field file's data; a broken file raises ValueError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("field"), str):
            raise KeyError("field")
        return data
    except (OSError, KeyError, AttributeError, json.JSONDecodeError) as e:
        raise ValueError(f"Field file {path} is not valid: {e}") from e


def _merged(first: dict | None, second: dict) -> dict:
    """Return one field's data from two files (the later adds words and scenarios)."""
    if first is None:
        return second
    merged = dict(first)
    for key in ("work", "verify", "scenarios"):
        merged[key] = [*first.get(key, ()), *second.get(key, ())]
    return merged


@lru_cache(maxsize=8)
def load(extra_dirs: tuple[str, ...] = ()) -> dict[str, FieldProfile]:
    """Return every field's profile: the built-in files plus `extra_dirs`."""
    data: dict[str, dict] = {}
    for directory in (FIELDS_DIR, *map(Path, extra_dirs)):
        for path in sorted(directory.glob("*.json")):
            item = read_file(path)
            data[item["field"]] = _merged(data.get(item["field"]), item)
    labels = _labels()
    return {
        name: _profile(item, labels.get(name, name.replace("_", " ").capitalize()))
        for name, item in data.items()
        if item.get("scenarios")
    }


def _labels() -> dict[str, str]:
    labels = {}
    for path in sorted(vocabulary.BUILTIN_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        labels[data.get("field") or path.stem] = data.get("label", path.stem)
    return labels


def configure(*, extra_dirs: Sequence[str | Path] = ()) -> None:
    """Add a deployment's field directories (fails now if a file is broken)."""
    global _extra_dirs
    _extra_dirs = tuple(str(d) for d in extra_dirs)
    load(_extra_dirs)


def profiles() -> dict[str, FieldProfile]:
    """Return the field profiles the offline engine uses."""
    return load(_extra_dirs)


def field_of(job: JobSpec) -> str:
    """Return the field of a job: its title first, then its skills and text."""
    return _field_of(job.title, tuple(job.skills), job.description)


def field_named_in(text: str) -> str:
    """Return the field a short message speaks of ("I'm a nurse"), or "general"."""
    return _field_of(text, (), text, least=0.25)


@lru_cache(maxsize=256)
def _field_of(
    title: str, skills: tuple[str, ...], description: str, least: float = 1.0
) -> str:
    store = vocabulary.default()
    votes: dict[str, float] = {}
    for mention in store.find(title):
        votes[mention.term.field] = votes.get(mention.term.field, 0) + TITLE_WEIGHT
    for mention in store.find(f"{', '.join(skills)}\n{description}"):
        votes[mention.term.field] = votes.get(mention.term.field, 0) + 1
    known = profiles()
    lemmas = set(textkit.lemmas(f"{title}\n{description}"))
    for name, profile in known.items():
        votes[name] = votes.get(name, 0) + 0.25 * len(lemmas & profile.work)
    ranked = sorted(
        ((v, name) for name, v in votes.items() if name in known and name != GENERAL),
        reverse=True,
    )
    return ranked[0][1] if ranked and ranked[0][0] >= least else GENERAL


def profile_for(job: JobSpec) -> FieldProfile:
    """Return the profile of the job's field (the general one when unsure)."""
    known = profiles()
    return known.get(field_of(job)) or known[GENERAL]
