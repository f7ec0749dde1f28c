"""A job's skills: the string the client sent, and the list read from it.

The wire carries `skills` as one string (`"Python, FastAPI, SQL"`), echoed
exactly as sent; a JSON array in a request becomes the comma-joined string.
Filtering and resume matching use the parsed list (`skills_list` on the wire).

    text, items = skills_read(["Python", "SQL"])  # ("Python, SQL", ["Python", "SQL"])
"""

from __future__ import annotations

MAX_SKILLS = 100
MAX_SKILL_LENGTH = 100
MAX_SKILLS_TEXT = 10_000
JOINER = ", "


def skills_list(text: str) -> list[str]:
    """Return the skills named in a comma-separated string, trimmed, blanks dropped."""
    return [item.strip()[:MAX_SKILL_LENGTH] for item in text.split(",") if item.strip()]


def skills_read(value: str | list) -> tuple[str, list[str]]:
    """Return (the wire string, the parsed list) for a string or a list of skills.

    A list keeps its items as given (an item may itself hold a comma).
    """
    if isinstance(value, str):
        return value, skills_list(value)
    named = [str(item).strip() for item in value or [] if str(item).strip()]
    return JOINER.join(named), [item[:MAX_SKILL_LENGTH] for item in named]


def skills_text(text: str, items: list[str]) -> str:
    """Return the wire string of stored skills: as sent, else the list joined."""
    return text or JOINER.join(items)
