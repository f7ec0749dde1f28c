"""Parse the salary a recruiter wrote into yearly numbers, so jobs sort by money.

    >>> parse_salary("$100k-$120k")
    Salary(minimum=100000, maximum=120000, currency='USD', period='year')
    >>> parse_salary("competitive")
    Salary(minimum=None, maximum=None, currency='', period='')

Hourly, daily, weekly and monthly figures are annualised (2080 hours, 260 days,
52 weeks, 12 months a year). Currencies are recorded, never converted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HOURS_PER_YEAR = 2080
PERIOD_FACTORS = {
    "hour": HOURS_PER_YEAR,
    "day": 260,
    "week": 52,
    "month": 12,
    "year": 1,
}
PERIOD_WORDS = {
    "hour": (
        "/h",
        "/hr",
        "/hour",
        "per hour",
        "an hour",
        "hourly",
        "p/h",
        "ph",
        "/ hour",
        "/ hr",
    ),
    "day": ("/day", "per day", "a day", "daily", "/ day"),
    "week": ("/week", "/wk", "per week", "a week", "weekly", "/ week"),
    "month": ("/month", "/mo", "per month", "a month", "monthly", "/ month", "pcm"),
    "year": (
        "/year",
        "/yr",
        "per year",
        "a year",
        "annually",
        "annual",
        "yearly",
        "pa",
        "p.a.",
        "/ year",
    ),
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_CODES = (
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "INR",
    "JPY",
    "CHF",
    "SEK",
    "NZD",
    "SGD",
)

# A number with optional thousands separators/decimals and an optional k/m suffix.
NUMBER = re.compile(r"(\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?(?![a-zA-Z])")


@dataclass(frozen=True)
class Salary:
    minimum: int | None
    maximum: int | None
    currency: str
    period: str


NO_SALARY = Salary(None, None, "", "")


def _period(text: str) -> str:
    lowered = f" {text.lower()} "
    for period, words in PERIOD_WORDS.items():
        for word in words:
            if word.startswith("/"):
                if word in lowered.replace(" /", "/"):
                    return period
            elif re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered):
                return period
    return "year"


def _currency(text: str) -> str:
    for sign, code in CURRENCY_SIGNS.items():
        if sign in text:
            return code
    upper = text.upper()
    for code in CURRENCY_CODES:
        if re.search(rf"\b{code}\b", upper):
            return code
    return ""


def _amount(digits: str, suffix: str | None) -> float:
    value = float(re.sub(r"[,\s]", "", digits))
    if suffix in ("k", "K"):
        value *= 1_000
    elif suffix in ("m", "M"):
        value *= 1_000_000
    return value


def parse_salary(text: str) -> Salary:
    """Return the yearly range a salary text states, or `NO_SALARY`."""
    if not text or len(text) > 200:
        return NO_SALARY
    matches = NUMBER.findall(text)
    if not matches:
        return NO_SALARY
    amounts = [_amount(digits, suffix) for digits, suffix in matches[:2]]
    # "$100-120k": a bare first number takes the second one's suffix.
    if len(matches) == 2 and not matches[0][1] and matches[1][1] and amounts[0] < 1000:
        amounts[0] = _amount(matches[0][0], matches[1][1])
    period = _period(text)
    factor = PERIOD_FACTORS[period]
    yearly = sorted(round(amount * factor) for amount in amounts)
    if yearly[-1] <= 0:
        return NO_SALARY
    return Salary(yearly[0], yearly[-1], _currency(text), period)
