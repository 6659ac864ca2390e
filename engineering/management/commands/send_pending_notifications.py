"""Send the queued emails whose next attempt is due (the retry safety net)."""

from django.core.management.base import BaseCommand

from engineering.protocol.outbox import send_due


class Command(BaseCommand):
    help = "Envoie les notifications en attente dont le prochain essai est échu (à lancer par cron)."

    def handle(self, *args, **options):
        counts = send_due()
        self.stdout.write(
            f"Notifications envoyées : {counts['sent']}, "
            f"en échec (nouvel essai plus tard) : {counts['failed']}, ignorées : {counts['skipped']}."
        )
