"""The Django admin as the recruiters' desk: who may log in, and what each one sees.

- Superusers see and change everything, as in any Django admin.
- A recruiter with a password (`is_staff`, set by `POST /users` with a password
  or by `manage.py set_recruiter_password`) logs in and sees only what they own:
  their jobs, the applications to those jobs, the interviews for those jobs.
- Anyone else (a candidate, even one with `is_staff` set by mistake) cannot log in.

Recruiters get no rows in Django's permission tables: a model admin says what a
recruiter may do by mixing in `RecruiterScopedAdmin`, naming the path from its
model to the owning recruiter (`owner_lookup`) and the actions recruiters may take
(`recruiter_can_add`, `recruiter_can_change`, `recruiter_can_delete`). Ownership
is decided per row, so a second recruiter sees none of the first one's rows.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from accounts.models import Role, hash_token
from openhire.throttling import keyed_throttle_wait, request_client_address

RECRUITERS_ONLY = (
    "Only recruiters (and administrators) can log in here. Candidates take "
    "interviews at /interview/."
)


def is_superuser(user: Any) -> bool:
    return bool(user.is_active and user.is_superuser)


def is_desk_recruiter(user: Any) -> bool:
    """Say whether `user` is a recruiter allowed into the admin (active, staff)."""
    return bool(
        user.is_active
        and user.is_staff
        and getattr(user, "role", None) == Role.RECRUITER
        and getattr(user, "is_approved", True)
    )


LOGIN_THROTTLED = (
    "Too many login attempts for this account or from this address; "
    "try again in {seconds} seconds."
)


def admin_login_wait(*, username: str, address: str) -> int | None:
    """Count one admin login attempt; return seconds to wait when over a budget.

    Budgets: OPENHIRE_THROTTLE_ADMIN_LOGIN per account (whatever the address)
    and OPENHIRE_THROTTLE_ADMIN_LOGIN_IP per client address (whatever the account).
    """
    account = hash_token(username.strip().lower()[:254])  # any text, a safe key
    return keyed_throttle_wait(
        [
            (settings.OPENHIRE_THROTTLE_ADMIN_LOGIN, f"admin_login_user:{account}"),
            (settings.OPENHIRE_THROTTLE_ADMIN_LOGIN_IP, f"admin_login_ip:{address}"),
        ]
    )


class RecruiterAuthenticationForm(AdminAuthenticationForm):
    """The admin login form: throttled, and refusing staff users who are not recruiters."""

    def clean(self) -> dict:
        if self.request is not None:
            wait = admin_login_wait(
                username=str(self.data.get("username", "")),
                address=request_client_address(self.request),
            )
            if wait:
                raise forms.ValidationError(
                    LOGIN_THROTTLED.format(seconds=wait), code="throttled"
                )
        return super().clean()

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)  # inactive or not staff: refused
        if not (is_superuser(user) or is_desk_recruiter(user)):
            raise forms.ValidationError(RECRUITERS_ONLY, code="recruiters_only")


class OpenHireAdminSite(admin.AdminSite):
    """The admin site: superusers and recruiters with a password only."""

    site_header = "OpenHire recruiter desk"
    site_title = "OpenHire admin"
    index_title = "Your jobs, applications and interviews"
    login_form = RecruiterAuthenticationForm

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return is_superuser(user) or is_desk_recruiter(user)


class RecruiterScopedAdmin:
    """Mix into a `ModelAdmin` (before it) to scope it to the recruiter's own rows."""

    class Media:
        css = {"all": ["openhire/admin.css"]}

    owner_lookup: str = "recruiter"
    recruiter_can_add: bool = False
    recruiter_can_change: bool = False
    recruiter_can_delete: bool = False

    def owner_id(self, obj: Model) -> Any:
        """Return the id of the recruiter who owns `obj`, following `owner_lookup`."""
        *path, last = self.owner_lookup.split("__")
        for name in path:
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return getattr(obj, f"{last}_id", None)

    def _owns(self, request: HttpRequest, obj: Model | None) -> bool:
        return obj is None or self.owner_id(obj) == request.user.pk

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request)  # type: ignore[misc]
        if is_superuser(request.user):
            return rows
        if is_desk_recruiter(request.user):
            return rows.filter(**{self.owner_lookup: request.user})
        return rows.none()

    def has_module_permission(self, request: HttpRequest) -> bool:
        if is_superuser(request.user):
            return super().has_module_permission(request)  # type: ignore[misc]
        return is_desk_recruiter(request.user)

    def has_view_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        if is_superuser(request.user):
            return super().has_view_permission(request, obj)  # type: ignore[misc]
        return is_desk_recruiter(request.user) and self._owns(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        if is_superuser(request.user):
            return super().has_add_permission(request, *args)  # type: ignore[misc]
        return is_desk_recruiter(request.user) and self.recruiter_can_add

    def has_change_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        if is_superuser(request.user):
            return super().has_change_permission(request, obj)  # type: ignore[misc]
        return (
            is_desk_recruiter(request.user)
            and self.recruiter_can_change
            and self._owns(request, obj)
        )

    def has_delete_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        if is_superuser(request.user):
            return super().has_delete_permission(request, obj)  # type: ignore[misc]
        return (
            is_desk_recruiter(request.user)
            and self.recruiter_can_delete
            and self._owns(request, obj)
        )


def html_list(items: Any) -> str:
    """Render a list of strings as an HTML list (escaped); "—" when empty."""
    from django.utils.html import format_html, format_html_join

    if isinstance(items, str):
        items = [items]
    items = [str(item) for item in (items or []) if str(item).strip()]
    if not items:
        return "—"
    return format_html(
        '<ul class="openhire-list">{}</ul>',
        format_html_join("", "<li>{}</li>", ((item,) for item in items)),
    )
