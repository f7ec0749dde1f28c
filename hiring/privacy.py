"""Export a person's hiring decisions; erasure keeps the ledger (accounts/privacy.py).

The export holds the decisions on the person's applications and those they
made. Erasure changes nothing here: the ledger is append-only, a record the
employer must keep of who decided what (GDPR art. 17(3)(b) and (e)); it holds no
name or email, and once the account is gone its id points at nobody.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from hiring.models import Decision
from hiring.serializers import DecisionSerializer


def user_export(*, user) -> dict[str, Any]:
    """Return the decisions on the user's applications and those the user made."""
    decisions = Decision.objects.filter(
        Q(application__candidate=user) | Q(decided_by=user)
    ).order_by("decided_at", "id")
    return {"decisions": DecisionSerializer(decisions, many=True).data}


def user_erase(*, user, tombstone) -> None:
    """Keep the ledger as it is (see the module docstring)."""
