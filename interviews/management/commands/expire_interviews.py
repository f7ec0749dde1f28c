"""Expire unfinished interviews idle past OPENHIRE_INTERVIEW_IDLE_MINUTES."""

from django.core.management.base import BaseCommand

from interviews.retention import interview_expire_idle


class Command(BaseCommand):
    help = "Expire unfinished interviews idle past OPENHIRE_INTERVIEW_IDLE_MINUTES."

    def handle(self, *args, **options) -> None:
        count = interview_expire_idle()
        self.stdout.write(f"Expired {count} idle interview session(s).")
