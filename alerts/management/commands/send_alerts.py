"""Send the alerts due (cron, every few minutes): the weekly digests whose week
is over, and any immediate alert a task did not send."""

from django.core.management.base import BaseCommand

from alerts.sending import enqueue, send_alerts


class Command(BaseCommand):
    help = "Écrit et met dans la file d’envoi les alertes dues (résumés hebdomadaires, alertes immédiates)."

    def handle(self, *args, **options):
        counts = send_alerts()
        if counts["remaining"]:
            enqueue()
        self.stdout.write(
            f"Alertes mises dans la file d’envoi : {counts['sent']}, sans nouveauté : {counts['nothing']}, "
            f"en échec (nouvel essai au prochain passage) : {counts['failed']}"
            + (" ; d’autres suivront au prochain passage." if counts["remaining"] else ".")
        )
