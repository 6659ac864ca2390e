"""Delete what the alerts no longer need (daily): subscriptions never
confirmed in time, alert e-mails sent long ago, events everyone was told of."""

from django.core.management.base import BaseCommand

from alerts.subscriptions import expire


class Command(BaseCommand):
    help = "Supprime les abonnements non confirmés à temps, les courriels d’alerte anciens et les nouveautés déjà envoyées."

    def handle(self, *args, **options):
        counts = expire()
        self.stdout.write(
            f"Abonnements non confirmés supprimés : {counts['subscriptions']}, courriels d’alerte supprimés : "
            f"{counts['mails']}, nouveautés déjà envoyées supprimées : {counts['events']}."
        )
