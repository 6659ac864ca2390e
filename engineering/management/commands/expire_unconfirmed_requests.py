"""Expire the requests whose email address was not confirmed in time."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from engineering.models import EngineeringRequest, RequestState
from engineering.protocol.errors import TransitionError
from engineering.protocol.workflow import apply_transition


class Command(BaseCommand):
    help = "Passe à l'état « expirée » les demandes non confirmées dont le délai est dépassé."

    def handle(self, *args, **options):
        expired = skipped = 0
        due = EngineeringRequest.objects.filter(state=RequestState.RECEIVED, expires_at__lt=timezone.now())
        for engineering_request in due.iterator():
            try:
                apply_transition(engineering_request, "expire", None)
                expired += 1
            except TransitionError:  # confirmed meanwhile
                skipped += 1
        self.stdout.write(f"Demandes expirées : {expired}, ignorées : {skipped}.")
