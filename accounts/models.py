"""Users (recruiters and candidates) and their hashed API tokens."""

from __future__ import annotations

import hashlib
import uuid

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.db.models.functions import Lower


class Role(models.TextChoices):
    RECRUITER = "recruiter", "Recruiter"
    CANDIDATE = "candidate", "Candidate"


class UserManager(BaseUserManager["User"]):
    def get_by_natural_key(self, email: str) -> User:
        return self.get(email__iexact=email)

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        user = self.model(email=self.normalize_email(email), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(
        self, email: str, password: str | None = None, **fields
    ) -> User:
        fields.setdefault("role", Role.RECRUITER)
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(max_length=254, unique=True)
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    is_approved = models.BooleanField(
        default=True,
        help_text="Recruiters signed up under OPENHIRE_RECRUITER_SIGNUP=approval "
        "wait for an operator to tick this before they post jobs or use the admin.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    external_id = models.CharField(
        max_length=128,
        unique=True,
        null=True,
        blank=True,
        help_text="The gateway's id for a user provisioned in trusted mode.",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique"
            ),
        ]
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.name or self.email} ({self.role})"

    @property
    def public_id(self) -> str:
        """Return the id clients know this user by: the gateway's, else ours."""
        return public_id_of(self.id, self.external_id)


def public_id_of(user_id: uuid.UUID, external_id: str | None) -> str:
    """Return the id clients know a user by: the gateway's, else ours."""
    return external_id or str(user_id)


def hash_token(key: str) -> str:
    """Return the stored form of an API token (SHA-256; tokens are random, so no salt)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """An API token; only its hash is stored, the key is shown once.

    Expiry is fixed: `expires_at` is set at creation (OPENHIRE_TOKEN_TTL_DAYS)
    and never moves; a user creates a new token before the old one expires.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(
        max_length=8, help_text="First characters, to tell tokens apart."
    )
    name = models.CharField(max_length=100, blank=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… for {self.user_id}"


class RecruiterInvite(models.Model):
    """A single-use invitation to sign up as a recruiter (OPENHIRE_RECRUITER_SIGNUP=invite)."""

    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invites_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"invite by {self.created_by_id} ({'used' if self.used_at else 'open'})"
