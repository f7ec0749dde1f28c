"""Export and erase a person's self-identification (see accounts/privacy.py).

Erasure deletes the answers outright: they are the most sensitive data held
and no record needs them. `resumes.privacy` runs first and moves the person's
applications onto the tombstone, so the answers are found through either.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from fairness.models import SelfIdentification
from fairness.serializers import SelfIdentificationSerializer


def _answers(*people: Any):
    return SelfIdentification.objects.filter(
        Q(application__candidate__in=[person for person in people if person])
    )


def user_export(*, user) -> dict[str, Any]:
    """Return the user's self-identification answers, per application."""
    return {
        "self_identification": SelfIdentificationSerializer(
            _answers(user), many=True
        ).data
    }


def user_erase(*, user, tombstone) -> None:
    """Delete the user's answers."""
    _answers(user, tombstone).delete()
