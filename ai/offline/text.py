"""The offline engine's one text toolkit: normalise, tokenize, lemmatise, split.

Every offline module (resume review, interview rubric, chat) reads text through
these functions, so a word means the same thing everywhere::

    from ai.offline import text
    text.normalize("Zoë’s CV\u200b")        # "Zoë's CV" (NFKC, plain quotes, no
                                            # zero-width characters)
    text.tokenize("Administered meds")     # (Token("Administered", lemma=
                                            #  "administer"), Token("meds", "med"))
    text.lemma("reconciled")                # "reconcile"
    text.words("Built REST APIs")           # ["built", "rest", "apis"]
    text.split_sentences("B.Sc. in X. Then Y.")  # ["B.Sc. in X.", "Then Y."]
    text.digits_for_number_words("six years")    # "6 years"

Word forms come from `simplemma` (a lemmatiser shipped with its dictionaries;
nothing is downloaded). Acronyms ("RN", "MSK") and tokens holding digits or
symbols ("k8s", "C++") are kept as written; a word the dictionary does not
know loses a plural "s" ("RNs" → "rn"). Pure: no Django, no I/O after import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma

LANGUAGE = "en"
MAX_LEMMA_CHARS = 40  # longer "words" are junk; the lemmatiser is slow on them

# One-for-one character folds: they keep every offset of the text unchanged.
CHAR_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\u2060": " ",
        "\ufeff": " ",
        "\u00ad": " ",
    }
)

_TOKEN = re.compile(r"(?<![\w.])\.?[^\W_](?:[\w+#&]|[./'](?=[^\W_]))*[+#]*")
_SHORT_LEMMAS = {
    "led": "lead",
    "ran": "run",
    "met": "meet",
    "won": "win",
    "did": "do",
    "was": "be",
    "had": "have",
    "has": "have",
    "got": "get",
    "saw": "see",
    "fed": "feed",
    "are": "be",
    "men": "man",
}

STOPWORDS = frozenset(
    "a an and or of in on for with to the at by from as is are be was were this "
    "that these those it its into per via i my our we you your their they".split()
)

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
}
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")(?:[\s-]+(one|two|three|four|five|six|"
    r"seven|eight|nine))?\b(?=[\s-]*\(?\d*\)?\s*\+?\s*(?:years?|yrs?|months?)\b)",
    re.IGNORECASE,
)

ABBREVIATIONS = frozenset(
    "e.g i.e etc vs dr mr mrs ms prof inc ltd co corp jr sr st no approx b.sc m.sc "
    "b.a m.a b.s m.s ph.d b.eng m.eng r.n l.p.n incl dept esp yrs mos pts hrs avg min "
    "max pres".split()
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9\"(])")
_BULLET = re.compile(r"^[\s\-*>\u2022\u00b7\u25aa\u25cf\u25cb\u25e6]+")
WRAP_WIDTH = 60  # a line this long without a full stop was probably wrapped


@dataclass(frozen=True)
class Token:
    """One word of a text: as written, lower-cased, its lemma, and where it stands."""

    raw: str
    lower: str
    lemma: str
    start: int
    end: int


def normalize(text: str) -> str:
    """Return `text` in NFKC form with plain quotes, dashes and spaces."""
    return unicodedata.normalize("NFKC", text or "").translate(CHAR_FOLD)


def fold_chars(text: str) -> str:
    """Return `text` with plain quotes, dashes and spaces, every offset unchanged."""
    return text.translate(CHAR_FOLD)


def fold(text: str) -> str:
    """Return `text` normalised, case-folded and without diacritics ("Zoë" → "zoe")."""
    decomposed = unicodedata.normalize("NFKD", normalize(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Return the dictionary form of one word ("administered" → "administer").

    The lemma depends on the lower-cased word only, so "RNs", "rns" and "RN"
    all give "rn" and a lower-cased resume reads like the original.
    """
    lower = word.lower()
    if not lower.isalpha() or len(lower) > MAX_LEMMA_CHARS:
        return lower
    if len(lower) <= 3:
        plural = (
            len(lower) == 3 and lower.endswith("s") and not lower.endswith(_NOT_PLURAL)
        )
        return _SHORT_LEMMAS.get(lower, lower[:-1] if plural else lower)
    found = simplemma.lemmatize(lower, lang=LANGUAGE).lower()
    if found == lower and _unknown_plural(lower):
        return lower[:-1]
    return found if found.isalpha() else lower


def _unknown_plural(word: str) -> bool:
    """Say whether a word the dictionary left alone reads as a plural ("APIs")."""
    if not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return False
    return not word.endswith("is") or len(word) <= 5


_NOT_PLURAL = ("ss", "us")


def tokenize(text: str) -> tuple[Token, ...]:
    """Return the word tokens of `text` with their lemmas and offsets."""
    if len(text) <= _CACHED_LENGTH:
        return _tokenize_cached(text)
    return _tokenize_long(text)


_CACHED_LENGTH = 2_000  # sentences and phrases are cached, whole documents not


@lru_cache(maxsize=8192)
def _tokenize_cached(text: str) -> tuple[Token, ...]:
    return _tokenize(text)


@lru_cache(maxsize=4)  # a long line is read by several steps of one review
def _tokenize_long(text: str) -> tuple[Token, ...]:
    return _tokenize(text)


def _tokenize(text: str) -> tuple[Token, ...]:
    folded = text.translate(CHAR_FOLD)
    return tuple(
        Token(m.group(), m.group().lower(), lemma(m.group()), m.start(), m.end())
        for m in _TOKEN.finditer(folded)
    )


def words(text: str) -> list[str]:
    """Return the lower-case word tokens of `text` (keeping +, #, & and inner dots)."""
    return [token.lower for token in tokenize(text)]


def lemmas(text: str) -> list[str]:
    """Return the lemma of every word token of `text`."""
    return [token.lemma for token in tokenize(text)]


def content_lemmas(text: str) -> list[str]:
    """Return the lemmas of `text` without stop words."""
    return [t.lemma for t in tokenize(text) if t.lower not in STOPWORDS]


def stem(word: str) -> str:
    """Return the word form two spellings share ("designs", "designing" → "design")."""
    return lemma(word)


def digits_for_number_words(text: str) -> str:
    """Write counted durations in digits ("six years" → "6 years")."""

    def digits(match: re.Match[str]) -> str:
        value = _NUMBER_WORDS[match.group(1).lower()]
        if match.group(2):
            value += _NUMBER_WORDS[match.group(2).lower()]
        return str(value)

    return _NUMBER_WORD.sub(digits, text)


# --- sentences -----------------------------------------------------------------


def strip_bullet(line: str) -> str:
    """Return `line` without a leading bullet mark."""
    return _BULLET.sub("", line).strip()


def is_bulleted(line: str) -> bool:
    """Say whether `line` starts with a bullet mark."""
    return bool(_BULLET.match(line)) and bool(line.strip())


def split_lines(text: str, *, keep_blank: bool = False) -> list[str]:
    """Return the logical lines of `text`: wrapped lines joined to the line before.

    A line continues the one before when it starts in lower case after a line
    that did not end a sentence, or when the line before was long (a PDF wrap).
    With `keep_blank`, each run of blank lines is kept as one "" (a paragraph
    break).
    """
    units: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if keep_blank and units and units[-1]:
                units.append("")
            joinable = False
            continue
        if joinable and units and _continues(units[-1], line):
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(line)
        joinable = True
    return units


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATES_END = re.compile(r"(?:\b(?:19|20)\d\d|present|now|current)\W*$", re.IGNORECASE)


def _continues(previous: str, line: str) -> bool:
    if previous.endswith((".", "!", "?", ":", ";")) or _BULLET.match(line):
        return False
    if _YEAR.search(line) or _DATES_END.search(previous):
        return False  # a dated line is an entry's title, never a wrapped sentence
    if line[:1].islower():
        return True
    return len(previous) >= WRAP_WIDTH and not line.isupper()


def split_unit(unit: str) -> list[str]:
    """Split one logical line into sentences; "B.Sc." or "e.g." end none."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(unit):
        before = unit[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in ABBREVIATIONS or len(last) == 1:
            continue
        sentences.append(unit[start : match.end()].strip())
        start = match.end()
    tail = unit[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split text into sentences and bullet items (wrapped lines joined)."""
    return [sentence for unit in split_lines(text) for sentence in split_unit(unit)]


# --- reading quality -----------------------------------------------------------


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """Say whether the English dictionary knows `word` (any case, any form)."""
    lower = word.lower()
    return simplemma.is_known(lower, lang=LANGUAGE) or lemma(lower) != lower
