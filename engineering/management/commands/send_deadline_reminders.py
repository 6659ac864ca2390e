"""Email each team the list of its overdue requests."""

from collections import defaultdict

from django.core.management.base import BaseCommand

from engineering.models import EngineeringRequest
from engineering.protocol import emails
from engineering.staff import reporting


class Command(BaseCommand):
    help = "Envoie à chaque équipe la liste de ses demandes en retard sur le délai cible de leur état."

    def handle(self, *args, **options):
        by_team = defaultdict(list)
        overdue = reporting.overdue(EngineeringRequest.objects.all()).select_related(
            "assigned_team", "commune", "epci", "region", "departement"
        )
        for engineering_request in overdue.order_by("state_changed_at"):
            by_team[engineering_request.assigned_team].append(engineering_request)
        sent = sum(1 for team, requests in by_team.items() if emails.reminder(team, requests))
        self.stdout.write(
            f"Rappels envoyés : {sent} équipe(s), {sum(map(len, by_team.values()))} demande(s)."
        )
