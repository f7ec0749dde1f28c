"""The offline engine's one vocabulary store: skills, titles and their other names.

Field vocabularies are JSON files, one per field, in `ai/offline/vocabularies/`
(software/data, health care, sales, finance, operations, education,
hospitality, trades, HR). A deployment adds its own directory of files of the
same shape with `configure(extra_dirs=[...])` (plain config: `ai/` never reads
Django settings). Use it as::

    from ai.offline import vocabulary
    store = vocabulary.default()
    store.lookup("SFDC").name                 # "Salesforce"
    store.lookup("MSK").name                  # "Kafka"
    store.field_of("Registered Nurse")        # "health_care"
    [m.term.name for m in store.find("Did med pass for 30 RNs' patients")]
    store.related(store.get("Swift"))          # transferable skills (partial credit)
    store.implied_by(store.get("SQL"))         # PostgreSQL, MySQL, ... imply SQL

A term file holds ``{"field", "label", "terms": [...]}``; each term is
``{"name", "kind"?, "aliases"?, "exact"?, "patterns"?, "implies"?, "related"?}``:

- `aliases` match by word form, case-insensitively, any separator ("k8s",
  "medication administration" also finds "administered medications" when
  written as the alias "administer medication"; a multi-word alias also
  matches written as one word: "Core Data" finds "CoreData");
- `exact` match case-sensitively as written ("Go", "R", "RN");
- `patterns` are regular expressions ("131% of target" for quota attainment);
- `implies`: a mention also evidences these terms, partly (MySQL → SQL);
- `related`: transferable terms that earn partial credit (Swift ↔ Kotlin);
- `kind`: "skill" (default), "title" (a role name) or "certification".

Pure: files are read once, when the store is first built.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ai.offline import text as textkit

BUILTIN_DIR = Path(__file__).parent / "vocabularies"
KINDS = ("skill", "title", "certification")

_extra_dirs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One canonical skill, title or certification and the ways it is written."""

    name: str
    field: str = ""
    kind: str = "skill"
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    key: str = dataclasses.field(default="", compare=False)

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        if not self.patterns:
            return None
        return re.compile("|".join(f"(?:{p})" for p in self.patterns), re.IGNORECASE)

    def mentions(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) spans where `text` names this term."""
        return [(m.start, m.end) for m in _matcher((self,)).find(text)]

    def mentioned_in(self, text: str) -> bool:
        """Say whether `text` names this term under any of its names."""
        return bool(self.mentions(text))

    def first_position(self, text: str) -> int:
        """Return where `text` first names this term, or -1."""
        spans = self.mentions(text)
        return min(start for start, _ in spans) if spans else -1


@dataclass(frozen=True)
class Mention:
    """Where a text names a term."""

    term: Term
    start: int
    end: int
    written: str


# --- matching --------------------------------------------------------------------


def _alias_keys(alias: str) -> list[tuple[str, ...]]:
    """Return the lemma sequences an alias matches (and its one-word spelling)."""
    lemmas = tuple(token.lemma for token in textkit.tokenize(alias))
    if not lemmas:
        return []
    keys = [lemmas]
    if len(lemmas) > 1:
        joined = "".join(token.lower for token in textkit.tokenize(alias))
        keys.append((textkit.lemma(joined),))
    return keys


class _Matcher:
    """Find many terms in a text in one pass over its tokens."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.by_lemma: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
        self.by_raw: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
        self.regex_terms: list[Term] = []
        for term in terms:
            self._add(term)

    def _add(self, term: Term) -> None:
        exact_names = {alias.lower() for alias in term.exact}
        names = (
            term.aliases
            if term.name.lower() in exact_names
            else (
                term.name,
                *term.aliases,
            )
        )
        for alias in names:
            for key in _alias_keys(alias):
                self.by_lemma.setdefault(key[0], []).append((key, term))
        for alias in term.exact:
            raw = tuple(token.raw for token in textkit.tokenize(alias))
            if raw:
                self.by_raw.setdefault(raw[0], []).append((raw, term))
        if term.patterns:
            self.regex_terms.append(term)

    def find(self, text: str) -> list[Mention]:
        tokens = textkit.tokenize(text)
        found: dict[tuple[str, int], Mention] = {}
        for i, token in enumerate(tokens):
            candidates = [
                *(
                    (key, term, False)
                    for key, term in self.by_lemma.get(token.lemma, ())
                ),
                *((key, term, True) for key, term in self.by_raw.get(token.raw, ())),
            ]
            for key, term, raw in candidates:
                span = _span(tokens, i, key, raw=raw)
                previous = found.get((term.key, span[0])) if span else None
                if span and (previous is None or previous.end < span[1]):
                    found[(term.key, span[0])] = Mention(
                        term, *span, text[slice(*span)]
                    )
        for term in self.regex_terms:
            for m in term._regex.finditer(text):  # type: ignore[union-attr]
                found.setdefault((term.key, m.start()), Mention(term, *m.span(), m[0]))
        return sorted(found.values(), key=lambda m: (m.start, m.start - m.end))


def _span(
    tokens: tuple[textkit.Token, ...], i: int, key: tuple[str, ...], *, raw: bool
) -> tuple[int, int] | None:
    """Return the span of `key` read from token `i` on, or None when it differs."""
    window = tokens[i : i + len(key)]
    if len(window) < len(key):
        return None
    if any((t.raw if raw else t.lemma) != k for t, k in zip(window, key, strict=True)):
        return None
    return window[0].start, window[-1].end


@lru_cache(maxsize=4096)
def _matcher(terms: tuple[Term, ...]) -> _Matcher:
    return _Matcher(terms)


# --- the store -------------------------------------------------------------------


class Vocabulary:
    """All terms of all fields, found in text by name, alias or word form."""

    def __init__(self, terms: Sequence[Term]) -> None:
        merged: dict[str, Term] = {}
        for term in terms:
            merged[term.key] = _merge(merged.get(term.key), term)
        self.terms: tuple[Term, ...] = tuple(merged.values())
        self._by_key = {term.key: term for term in self.terms}
        self._alias_index = {
            alias.lower(): term
            for term in self.terms
            for alias in (*term.aliases, *term.exact, term.name)
        }
        self._matcher = _Matcher(self.terms)

    @property
    def fields(self) -> list[str]:
        """Return the fields the store covers, sorted."""
        return sorted({term.field for term in self.terms})

    def get(self, name: str) -> Term:
        """Return the term called `name` (its canonical name, any case)."""
        return self._by_key[name.lower()]

    def find(self, text: str, kinds: Sequence[str] = KINDS) -> list[Mention]:
        """Return every mention of a term in `text`, in reading order."""
        return [m for m in self._matcher.find(text) if m.term.kind in kinds]

    def find_names(self, text: str, kinds: Sequence[str] = KINDS) -> list[str]:
        """Return the names of the terms `text` mentions, in order of first mention."""
        return list(dict.fromkeys(m.term.name for m in self.find(text, kinds)))

    def lookup(self, phrase: str, kinds: Sequence[str] = KINDS) -> Term | None:
        """Return the term a short phrase names ("Postgres" → PostgreSQL), or None.

        An exact name or alias wins; otherwise the earliest, then longest,
        mention ("Django REST Framework" is DRF, not Django).
        """
        whole = self._alias_index.get(phrase.strip().lower())
        if whole is not None and whole.kind in kinds:
            return whole
        mentions = self.find(phrase, kinds)
        return mentions[0].term if mentions else None

    def field_of(self, name: str) -> str:
        """Return the field of the term `name` or of the term it names, or ""."""
        term = self._by_key.get(name.lower()) or self.lookup(name)
        return term.field if term else ""

    def implied_by(self, term: Term) -> list[Term]:
        """Return the terms whose mention implies `term` (MySQL, SQLite for SQL)."""
        return [other for other in self.terms if term.name in other.implies]

    def related(self, term: Term) -> list[Term]:
        """Return the transferable terms of `term`, both directions of `related`."""
        names = {*term.related}
        names |= {other.name for other in self.terms if term.name in other.related}
        return [
            self._by_key[n.lower()] for n in sorted(names) if n.lower() in self._by_key
        ]


def _merge(first: Term | None, second: Term) -> Term:
    """Return one term from two files' entries of the same name (the later extends)."""
    if first is None:
        return second
    return Term(
        name=first.name,
        field=first.field,
        kind=first.kind,
        aliases=tuple(dict.fromkeys((*first.aliases, *second.aliases))),
        exact=tuple(dict.fromkeys((*first.exact, *second.exact))),
        patterns=tuple(dict.fromkeys((*first.patterns, *second.patterns))),
        implies=tuple(dict.fromkeys((*first.implies, *second.implies))),
        related=tuple(dict.fromkeys((*first.related, *second.related))),
        key=first.key,
    )


# --- loading ---------------------------------------------------------------------


def _term(entry: dict, field_name: str) -> Term:
    kind = entry.get("kind", "skill")
    if kind not in KINDS:
        raise ValueError(f"Unknown term kind {kind!r} for {entry.get('name')!r}.")
    name = str(entry["name"]).strip()
    return Term(
        name=name,
        field=field_name,
        kind=kind,
        aliases=tuple(entry.get("aliases", ())),
        exact=tuple(entry.get("exact", ())),
        patterns=tuple(entry.get("patterns", ())),
        implies=tuple(entry.get("implies", ())),
        related=tuple(entry.get("related", ())),
        key=name.lower(),
    )


def read_file(path: Path) -> list[Term]:
    """Return the terms of one vocabulary file; a broken file raises ValueError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        field_name = data.get("field") or path.stem
        return [_term(entry, field_name) for entry in data["terms"]]
    except (OSError, KeyError, TypeError, AttributeError, json.JSONDecodeError) as e:
        raise ValueError(f"Vocabulary file {path} is not valid: {e}") from e


def read_dirs(dirs: Sequence[str | Path]) -> list[Term]:
    """Return the terms of every `*.json` file in `dirs`, in a stable order."""
    terms: list[Term] = []
    for directory in dirs:
        for path in sorted(Path(directory).glob("*.json")):
            terms.extend(read_file(path))
    return terms


@lru_cache(maxsize=8)
def load(extra_dirs: tuple[str, ...] = ()) -> Vocabulary:
    """Return the store of the built-in fields plus those in `extra_dirs`."""
    return Vocabulary(read_dirs([BUILTIN_DIR, *extra_dirs]))


def configure(*, extra_dirs: Sequence[str | Path] = ()) -> None:
    """Add a deployment's vocabulary directories to the default store."""
    global _extra_dirs
    _extra_dirs = tuple(str(d) for d in extra_dirs)
    load(_extra_dirs)  # fail at start-up, not at the first review


def default() -> Vocabulary:
    """Return the store the offline engine uses (built-in + configured fields)."""
    return load(_extra_dirs)
