"""Set a recruiter's password for the admin: prompted twice, or one line from stdin.

manage.py set_recruiter_password rita@acme.test
echo 'a long passphrase' | manage.py set_recruiter_password rita@acme.test
"""

from __future__ import annotations

import getpass
import sys

from django.core.management.base import BaseCommand, CommandError

from accounts.services import recruiter_password_set
from openhire.errors import OpenHireError

MISMATCH = "The two passwords differ."
EMPTY = "No password given."


class Command(BaseCommand):
    help = (
        "Set a recruiter's admin password (read from stdin when it is not a terminal)."
    )
    stealth_options = ("stdin",)  # tests pass a file-like stdin to call_command

    def add_arguments(self, parser) -> None:
        parser.add_argument("email", help="The recruiter's email.")

    def handle(self, *args, email: str, **options) -> None:
        password = self._read_password(options.get("stdin") or sys.stdin)
        try:
            user = recruiter_password_set(email=email, password=password)
        except OpenHireError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(
            f"Password set for {user.email}; they can log in at /admin/ now."
        )

    def _read_password(self, stdin) -> str:
        if not stdin.isatty():
            password = stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError(MISMATCH)
        if not password:
            raise CommandError(EMPTY)
        return password
