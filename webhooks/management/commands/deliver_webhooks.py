"""Send the webhook deliveries whose retry time has come (cron, each minute)."""

from django.core.management.base import BaseCommand

from webhooks.services import deliveries_send_due


class Command(BaseCommand):
    help = "Attempt every pending webhook delivery whose retry time has come."

    def handle(self, *args, **options) -> None:
        count = deliveries_send_due()
        self.stdout.write(f"{count} webhook deliveries attempted")
