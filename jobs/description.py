"""Turn a structured job description (a JSON object) into readable text."""

from __future__ import annotations

from typing import Any


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def description_text(value: Any) -> str:
    """Return `value` as text: objects as labelled sections, lists as bullets."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            body = description_text(item)
            if not body:
                continue
            if isinstance(item, (dict, list)):
                parts.append(f"{_label(str(key))}:\n{body}")
            else:
                parts.append(f"{_label(str(key))}: {body}")
        return "\n".join(parts)
    if isinstance(value, list):
        return "\n".join(
            f"- {description_text(item)}" for item in value if item not in (None, "")
        )
    return str(value)
