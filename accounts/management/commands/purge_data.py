"""Purge expired tokens and sessions, orphaned files and data past retention.

manage.py purge_data                      # OPENHIRE_RETENTION_DAYS from settings
manage.py purge_data --retention-days 365

Run it from cron (e.g. daily). Prints one line per kind with its count.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.privacy import data_purge


class Command(BaseCommand):
    help = (
        "Delete expired API tokens and admin sessions, spent invites, applications "
        "and interviews older than the retention setting (files included), and "
        "stored files no row names."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--retention-days",
            type=int,
            default=None,
            help="Override OPENHIRE_RETENTION_DAYS (0 keeps data forever).",
        )

    def handle(self, *args, retention_days: int | None = None, **options) -> None:
        days = (
            settings.OPENHIRE_RETENTION_DAYS
            if retention_days is None
            else max(0, retention_days)
        )
        for kind, count in data_purge(retention_days=days).items():
            self.stdout.write(f"{kind}: {count}")
