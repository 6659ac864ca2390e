"""Email each team the list of its overdue requests."""

from collections import defaultdict

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from engineering import notifications, reporting
from engineering.models import EngineeringRequest


class Command(BaseCommand):
    help = "Envoie à chaque équipe la liste de ses demandes en retard sur le délai cible de leur état."

    def handle(self, *args, **options):
        by_team = defaultdict(list)
        overdue = reporting.overdue(EngineeringRequest.objects.all()).select_related(
            "assigned_team", "commune", "epci"
        )
        for request in overdue.order_by("state_changed_at"):
            by_team[request.assigned_team].append(request)
        sent = 0
        for team, requests in by_team.items():
            lines = [
                f"- {r.reference} — {r.title} ({r.collectivite_label}) : {r.get_state_display()} depuis le "
                f"{r.state_changed_at:%d/%m/%Y}\n  {notifications.staff_url(r)}"
                for r in requests
            ]
            body = _("Ces demandes dépassent le délai cible de leur état :\n\n%(lines)s") % {
                "lines": "\n".join(lines)
            }
            subject = _("Demandes d'ingénierie en retard : %(count)s") % {"count": len(requests)}
            if notifications.queue("team_reminder", notifications.group_emails(group=team), subject, body):
                sent += 1
        self.stdout.write(
            f"Rappels envoyés : {sent} équipe(s), {sum(map(len, by_team.values()))} demande(s)."
        )
