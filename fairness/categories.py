"""The voluntary self-identification questions and their answers (pure).

EEOC-style categories (EEO-1 race/ethnicity, OFCCP disability and veteran
questions, age bands split at 40 as the US Age Discrimination in Employment
Act does); every question can be answered "prefer not to say", which is the
default for a question left out. Nothing here, or in this app, is read by any
scoring code: `.importlinter` forbids every other app to import `fairness`.
"""

from __future__ import annotations

PREFER_NOT = "prefer_not_to_say"

QUESTIONS: dict[str, tuple[str, ...]] = {
    "sex": ("female", "male", "non_binary", PREFER_NOT),
    "race_ethnicity": (
        "hispanic_or_latino",
        "white",
        "black_or_african_american",
        "asian",
        "native_hawaiian_or_pacific_islander",
        "american_indian_or_alaska_native",
        "two_or_more_races",
        PREFER_NOT,
    ),
    "age_band": ("under_25", "25_39", "40_54", "55_plus", PREFER_NOT),
    "disability": ("yes", "no", PREFER_NOT),
    "veteran_status": ("protected_veteran", "not_a_veteran", PREFER_NOT),
}
CATEGORIES = tuple(QUESTIONS)
