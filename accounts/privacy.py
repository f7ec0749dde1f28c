"""A person's rights over their data: export everything, erase everything personal.

Each project app that stores something about a user keeps a `privacy.py`
module with two functions, found by name like `urls.py` and `routing.py`
(accounts sits below the other apps and imports none of them):

    def user_export(*, user) -> dict        # {section name: JSON-able data}
    def user_erase(*, user, tombstone) -> None

`user_erase()` here makes a **tombstone**: a new, inactive user with no name,
no email of theirs and no password. Each app moves the rows a recruiter's
records need (an application's score and dates, an interview's scores and
dates) onto the tombstone after blanking their text and deleting their files,
and deletes the rest; then the account itself and its tokens are deleted. The
tombstone has a fresh id, so nothing left points back to the person.
"""

from __future__ import annotations

import datetime as dt
import uuid
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import RecruiterInvite, User
from accounts.serializers import TokenSerializer, UserSerializer
from accounts.tokens import token_purge_expired
from openhire.files import orphan_files_delete

ERASED_EMAIL_DOMAIN = "erased.invalid"
ORPHAN_GRACE = dt.timedelta(hours=1)


def _app_modules() -> list[ModuleType]:
    modules = []
    for app in settings.PROJECT_APPS:
        if app not in ("openhire", "accounts") and find_spec(f"{app}.privacy"):
            modules.append(import_module(f"{app}.privacy"))
    return modules


def user_export(*, user: User) -> dict[str, Any]:
    """Return everything held about `user` as JSON-able data."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            **UserSerializer(user).data,
            "is_approved": user.is_approved,
            "has_password": user.has_usable_password(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "tokens": TokenSerializer(user.api_tokens.all(), many=True).data,
    }
    for module in _app_modules():
        data.update(module.user_export(user=user))
    return data


def tombstone_for(user: User) -> User:
    """Create the anonymous, inactive stand-in that keeps a recruiter's figures."""
    marker = uuid.uuid4().hex
    return User.objects.create_user(
        email=f"erased-{marker}@{ERASED_EMAIL_DOMAIN}",
        role=user.role,
        name="",
        is_active=False,
    )


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Erase `user`'s account and personal data, files included (see module doc)."""
    tombstone = tombstone_for(user)
    for module in _app_modules():
        module.user_erase(user=user, tombstone=tombstone)
    user.delete()


def data_purge(
    *, retention_days: int, orphan_grace: dt.timedelta = ORPHAN_GRACE
) -> dict[str, int]:
    """Purge what is kept no longer than needed; return counts per kind.

    Expired API tokens, expired admin sessions and spent or stale invites;
    applications and interviews (files included) older than `retention_days`
    (0 = keep forever); then stored files that no row names (orphans).
    """
    now = timezone.now()
    counts = {
        "expired_tokens": token_purge_expired(now=now),
        "expired_sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        "stale_invites": RecruiterInvite.objects.filter(
            Q(used_at__isnull=False) | Q(expires_at__lt=now)
        ).delete()[0],
    }
    if retention_days:
        before = now - dt.timedelta(days=retention_days)
        for module in _app_modules():
            purge = getattr(module, "retention_purge", None)
            if purge is not None:
                counts[f"{module.__name__.split('.')[0]}_older_than_retention"] = purge(
                    before=before
                )
    counts["orphaned_files"] = orphan_files_delete(
        storage=default_storage, older_than=now - orphan_grace
    )
    return counts
