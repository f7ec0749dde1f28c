"""Chat routing study: does the offline assistant understand what people ask?

Routes every question of `bench/data/chat_study.py` (expected intents written
before any run) and prints each routing, then the share routed right.

    .venv/bin/python bench/chat_quality.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ai.offline import intents  # noqa: E402
from bench.data.chat_study import QUESTIONS  # noqa: E402

GOAL = 0.9


def routed(question: str) -> str:
    """Return the intent the assistant answers `question` with, or "unknown"."""
    found = intents.route(question)
    return found[0].name if found else "unknown"


def main() -> int:
    right = 0
    width = max(len(q) for q, _ in QUESTIONS)
    print(f"{'question':<{width}}  {'expected':<15} routed")
    for question, expected in QUESTIONS:
        got = routed(question)
        right += got == expected
        mark = "" if got == expected else "  ✗"
        print(f"{question:<{width}}  {expected:<15} {got}{mark}")
    share = right / len(QUESTIONS)
    print(
        f"\nsummary: {right}/{len(QUESTIONS)} questions routed right ({share:.0%}; "
        f"goal >= {GOAL:.0%})"
    )
    return 0 if share >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
